// End-to-end tests of a pool of three fake-served models: a recorded search replays exactly, and a
// colt-search run through the real measurement path accounts for every call, error and escalation.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colt.analysis.CostModel;
import dev.colt.analysis.MachineModel;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import dev.colt.pass.tuning.FunctionTuner;
import dev.colt.pass.tuning.TuningRequest;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorStats;
import dev.colt.search.ColtTreeSearch;
import dev.colt.search.Evaluation;
import dev.colt.search.Evaluator;
import dev.colt.search.IsolatedEvaluator;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.MeasurementStore;
import dev.colt.search.ProgressPrinter;
import dev.colt.search.SearchConfig;
import dev.colt.search.SearchResult;
import dev.colt.search.TuningDatabase;
import dev.colt.search.TuningRecord;
import dev.colt.testkit.Kernels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSearchTest {
  private static final String KEY = "sk-fake-0c4f2e7d9b-must-not-leak";
  private static final String KEY_ENV = "COLT_FAKE_API_KEY";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static List<ModelSpec> pool(FakeChatServer server) {
    return List.of(
        new ModelSpec("small", ModelSpec.Backend.OLLAMA, server.ollamaBase(), "small-model",
            1.5e9, 0, 0, Duration.ofSeconds(10), 2, 1, 0.2, null, 4000),
        new ModelSpec("medium", ModelSpec.Backend.OPENAI, server.openAiBase(), "medium-model",
            7e9, 0.2, 0.6, Duration.ofSeconds(10), 2, 1, 0.2, KEY_ENV, 4000),
        new ModelSpec("large", ModelSpec.Backend.OPENAI, server.openAiBase(), "large-model",
            70e9, 2.0, 8.0, Duration.ofSeconds(10), 2, 1, 0.2, KEY_ENV, 4000));
  }

  private static String env(String name) {
    return KEY_ENV.equals(name) ? KEY : null;
  }

  private static Operation matmul() throws Exception {
    return ModuleOp.body(Parser.parseModule(
        Files.readString(Path.of("testdata/kernels/matmul.mlir")), "matmul.mlir")).get(0);
  }

  /** Speedups predicted by the cost model: deterministic, so a replay can be compared exactly. */
  private static Evaluator<Operation> predicted(Operation root) {
    CostModel model = new CostModel(MachineModel.znver5());
    double base = model.estimate(root).cycles();
    return p -> Evaluation.ok(base / model.estimate(p).cycles(), 1.0);
  }

  private record Run(SearchResult<Operation> result, List<String> records) {}

  private Run search(List<ModelSpec> models, Path record, Path replay, Path db)
      throws Exception {
    Operation func = matmul();
    LoopNestSpace space = new LoopNestSpace(func, Machine.host());
    TuningDatabase database = TuningDatabase.open(db);
    SearchResult<Operation> r;
    try (ChatPool pool = ChatPool.open(models, ChatSearchTest::env, record, replay,
        ChatAdvisor.Sleeper.NONE)) {
      List<Advisor<Operation, Action>> advisors = pool.names().stream()
          .map(n -> (Advisor<Operation, Action>) pool.<Operation, Action>advisor(n)).toList();
      r = new ColtTreeSearch<>(space, predicted(space.root()), advisors,
          SearchConfig.defaults(14).withRandomDepth(0), database.recorder("mm", "cpu", "run",
          "colt"), MeasurementStore.NONE).run();
      database.append(new TuningRecord.Run("mm", "cpu", "run", "colt", r.measurements(),
          r.bestSpeedup(), r.bestTrace(), r.advisors(), Map.of(), r.wallMillis(),
          r.evaluationMillis(), r.escalations().size(), r.phases().millis()));
      assertEquals(0, pool.unreplayed());
      assertEquals(0, pool.replayMisses());
    }
    List<String> records = Files.readAllLines(db).stream().map(ChatSearchTest::withoutTimes)
        .toList();
    return new Run(r, records);
  }

  private static String withoutTimes(String line) {
    try {
      ObjectNode n = (ObjectNode) JSON.readTree(line);
      n.remove(List.of("elapsedMillis", "wallMillis", "evaluationMillis", "phaseMillis"));
      return n.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRecordedSearchReplaysToTheSameProgramAndDatabaseWithoutTheServer() throws Exception {
    Path transcript = dir.resolve("llm.jsonl");
    PoolScript script = new PoolScript()
        .fault("small", 2, new FakeChatServer.Status(500))
        .fault("small", 4, new FakeChatServer.Answer("Let me think about loop order."))
        .fault("medium", 1, new FakeChatServer.Status(429));
    Run recorded;
    List<ModelSpec> models;
    try (FakeChatServer server = new FakeChatServer(script)) {
      models = pool(server);
      recorded = search(models, transcript, null, dir.resolve("recorded.jsonl"));
      assertTrue(server.requests().stream().filter(r -> r.path().startsWith("/v1"))
          .allMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization"))));
    }
    Run replayed = search(models, null, transcript, dir.resolve("replayed.jsonl"));
    assertEquals(Printer.print(recorded.result().best()),
        Printer.print(replayed.result().best()));
    assertEquals(recorded.records(), replayed.records());
    assertTrue(recorded.result().bestSpeedup() > 1.0);
    assertTrue(recorded.result().advisors().stream().mapToInt(AdvisorStats::calls).sum() > 5);
    assertFalse(recorded.result().escalations().isEmpty(), "the script makes small regress");
    String transcriptText = Files.readString(transcript);
    assertFalse(transcriptText.contains(KEY));
    assertTrue(transcriptText.contains("HTTP 500"));
  }

  @Test
  void anAdvisorThatKeepsFailingIsBenchedWithAWarningAndTheSearchGoesOn() throws Exception {
    PoolScript answers = new PoolScript();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SearchResult<Operation> r;
    try (FakeChatServer server = new FakeChatServer(req -> req.model().equals("small-model")
        ? new FakeChatServer.Status(500) : answers.apply(req))) {
      List<ModelSpec> models = pool(server);
      Operation func = matmul();
      LoopNestSpace space = new LoopNestSpace(func, Machine.host());
      try (ChatPool pool = ChatPool.open(models, ChatSearchTest::env, null, null,
          ChatAdvisor.Sleeper.NONE)) {
        List<Advisor<Operation, Action>> advisors = pool.names().stream()
            .map(n -> (Advisor<Operation, Action>) pool.<Operation, Action>advisor(n)).toList();
        r = new ColtTreeSearch<>(space, predicted(space.root()), advisors,
            SearchConfig.defaults(10).withRandomDepth(0), new ProgressPrinter(new PrintStream(
            progress, true, StandardCharsets.UTF_8), 10, ""), MeasurementStore.NONE).run();
      }
      AdvisorStats small = r.advisors().stream().filter(s -> s.name().equals("small"))
          .findFirst().orElseThrow();
      assertTrue(small.benched());
      assertEquals(5, small.calls(), "benched after errorsBeforeBench failed calls");
      assertEquals(server.requestsFor("small-model").size(), small.errors());
      assertEquals(10, r.measurements(), "the search used its whole budget");
    }
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains(
        "warning: advisor small benched after repeated failures (small: HTTP 500"),
        progress.toString(StandardCharsets.UTF_8));
  }

  private static final String KERNEL = Kernels.squareMatmulText(48);

  @Test
  void aThreeModelPoolTunesThroughTheMeasurementPathAndTheDatabaseAccountsForEveryCall()
      throws Exception {
    PoolScript script = new PoolScript()
        .fault("small", 1, new FakeChatServer.Status(503))
        .fault("small", 3, new FakeChatServer.Answer("{\"actions\": [999], \"next\": \"x\"}"))
        .fault("medium", 2, new FakeChatServer.Answer("no idea", 50, 5, 0))
        .fault("large", 1, new FakeChatServer.Status(429));
    Operation module = Parser.parseModule(KERNEL, "mm.mlir");
    Path db = dir.resolve("tuning.jsonl");
    Path report = dir.resolve("report.html");
    Path transcript = dir.resolve("exchanges.jsonl");
    Path poolFile = dir.resolve("pool.json");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SearchResult<Operation> result;
    try (FakeChatServer server = new FakeChatServer(script)) {
      Files.writeString(poolFile, poolJson(server));
      TuningRequest request = new TuningRequest("colt", List.of("small", "medium", "large"),
          SearchConfig.defaults(8).withRandomDepth(0), db, report, null, 1e-3, true,
          new TuningRequest.ChatFiles(poolFile, transcript, null));
      result = new FunctionTuner(request, new PrintStream(progress, true,
          StandardCharsets.UTF_8), ChatSearchTest::env).tune(module, ModuleOp.body(module).get(0));
      for (FakeChatServer.Request r : server.requests()) {
        assertTrue(r.path().equals("/api/chat") ? r.body().has("format")
            : r.body().path("response_format").path("type").asText().equals("json_schema"));
      }
      assertTrue(server.requests().stream().filter(r -> r.path().startsWith("/v1"))
          .allMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization"))));
    }
    Operation tuned = IsolatedEvaluator.withFunction(module, "mm", result.best());
    assertEquals(Checksums.lines(Interpreter.runWithPatternInputs(module, "mm")),
        Checksums.lines(Interpreter.runWithPatternInputs(tuned, "mm")));

    TuningDatabase records = TuningDatabase.open(db);
    TuningRecord.Run run = records.records().stream().filter(r -> r instanceof TuningRecord.Run)
        .map(r -> (TuningRecord.Run) r).findFirst().orElseThrow();
    int totalCalls = run.advisors().stream().mapToInt(AdvisorStats::calls).sum();
    assertTrue(totalCalls > 0);
    for (AdvisorStats s : run.advisors()) {
      String who = s.name();
      // every request was either a call's answer or one failed attempt; no call failed entirely
      assertEquals(script.faulted(who), s.errors(), who);
      assertEquals(script.requests(who) - script.faulted(who), s.calls(), who);
      assertEquals(s.calls() > 0, s.tokensIn() > 0, who);
    }
    AdvisorStats large = run.advisors().stream().filter(s -> s.name().equals("large"))
        .findFirst().orElseThrow();
    assertEquals(script.corrections("large"), large.escalations());
    assertEquals(run.escalations(), large.escalations());
    assertEquals((double) (script.requests("large") - script.faulted("large")) / totalCalls,
        (double) large.calls() / totalCalls, 1e-12);
    assertTrue(large.money() > 0 || large.calls() == 0);
    assertEquals("openai large-model at " + run.config().get("model.large").split(" at ")[1],
        run.config().get("model.large"));

    String out = progress.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("advisor small"), out);
    AdvisorStats medium = run.advisors().stream().filter(s -> s.name().equals("medium"))
        .findFirst().orElseThrow();
    if (medium.calls() > 0) {
      String line = out.lines().filter(l -> l.contains("advisor medium")).findFirst()
          .orElseThrow();
      assertTrue(line.contains(" tokens " + medium.tokensIn() + "/" + medium.tokensOut())
          && line.contains(" cost ") && line.contains(" ms/call"), line);
    }

    // The server is gone: the transcript and the database's measurements replay the same search.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    TuningRequest replay = new TuningRequest("colt", List.of("small", "medium", "large"),
        SearchConfig.defaults(8).withRandomDepth(0), db, null, null, 1e-3, true,
        new TuningRequest.ChatFiles(poolFile, null, transcript));
    SearchResult<Operation> replayed = new FunctionTuner(replay, new PrintStream(again, true,
        StandardCharsets.UTF_8), name -> null).tune(module, ModuleOp.body(module).get(0));
    assertEquals(result.bestTrace(), replayed.bestTrace());
    assertEquals(Printer.print(result.best()), Printer.print(replayed.best()));
    assertEquals(result.advisors(), replayed.advisors());
    assertFalse(again.toString(StandardCharsets.UTF_8).contains("no recorded answer"));
    for (Path p : List.of(db, report, transcript)) {
      assertFalse(Files.readString(p).contains(KEY), p + " holds the API key");
    }
    assertFalse(out.contains(KEY));
  }

  private static String poolJson(FakeChatServer server) {
    StringBuilder s = new StringBuilder("{\"timeout-seconds\": 10, \"backoff-ms\": 1, "
        + "\"advisors\": [\n");
    s.append("{\"name\": \"small\", \"backend\": \"ollama\", \"base-url\": \"")
        .append(server.ollamaBase()).append("\", \"model\": \"small-model\", ")
        .append("\"size-params\": 1.5e9},\n");
    s.append("{\"name\": \"medium\", \"backend\": \"openai\", \"base-url\": \"")
        .append(server.openAiBase()).append("\", \"model\": \"medium-model\", ")
        .append("\"size-params\": 7e9, \"price-in\": 0.2, \"price-out\": 0.6, ")
        .append("\"api-key-env\": \"").append(KEY_ENV).append("\"},\n");
    s.append("{\"name\": \"large\", \"backend\": \"openai\", \"base-url\": \"")
        .append(server.openAiBase()).append("\", \"model\": \"large-model\", ")
        .append("\"size-params\": 70e9, \"price-in\": 2, \"price-out\": 8, ")
        .append("\"api-key-env\": \"").append(KEY_ENV).append("\"}\n]}");
    return s.toString();
  }
}
