// Tests of the append-only tuning database: durability, torn lines, reuse by a resumed search.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuningDatabaseTest {
  @TempDir
  Path dir;

  private static ScriptedAdvisor seededAdvisor() {
    return new ScriptedAdvisor("a", 1e9, v -> new Proposal(
        List.of((int) Math.floorMod(v.seed(), v.menu().size())), "a", Usage.NONE, ""));
  }

  @Test
  void recordsRoundTripAndTheBestIsFound() throws Exception {
    Path file = dir.resolve("db.jsonl");
    TuningDatabase db = TuningDatabase.open(file);
    db.append(new TuningRecord.Measurement("w", "cpu", "r1", "colt", 1, "h1", List.of("tile i"),
        Evaluation.Status.OK, 2.5, 1.0, "heuristic", "", 10));
    db.append(new TuningRecord.Measurement("w", "cpu", "r1", "colt", 2, "h2", List.of("x"),
        Evaluation.Status.WRONG, 0, Double.NaN, "random", "mismatch", 11));
    db.append(new TuningRecord.Run("w", "cpu", "r1", "colt", 2, 2.5, List.of("tile i"),
        List.of(AdvisorStats.empty(new AdvisorProfile("heuristic", 1e9, 1))),
        Map.of("budget", "2"), 100, 90, 0));
    TuningDatabase reread = TuningDatabase.open(file);
    assertEquals(db.records(), reread.records());
    assertEquals("h1", reread.best("w", "cpu").orElseThrow().program());
    assertTrue(reread.best("w", "other-cpu").isEmpty());
    assertEquals(1, reread.runs("w", "cpu").size());
  }

  @Test
  void runRecordsKeepEveryAdvisorsUsage() throws Exception {
    ToySpace space = new ToySpace(List.of(3, 3, 3));
    ScriptedAdvisor paying = new ScriptedAdvisor("a", 1e9, v -> new Proposal(
        ScriptedAdvisor.pickUntried(v, "inc", "a").actions(), "a",
        new Usage(1234, 56, 0.0078, 910.5), ""));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(paying), SearchConfig.defaults(6).withRandomDepth(0), SearchListener.NONE,
        MeasurementStore.NONE).run();
    Path file = dir.resolve("db.jsonl");
    TuningDatabase.open(file).append(new TuningRecord.Run("w", "cpu", "r", "colt",
        r.measurements(), r.bestSpeedup(), r.bestTrace(), r.advisors(), Map.of(), 1, 1, 0));
    AdvisorStats read = TuningDatabase.open(file).runs("w", "cpu").get(0).advisors().get(0);
    assertEquals(r.advisors().get(0), read);
    assertTrue(read.calls() > 0);
    assertEquals(1234L * read.calls(), read.tokensIn());
    assertEquals(56L * read.calls(), read.tokensOut());
    assertEquals(0.0078 * read.calls(), read.money(), 1e-12);
    assertEquals(910.5 * read.calls(), read.latencyMillis(), 1e-9);
  }

  @Test
  void aTornLastLineIsSkippedAndAppendingContinuesOnANewLine() throws Exception {
    Path file = dir.resolve("db.jsonl");
    TuningDatabase db = TuningDatabase.open(file);
    db.append(new TuningRecord.Measurement("w", "cpu", "r", "colt", 1, "h1", List.of(),
        Evaluation.Status.OK, 1.5, 1.0, "a", "", 1));
    Files.writeString(file, "{\"type\":\"measurement\",\"workload\":\"w\",\"tar",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    TuningDatabase reread = TuningDatabase.open(file);
    assertEquals(1, reread.records().size());
    assertEquals(1, reread.skippedLines());
    reread.append(new TuningRecord.Measurement("w", "cpu", "r", "colt", 2, "h2", List.of(),
        Evaluation.Status.OK, 1.7, 1.0, "a", "", 2));
    TuningDatabase third = TuningDatabase.open(file);
    assertEquals(2, third.records().size());
    assertEquals(1, third.skippedLines());
  }

  @Test
  void aResumedSearchReusesEveryRecordedMeasurement() throws Exception {
    Path file = dir.resolve("db.jsonl");
    TuningDatabase db = TuningDatabase.open(file);
    ToySpace first = new ToySpace(List.of(3, 3, 3));
    SearchResult<List<Integer>> r1 = new ColtTreeSearch<>(first, first.evaluator(),
        List.of(seededAdvisor()), SearchConfig.defaults(12), db.recorder("toy", "cpu", "r1",
            "colt"), db.storeFor("toy", "cpu")).run();
    assertEquals(12, db.measurements("toy", "cpu").size());
    TuningDatabase reopened = TuningDatabase.open(file);
    ToySpace second = new ToySpace(List.of(3, 3, 3));
    SearchResult<List<Integer>> r2 = new ColtTreeSearch<>(second, second.evaluator(),
        List.of(seededAdvisor()), SearchConfig.defaults(12), reopened.recorder("toy", "cpu", "r2",
            "colt"), reopened.storeFor("toy", "cpu")).run();
    assertEquals(0, second.evaluations.get());
    assertEquals(r1.bestTrace(), r2.bestTrace());
    assertEquals(12, reopened.measurements("toy", "cpu").size(), "reused records were rewritten");
  }
}
