// A colt-search run killed with SIGKILL loses no recorded measurement, and a rerun resumes from them.
package dev.colt.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.search.TuningDatabase;
import dev.colt.search.TuningRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColtSearchResumeTest {
  @TempDir
  Path dir;

  private static final String KERNEL = """
      func.func @mv(%A: memref<96x96xf32>, %x: memref<96xf32>, %y: memref<96xf32>) {
        affine.for %i = 0 to 96 {
          affine.for %j = 0 to 96 {
            %a = affine.load %A[%i, %j] : memref<96x96xf32>
            %b = affine.load %x[%j] : memref<96xf32>
            %c = affine.load %y[%i] : memref<96xf32>
            %p = arith.mulf %a, %b : f32
            %s = arith.addf %c, %p : f32
            affine.store %s, %y[%i] : memref<96xf32>
          }
        }
        return
      }
      """;

  private Process start(Path input, Path db, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String pipeline = "builtin.module(func.func(colt-search{budget=8 seed=3 database=" + db
        + "}))";
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ColtOpt.class.getName(), input.toString(),
        "--pass-pipeline=" + pipeline, "-o", dir.resolve("out.mlir").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static List<TuningRecord.Measurement> measurements(Path db) throws Exception {
    return TuningDatabase.open(db).records().stream()
        .filter(r -> r instanceof TuningRecord.Measurement)
        .map(r -> (TuningRecord.Measurement) r).toList();
  }

  @Test
  void killedSearchResumesWithEveryRecordKept() throws Exception {
    Path input = dir.resolve("mv.mlir");
    Files.writeString(input, KERNEL);
    Path db = dir.resolve("tuning.jsonl");
    Process first = start(input, db, dir.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && first.isAlive()
        && (!Files.exists(db) || measurements(db).size() < 3)) {
      Thread.sleep(50);
    }
    assertTrue(first.isAlive(), "the first run ended before it could be killed: "
        + Files.readString(dir.resolve("first.log")));
    first.destroyForcibly();
    first.waitFor(30, TimeUnit.SECONDS);
    List<TuningRecord.Measurement> before = measurements(db);
    assertTrue(before.size() >= 3, "records before the kill: " + before.size());

    Process second = start(input, db, dir.resolve("second.log"));
    assertTrue(second.waitFor(180, TimeUnit.SECONDS), "rerun hung");
    String log = Files.readString(dir.resolve("second.log"));
    assertEquals(0, second.exitValue(), log);
    List<TuningRecord.Measurement> after = measurements(db);
    Set<String> programs = new HashSet<>();
    after.forEach(m -> programs.add(m.program()));
    for (TuningRecord.Measurement m : before) {
      assertTrue(programs.contains(m.program()), "lost " + m.trace());
    }
    assertEquals(after.size(), programs.size(), "a program was measured twice");
    assertEquals(8, programs.size());
    long reused = log.lines().filter(l -> l.contains("(recorded)")).count();
    assertEquals(before.size(), reused, log);
    assertEquals(1, TuningDatabase.open(db).records().stream()
        .filter(r -> r instanceof TuningRecord.Run).count());
  }
}
