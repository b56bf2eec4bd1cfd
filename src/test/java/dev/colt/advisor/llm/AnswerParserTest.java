// Tests of tolerant answer parsing: formats real models produce, and answers that must be rejected.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerParserTest {
  private static final List<String> MENU = TestViews.MENU;
  private static final List<String> POOL = List.of("small", "medium", "qwen-coder-32b");

  private static AnswerParser.Answer parse(String text) throws AnswerParser.Rejected {
    return AnswerParser.parse(text, MENU, POOL);
  }

  @Test
  void acceptsTheRequestedObject() throws Exception {
    AnswerParser.Answer a = parse("{\"actions\": [1, 2], \"next\": \"small\", \"why\": \"x\"}");
    assertEquals(List.of(1, 2), a.actions());
    assertEquals("small", a.next());
    assertEquals("x", a.why());
  }

  @Test
  void acceptsFencesProseTrailingCommasQuotesAndAliases() throws Exception {
    assertEquals(List.of(3), parse("Sure! Here is my choice:\n```json\n{\"actions\": [3,],"
        + " \"next\": \"medium\",}\n```\nThis vectorizes.").actions());
    AnswerParser.Answer a = parse("I pick {'action': 2, 'next_advisor': 'small'} because.");
    assertEquals(List.of(2), a.actions());
    assertEquals("small", a.next());
    assertEquals(List.of(0), parse("{\"mutators\": [\"0: permute i,k,j\"], "
        + "\"next_model\": \"medium\"}").actions());
    assertEquals(List.of(1), parse("{\"actions\": [{\"index\": 1}]}").actions());
    assertNull(parse("{\"actions\": [1]}").next());
    assertEquals(List.of(2), parse("<think>maybe {\"actions\": [0]}? no.</think>\n"
        + "{\"actions\": [2], \"next\": \"small\"}").actions());
  }

  @Test
  void matchesActionsGivenAsMenuTextWithNearMisses() throws Exception {
    assertEquals(List.of(2), parse("{\"actions\": [\"unroll k factor=4\"]}").actions());
    assertEquals(List.of(1), parse("{\"actions\": [\"Tile i,j  sizes=32,32\"]}").actions());
    assertEquals(List.of(3), parse("{\"actions\": [\"vectorise j width=16\"]}").actions());
  }

  @Test
  void correctsNearMissAdvisorNamesAndKeepsUnknownOnes() throws Exception {
    assertEquals("qwen-coder-32b", parse("{\"actions\":[0],\"next\":\"Qwen-Coder-32B\"}").next());
    assertEquals("qwen-coder-32b", parse("{\"actions\":[0],\"next\":\"qwen-coder-33b\"}").next());
    assertEquals("medium", parse("{\"actions\":[0],\"next\":\"meduim\"}").next());
    assertEquals("gpt-9000", parse("{\"actions\":[0],\"next\":\"gpt-9000\"}").next());
  }

  @Test
  void readsPlainTextWhenThereIsNoJson() throws Exception {
    AnswerParser.Answer a = parse("Actions: 2, 3\nNext advisor: medium");
    assertEquals(List.of(2, 3), a.actions());
    assertEquals("medium", a.next());
  }

  @Test
  void rejectsAnswersWithoutAUsableAction() {
    for (String bad : List.of("", "I would tile the loops.", "{\"actions\": []}",
        "{\"actions\": [9]}", "{\"next\": \"small\"}", "{\"actions\": [\"fuse everything\"]}",
        "{\"actions\": [1.5]}")) {
      AnswerParser.Rejected r = assertThrows(AnswerParser.Rejected.class, () -> parse(bad), bad);
      assertTrue(!r.getMessage().isBlank());
    }
    assertTrue(assertThrows(AnswerParser.Rejected.class, () -> parse("{\"actions\": [9]}"))
        .getMessage().contains("not on the menu (0..3)"));
  }
}
