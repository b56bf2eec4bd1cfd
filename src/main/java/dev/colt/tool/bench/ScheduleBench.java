// colt-bench schedules: the hand-written matmul schedules against the untransformed nest and OpenBLAS, and their application time.
package dev.colt.tool.bench;

import dev.colt.analysis.WorkEstimate;
import dev.colt.exec.jit.Jit;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.schedule.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/colt-bench schedules}: for each size n, applies {@code matmul-<n>.trace} (from
 * {@code testdata/schedules} or {@code --schedule-dir}) to the n x n x n fp32 ijk matmul nest and
 * times, side by side in interleaved rounds of one process, the untransformed nest (COLT JIT), the
 * scheduled kernel (COLT JIT) and OpenBLAS sgemm, after checking that their checksums agree. Then
 * times applying the schedule - parse the kernel and the trace, replay, verify - as the median of
 * {@code --repetitions} runs after as many warm-up runs. Prints Markdown. Options:
 * {@code --sizes 512,1024}, {@code --budget-seconds S} (timing budget per size),
 * {@code --repetitions N}, {@code --schedule-dir DIR}, {@code --out FILE}. A missing trace file or
 * a refused action fails with a message and exit status 1.
 */
final class ScheduleBench {
  private ScheduleBench() {}

  static void main(String[] args) throws IOException {
    Map<String, String> o = ColtBench.options(args, "colt-bench schedules", "--sizes",
        "--budget-seconds", "--repetitions", "--schedule-dir", "--out");
    List<Integer> sizes = ColtBench.sizes(o, "512,1024");
    double budget = Double.parseDouble(o.getOrDefault("--budget-seconds", "10"));
    int repetitions = Integer.parseInt(o.getOrDefault("--repetitions", "20"));
    Path dir = Path.of(o.getOrDefault("--schedule-dir", "testdata/schedules"));
    Path out = o.containsKey("--out") ? Path.of(o.get("--out")) : null;
    StringBuilder md = new StringBuilder();
    ColtBench.machine(md);
    Jit jit = Jit.forCurrentThread();
    for (int n : sizes) {
      Path file = dir.resolve("matmul-" + n + ".trace");
      if (!Files.isReadable(file)) {
        System.err.println("colt-bench schedules: no schedule " + file);
        System.exit(1);
      }
      String trace = Files.readString(file);
      try {
        kernels(md, jit, n, file, trace, budget);
      } catch (Trace.ReplayException e) {
        System.err.println("colt-bench schedules: " + file + ": " + e.getMessage());
        System.exit(1);
      }
      application(md, n, file, trace, repetitions);
      ColtBench.flush(md, out);
    }
  }

  /** Parses the ijk nest and the trace, replays it and verifies the result. */
  private static Operation scheduled(int n, Path file, String trace) {
    String name = MatmulKernels.name("ijk", n);
    Operation module = ColtBench.parse(MatmulKernels.text("ijk", n), name);
    Operation func = Trace.parseText(trace, file.toString()).replay(ModuleOp.body(module).get(0));
    Operation result = ModuleOp.create(List.of(func));
    Verifier.verifyOrThrow(result);
    return result;
  }

  private static void kernels(StringBuilder md, Jit jit, int n, Path file, String trace,
      double budget) {
    String name = MatmulKernels.name("ijk", n);
    Operation naive = ColtBench.parse(MatmulKernels.text("ijk", n), name);
    FunctionType type = ColtBench.signature(naive);
    long flops = WorkEstimate.of(naive).flops();
    List<Contender> cs = new ArrayList<>();
    cs.add(new Contender.Entry("COLT JIT, untransformed ijk nest", jit.compile(naive), name,
        type));
    cs.add(new Contender.Entry("COLT JIT, schedule " + file.getFileName(),
        jit.compile(scheduled(n, file, trace)), name, type));
    cs.add(new Contender.OpenBlas(n, type));
    int blas = cs.size() - 1;
    Interleaved t = Interleaved.time(cs, budget, 201);
    md.append(ColtBench.fmt("## matmul %dx%dx%d fp32 (C += A*B), schedule `%s`, single thread"
        + "%n%n", n, n, n, file));
    md.append("Interleaved rounds (each round runs every row once, rotating the order; the slow "
        + "untransformed nest takes part in the first rounds only); all rows' checksums agreed "
        + "before timing. % of OpenBLAS = 100 / median over the shared rounds of this row's "
        + "time / OpenBLAS's time.\n\n");
    md.append("| implementation | rounds | median ms | GFLOP/s | IQR/median | % of OpenBLAS |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (int i = 0; i < cs.size(); i++) {
      md.append(ColtBench.fmt("| %s | %d | %.3f | %.1f | %.1f%% | %.1f%% |%n", cs.get(i).name(),
          t.rounds(i), t.median(i) / 1e6, flops / t.median(i), 100 * t.spread(i),
          100 / t.timeRatio(i, blas)));
    }
    md.append('\n');
    for (Contender c : cs) {
      c.close();
    }
  }

  private static void application(StringBuilder md, int n, Path file, String trace,
      int repetitions) {
    double[] ms = new double[repetitions];
    for (int r = -repetitions; r < repetitions; r++) {
      long t0 = System.nanoTime();
      scheduled(n, file, trace);
      if (r >= 0) {
        ms[r] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    md.append(ColtBench.fmt("Applying the schedule (parse kernel and trace, replay %d actions, "
        + "verify): median %.2f ms, min %.2f ms, max %.2f ms over %d runs after %d warm-up runs."
        + "%n%n", Trace.parseText(trace, file.toString()).actions().size(),
        Interleaved.quantile(ms, 0.5), ms[0], ms[ms.length - 1], repetitions, repetitions));
  }
}
