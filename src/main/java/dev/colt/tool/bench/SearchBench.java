// colt-bench search: COLT against single-advisor MCTS, random and evolutionary search in one run.
package dev.colt.tool.bench;

import dev.colt.analysis.WorkEstimate;
import dev.colt.dialect.func.FuncOp;
import dev.colt.exec.jit.Jit;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.lower.graph.GraphToAffine;
import dev.colt.pass.tuning.FunctionTuner;
import dev.colt.pass.tuning.TuningRequest;
import dev.colt.search.IsolatedEvaluator;
import dev.colt.search.PhaseClock;
import dev.colt.search.SearchConfig;
import dev.colt.search.SearchEvent;
import dev.colt.search.SearchResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/colt-bench search}: for each workload (testdata kernels, model blocks lowered with
 * lower-graph-to-affine, and a 512^3 fp32 matmul) runs every strategy in the same harness and
 * budget - {@code colt} (offline advisors heuristic + cost-model), {@code single} (one advisor,
 * Reasoning Compiler style), {@code random} and {@code evolutionary} - records the best-so-far
 * curve and prints Markdown: best speedup at each budget, measurements to reach 90% of the final
 * best, search overhead and the split of the wall time; for the 512 matmul also GFLOP/s of each
 * strategy's best program and its share of single-threaded OpenBLAS, timed side by side in this
 * process. Options: {@code --kernels a,b|none}, {@code --models a,b|none}, {@code --budgets
 * 32,64,128} (the run uses the largest), {@code --seeds N}, {@code --strategies s,...},
 * {@code --matmul512 on|off}, {@code --progress}, {@code --out FILE}.
 */
final class SearchBench {
  static final List<String> KERNELS = List.of("matmul", "conv2d", "layernorm", "softmax",
      "reduction", "triangular", "stencil");
  static final List<String> MODELS = List.of("mlp", "transformer_ffn", "attention", "conv_block");
  private static final String MATMUL512 = "matmul 512";

  private SearchBench() {}

  /** One strategy's runs (one per seed) on one workload. */
  private record Runs(String strategy, List<SearchResult<Operation>> results) {}

  /** A workload: its module and the function to tune. */
  private record Workload(String name, Operation module, String function) {}

  static void main(String[] args) throws Exception {
    List<String> kernels = KERNELS;
    List<String> models = MODELS;
    List<Integer> budgets = List.of(32, 64, 128);
    List<String> strategies = TuningRequest.STRATEGIES;
    int seeds = 1;
    boolean matmul512 = true;
    boolean progress = false;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kernels" -> kernels = names(args[++i]);
        case "--models" -> models = names(args[++i]);
        case "--budgets" -> budgets = Arrays.stream(args[++i].split(",")).map(String::trim)
            .map(Integer::parseInt).sorted().toList();
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--strategies" -> strategies = names(args[++i]);
        case "--matmul512" -> matmul512 = !args[++i].equals("off");
        case "--progress" -> progress = true;
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("colt-bench search: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    List<Workload> workloads = new ArrayList<>();
    for (String k : kernels) {
      workloads.add(workload(k, Path.of("testdata/kernels", k + ".mlir"), false));
    }
    for (String m : models) {
      workloads.add(workload(m + " (model)", Path.of("testdata/models", m + ".mlir"), true));
    }
    if (matmul512) {
      String name = MatmulKernels.name("ijk", 512);
      workloads.add(new Workload(MATMUL512, ColtBench.parse(MatmulKernels.text("ijk", 512),
          name), name));
    }
    int budget = budgets.get(budgets.size() - 1);
    StringBuilder md = new StringBuilder();
    ColtBench.machine(md);
    md.append(ColtBench.fmt("## Search strategies at budget %d (%d seed%s)%n%n", budget, seeds,
        seeds == 1 ? "" : "s"));
    md.append("Speedup over the untransformed function, measured in the isolated worker; "
        + "`m90` = measurements until the best-so-far first reaches 90% of the run's final best "
        + "(mean over seeds); overhead = wall time not spent compiling or running candidates. "
        + "colt = shared tree with the heuristic and cost-model advisors; single = the "
        + "heuristic advisor alone, no model-aware term.\n\n");
    ColtBench.flush(md, out);
    PrintStream progressOut = progress ? System.err : new PrintStream(OutputStream.nullOutputStream());
    for (Workload w : workloads) {
      List<Runs> runs = new ArrayList<>();
      for (String strategy : strategies) {
        List<SearchResult<Operation>> results = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
          TuningRequest request = new TuningRequest(strategy,
              List.of("heuristic", "cost-model"),
              SearchConfig.defaults(budget).withSeed(seed).withRandomDepth(0), null, null, null, 1e-3, progress,
              TuningRequest.ChatFiles.NONE);
          Operation func = FuncOp.lookup(w.module(), w.function());
          results.add(new FunctionTuner(request, progressOut).tune(w.module(), func));
        }
        runs.add(new Runs(strategy, results));
      }
      table(md, w, runs, budgets);
      if (w.name().equals(MATMUL512)) {
        matmulVsOpenBlas(md, w, runs);
      }
      ColtBench.flush(md, out);
    }
  }

  private static List<String> names(String csv) {
    if (csv.equals("none")) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Workload workload(String name, Path file, boolean model) throws IOException {
    Operation module = ColtBench.parse(Files.readString(file), file.toString());
    if (model) {
      module = GraphToAffine.lowerModule(module);
    }
    List<Operation> funcs = ModuleOp.body(module).stream().filter(o -> o.is(FuncOp.NAME))
        .toList();
    return new Workload(name, module, FuncOp.name(funcs.get(funcs.size() - 1)));
  }

  /** The best speedup after at most {@code n} measurements of a run. */
  static double bestAt(SearchResult<?> r, int n) {
    double best = 1.0;
    for (SearchEvent e : r.events()) {
      if (e instanceof SearchEvent.Measured m && m.index() <= n) {
        best = Math.max(best, m.bestSpeedup());
      }
    }
    return best;
  }

  /**
   * Measurements until the best-so-far first reaches 90% of the run's final best; 0 when the final
   * best is the untransformed program's 1x.
   */
  static int measurementsTo90(SearchResult<?> r) {
    double target = 0.9 * r.bestSpeedup();
    if (r.bestSpeedup() <= 1.0) {
      return 0;
    }
    for (SearchEvent e : r.events()) {
      if (e instanceof SearchEvent.Measured m && m.bestSpeedup() >= target) {
        return m.index();
      }
    }
    return r.measurements();
  }

  private static double mean(List<SearchResult<Operation>> rs,
      java.util.function.ToDoubleFunction<SearchResult<Operation>> f) {
    return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static void table(StringBuilder md, Workload w, List<Runs> runs, List<Integer> budgets) {
    md.append("### ").append(w.name()).append(" (@").append(w.function()).append(")\n\n");
    md.append("| strategy |");
    for (int b : budgets) {
      md.append(" best @").append(b).append(" |");
    }
    md.append(" m90 | overhead | menu / advisor / apply / hash / record / other | wall s |\n|---|");
    md.append("---|".repeat(budgets.size() + 4)).append('\n');
    Map<String, double[]> bestByStrategy = new LinkedHashMap<>();
    Map<String, Double> m90 = new LinkedHashMap<>();
    for (Runs r : runs) {
      double[] best = new double[budgets.size()];
      md.append("| ").append(r.strategy()).append(" |");
      for (int i = 0; i < budgets.size(); i++) {
        int b = budgets.get(i);
        best[i] = mean(r.results(), x -> bestAt(x, b));
        md.append(ColtBench.fmt(" %.2fx |", best[i]));
      }
      bestByStrategy.put(r.strategy(), best);
      double m = mean(r.results(), SearchBench::measurementsTo90);
      m90.put(r.strategy(), m);
      StringBuilder split = new StringBuilder();
      for (PhaseClock.Phase p : PhaseClock.Phase.values()) {
        if (p.isOverhead()) {
          split.append(split.length() == 0 ? "" : " / ").append(ColtBench.fmt("%.1f",
              mean(r.results(), x -> 100.0 * x.phases().of(p) / Math.max(1, x.wallMillis()))));
        }
      }
      md.append(ColtBench.fmt(" %.0f | %.1f%% | %s%% | %.1f |%n", m,
          mean(r.results(), x -> 100 * x.overheadShare()), split,
          mean(r.results(), x -> x.wallMillis() / 1000.0)));
    }
    md.append('\n');
    double[] colt = bestByStrategy.get("colt");
    if (colt != null) {
      StringBuilder verdict = new StringBuilder();
      for (String other : List.of("random", "evolutionary")) {
        double[] o = bestByStrategy.get(other);
        if (o == null) {
          continue;
        }
        boolean matches = true;
        for (int i = 0; i < colt.length; i++) {
          matches &= colt[i] >= o[i];
        }
        verdict.append(ColtBench.fmt("COLT %s %s at every budget. ",
            matches ? "matches or beats" : "does not match", other));
      }
      if (m90.containsKey("random")) {
        double c = m90.get("colt");
        double r = m90.get("random");
        verdict.append(ColtBench.fmt("m90: COLT %.0f vs random %.0f (%s).", c, r,
            c <= r / 2 ? "at most half" : "more than half"));
      }
      md.append(verdict).append("\n\n");
    }
  }

  /**
   * Times each strategy's best program (first seed) against OpenBLAS sgemm, side by side in
   * interleaved rounds in this process.
   */
  private static void matmulVsOpenBlas(StringBuilder md, Workload w, List<Runs> runs) {
    Jit jit = Jit.forCurrentThread();
    FunctionType type = ColtBench.signature(w.module());
    long flops = WorkEstimate.of(w.module()).flops();
    List<Contender> cs = new ArrayList<>();
    cs.add(new Contender.OpenBlas(512, type));
    for (Runs r : runs) {
      SearchResult<Operation> best = r.results().get(0);
      Operation module = IsolatedEvaluator.withFunction(w.module(), w.function(),
          FunctionTuner.withTrace(best.best(), best.bestTrace()));
      cs.add(new Contender.Entry(r.strategy(), jit.compile(module), w.function(), type));
    }
    Interleaved t = Interleaved.time(cs, 10);
    md.append("#### matmul 512 fp32: best programs against single-threaded OpenBLAS\n\n");
    md.append("Interleaved rounds, checksums checked against OpenBLAS first; % of OpenBLAS = "
        + "median over rounds of OpenBLAS time / this row's time.\n\n");
    md.append("| implementation | median ms | GFLOP/s | % of OpenBLAS |\n|---|---|---|---|\n");
    for (int i = 0; i < cs.size(); i++) {
      md.append(ColtBench.fmt("| %s | %.3f | %.1f | %.0f%% |%n", cs.get(i).name(),
          t.median(i) / 1e6, flops / t.median(i), 100 / t.timeRatio(i, 0)));
    }
    md.append('\n');
    for (Runs r : runs) {
      md.append("Best trace of ").append(r.strategy()).append(": `")
          .append(String.join("; ", r.results().get(0).bestTrace())).append("`\n\n");
    }
    for (Contender c : cs) {
      c.close();
    }
  }
}
