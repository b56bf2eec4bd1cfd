// Tests of prompt rendering: every template filled, the view's facts present, trimming to a budget.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.search.AdvisorView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
  @Test
  void templatesHaveTheirPlaceholdersAndRenderTheRequest() {
    assertTrue(PromptTemplate.load("user").placeholders().containsAll(List.of("node_ir",
        "parent_ir", "trace", "menu", "stats", "budget_used", "node_speedup", "tried")));
    ChatChannel.Prompt p = new PromptBuilder(6000, 0.25).build(TestViews.view("small"));
    assertFalse(p.system().contains("{{") || p.user().contains("{{"));
    assertTrue(p.system().contains("You are small"));
    assertTrue(p.system().contains("large (70B parameters)"));
    assertTrue(p.system().contains("small (1.5B parameters) - you"));
    assertTrue(p.system().contains("25%"));
    assertTrue(p.user().contains("speedup 1.50x"));
    assertTrue(p.user().contains("  1. permute i,k,j"));
    assertTrue(p.user().contains("3: vectorize j width=16"));
    assertTrue(p.user().contains("3 of 10 measurements"));
    assertTrue(p.user().contains("affine.load %B[%k, %j]"), "the full IR fits");
    assertEquals(List.of("small", "medium", "large"), p.advisorNames());
    assertEquals(64, p.sha256().length());
  }

  @Test
  void correctionRequestsNameTheCheaperProposalAndScores() {
    AdvisorView<String, String> v = TestViews.view("large");
    AdvisorView<String, String> c = new AdvisorView<>("large", v.node(), v.parent(),
        v.nodeText(), v.parentText(), v.trace(), v.triedHere(), 1.5, 1.0, v.menu(), v.menuText(),
        v.advisors(), v.recentExpanders(), 3, 10, 1,
        new AdvisorView.Correction("small", List.of("unroll k factor=4"), 1.5, 0.75));
    String user = new PromptBuilder(6000, 0.25).build(c).user();
    assertTrue(user.startsWith("Course correction. The cheaper advisor small proposed"));
    assertTrue(user.contains("unroll k factor=4"));
    assertTrue(user.contains("speedup 1.50x before, 0.75x after"));
  }

  @Test
  void overBudgetPromptsElideBodiesBeforeCuttingTheMenu() {
    StringBuilder big = new StringBuilder("func.func @f() {\n  affine.for %i = 0 to 8 {\n");
    for (int i = 0; i < 400; i++) {
      big.append("    %v").append(i).append(" = arith.addf %x, %y : f32\n");
    }
    big.append("  }\n  return\n}");
    List<String> menu = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      menu.add("tile i sizes=" + (i + 2));
    }
    AdvisorView<String, String> v = new AdvisorView<>("small", "n", "p", big.toString(),
        big.toString(), List.of(), List.of(), 1.0, Double.NaN, menu, menu, TestViews.pool(),
        List.of(), 0, 10, 1, null);
    ChatChannel.Prompt fits = new PromptBuilder(2000, 0.25).build(v);
    assertTrue(fits.estimatedTokens() <= 2000, "estimate " + fits.estimatedTokens());
    assertTrue(fits.user().contains("affine.for %i = 0 to 8 {"), "loop headers stay");
    assertTrue(fits.user().contains("// ... "), "bodies are elided");
    assertTrue(fits.user().contains("39: tile i sizes=41"), "the menu is cut last");
    ChatChannel.Prompt tight = new PromptBuilder(700, 0.25).build(v);
    assertTrue(tight.user().contains("more actions not shown"));
    assertTrue(tight.user().contains("0: tile i sizes=2"));
  }
}
