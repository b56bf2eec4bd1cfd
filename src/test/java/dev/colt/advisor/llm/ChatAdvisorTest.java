// Tests of the chat advisor against a loopback server speaking the OpenAI and Ollama protocols.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.colt.search.AdvisorException;
import dev.colt.search.Proposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatAdvisorTest {
  private static final String KEY = "sk-test-7f3a9c1e-do-not-leak";
  private static final String GOOD = "{\"actions\": [1], \"next\": \"large\", \"why\": \"tile\"}";

  private final List<Long> sleeps = new ArrayList<>();

  private ChatAdvisor<String, String> advisor(ModelSpec spec) {
    ChatChannel channel = new LangChainChannel(spec, spec.apiKeyEnv() == null ? null : KEY);
    return new ChatAdvisor<>(spec, channel, new PromptBuilder(spec.promptTokens(), 0.25),
        sleeps::add);
  }

  private static ModelSpec openAi(FakeChatServer server, int retries, Duration timeout) {
    return TestViews.spec("medium", ModelSpec.Backend.OPENAI, server.openAiBase(), retries,
        timeout, "COLT_TEST_KEY");
  }

  /** A script answering the given replies in order, then GOOD. */
  private static java.util.function.Function<FakeChatServer.Request, FakeChatServer.Reply> seq(
      FakeChatServer.Reply... replies) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      int i = n.getAndIncrement();
      return i < replies.length ? replies[i] : new FakeChatServer.Answer(GOOD);
    };
  }

  @Test
  void openAiAnswerIsParsedAndCostedAndTheRequestCarriesSchemaAndKey() throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq())) {
      Proposal p = advisor(openAi(server, 2, Duration.ofSeconds(5)))
          .propose(TestViews.view("medium"));
      assertEquals(List.of(1), p.actions());
      assertEquals("large", p.nextAdvisor());
      assertEquals(100, p.usage().tokensIn());
      assertEquals(20, p.usage().tokensOut());
      assertEquals((100 * 0.5 + 20 * 2.0) / 1e6, p.usage().money(), 1e-15);
      assertTrue(p.usage().latencyMillis() > 0);
      assertEquals(0, p.usage().failedAttempts());
      FakeChatServer.Request req = server.requests().get(0);
      assertEquals("/v1/chat/completions", req.path());
      assertEquals("Bearer " + KEY, req.header("Authorization"));
      assertEquals("medium-model", req.model());
      JsonNode format = req.body().path("response_format");
      assertEquals("json_schema", format.path("type").asText());
      JsonNode schema = format.path("json_schema").path("schema");
      assertEquals("integer", schema.path("properties").path("actions").path("items")
          .path("type").asText(), schema.toString());
      assertTrue(schema.path("required").toString().contains("next"));
      assertTrue(req.message("system").contains("large"));
      assertTrue(req.message("user").contains("1: tile i,j sizes=32,32"));
      assertFalse(p.rawAnswer().contains(KEY));
    }
  }

  @Test
  void ollamaRequestCarriesTheSchemaAsFormatAndTokenCountsComeBack() throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq())) {
      ModelSpec spec = TestViews.spec("small", ModelSpec.Backend.OLLAMA, server.ollamaBase(), 0,
          Duration.ofSeconds(5), null);
      Proposal p = advisor(spec).propose(TestViews.view("small"));
      assertEquals(List.of(1), p.actions());
      FakeChatServer.Request req = server.requests().get(0);
      assertEquals("/api/chat", req.path());
      assertEquals("object", req.body().path("format").path("type").asText(),
          req.body().toString());
      assertTrue(req.body().path("format").path("properties").has("actions"));
      assertEquals(100, p.usage().tokensIn());
      assertEquals(20, p.usage().tokensOut());
      assertEquals(null, req.header("Authorization"));
    }
  }

  @Test
  void serverErrorsRateLimitsAndMalformedAnswersAreRetriedWithBackoffAndCounted()
      throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq(new FakeChatServer.Status(500),
        new FakeChatServer.Status(429), new FakeChatServer.Answer("I would tile the loops.")))) {
      Proposal p = advisor(openAi(server, 3, Duration.ofSeconds(5)))
          .propose(TestViews.view("medium"));
      assertEquals(List.of(1), p.actions());
      assertEquals(3, p.usage().failedAttempts());
      assertEquals(4, server.requests().size());
      assertEquals(List.of(10L, 20L), sleeps, "backoff doubles; malformed answers retry at once");
      assertTrue(server.requests().get(3).message("user").contains("previous answer was rejected"));
      assertEquals(200, p.usage().tokensIn(), "both answered attempts are paid for");
    }
  }

  @Test
  void aRateLimitWaitsAsLongAsRetryAfterAsksOnBothBackends() throws Exception {
    for (ModelSpec.Backend backend : ModelSpec.Backend.values()) {
      sleeps.clear();
      try (FakeChatServer server = new FakeChatServer(seq(new FakeChatServer.Status(429, "3"),
          new FakeChatServer.Status(503, "not a number"), new FakeChatServer.Status(429, "0")))) {
        String base = backend == ModelSpec.Backend.OPENAI ? server.openAiBase()
            : server.ollamaBase();
        ModelSpec spec = TestViews.spec("medium", backend, base, 3, Duration.ofSeconds(5),
            "COLT_TEST_KEY");
        Proposal p = advisor(spec).propose(TestViews.view("medium"));
        assertEquals(List.of(1), p.actions());
        assertEquals(List.of(3000L, 20L, 40L), sleeps,
            backend + ": Retry-After 3 s beats the 10 ms backoff; bad or shorter values do not");
      }
    }
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    java.time.ZonedDateTime now = java.time.ZonedDateTime.parse("2026-11-25T12:00:00Z");
    assertEquals(120_000, HeaderAwareHttpClient.retryAfterMillis(" 120 ", now));
    assertEquals(90_000, HeaderAwareHttpClient.retryAfterMillis(
        "Wed, 25 Nov 2026 12:01:30 GMT", now));
    assertEquals(0, HeaderAwareHttpClient.retryAfterMillis("Wed, 25 Nov 2026 11:00:00 GMT", now));
    assertEquals(-1, HeaderAwareHttpClient.retryAfterMillis("soon", now));
    assertEquals(-1, HeaderAwareHttpClient.retryAfterMillis("-5", now));
    assertEquals(-1, HeaderAwareHttpClient.retryAfterMillis(null, now));
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsRetried() throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq(
        new FakeChatServer.Answer(GOOD, 100, 20, 3000)))) {
      Proposal p = advisor(openAi(server, 1, Duration.ofMillis(300)))
          .propose(TestViews.view("medium"));
      assertEquals(1, p.usage().failedAttempts());
      assertEquals(2, server.requests().size());
    }
  }

  @Test
  void exhaustedRetriesFailWithTheCostAndWithoutTheKey() throws Exception {
    try (FakeChatServer server = new FakeChatServer(r -> new FakeChatServer.Status(503))) {
      AdvisorException e = assertThrows(AdvisorException.class,
          () -> advisor(openAi(server, 2, Duration.ofSeconds(5))).propose(
              TestViews.view("medium")));
      assertTrue(e.getMessage().contains("503"), e.getMessage());
      assertFalse(e.getMessage().contains(KEY));
      assertEquals(2, e.usage().failedAttempts(), "the final failure is the search's to count");
      assertEquals(3, server.requests().size());
    }
  }

  @Test
  void aRejectedKeyIsNotRetried() throws Exception {
    try (FakeChatServer server = new FakeChatServer(r -> new FakeChatServer.Status(401))) {
      AdvisorException e = assertThrows(AdvisorException.class,
          () -> advisor(openAi(server, 3, Duration.ofSeconds(5))).propose(
              TestViews.view("medium")));
      assertEquals(1, server.requests().size());
      assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }
  }

  @Test
  void aRefusedConnectionIsRetriedThenFails() throws Exception {
    String base;
    try (FakeChatServer server = new FakeChatServer(seq())) {
      base = server.openAiBase();
    }
    ModelSpec spec = TestViews.spec("medium", ModelSpec.Backend.OPENAI, base, 1,
        Duration.ofSeconds(2), null);
    AdvisorException e = assertThrows(AdvisorException.class,
        () -> advisor(spec).propose(TestViews.view("medium")));
    assertEquals(List.of(10L), sleeps);
    assertEquals(1, e.usage().failedAttempts(), e.getMessage());
  }

  @Test
  void unknownNextAdvisorsPassThroughAndNearMissesAreCorrected() throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq(
        new FakeChatServer.Answer("{\"actions\":[2],\"next\":\"gpt-9000\",\"why\":\"\"}"),
        new FakeChatServer.Answer("{\"action\":\"tile i,j size=32,32\",\"next_model\":\"Larg\"}"))))
    {
      ChatAdvisor<String, String> a = advisor(openAi(server, 0, Duration.ofSeconds(5)));
      Proposal unknown = a.propose(TestViews.view("medium"));
      assertEquals("gpt-9000", unknown.nextAdvisor());
      Proposal near = a.propose(TestViews.view("medium"));
      assertEquals(List.of(1), near.actions());
      assertEquals("large", near.nextAdvisor());
    }
  }

  @Test
  void aBaseUrlWithoutTheApiPathGetsAHint() throws Exception {
    try (FakeChatServer server = new FakeChatServer(seq())) {
      ModelSpec spec = TestViews.spec("medium", ModelSpec.Backend.OPENAI, server.ollamaBase(), 2,
          Duration.ofSeconds(5), null);
      AdvisorException e = assertThrows(AdvisorException.class,
          () -> advisor(spec).propose(TestViews.view("medium")));
      assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/v1"),
          e.getMessage());
      assertTrue(server.requests().isEmpty(), "not retried, and nothing reached the handlers");
    }
  }
}
