// colt-bench pool: COLT with a SIMULATED pool of advisor sizes against single-large-advisor search.
package dev.colt.tool.bench;

import static dev.colt.tool.bench.ColtBench.fmt;

import dev.colt.advisor.OfflineAdvisors;
import dev.colt.advisor.SimulatedModelAdvisor;
import dev.colt.dialect.func.FuncOp;
import dev.colt.exec.isolate.IsolatedRunner;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineParser;
import dev.colt.pass.tuning.FunctionTuner;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorStats;
import dev.colt.search.IsolatedEvaluator;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.MeasurementStore;
import dev.colt.search.SearchConfig;
import dev.colt.search.SearchListener;
import dev.colt.search.SearchReport;
import dev.colt.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated-pool benchmark ({@code bin/colt-bench pool}). For each kernel and seed it runs, at
 * the same measurement budget and with the real measurement path (candidates lowered, JIT-compiled,
 * checked and timed in an isolated worker, as the colt-search pass does), COLT with a pool of
 * {@link SimulatedModelAdvisor}s of several sizes and the {@code single} strategy with the largest
 * of them alone; it prints Markdown: best speedup, the large advisor's share of calls, escalations,
 * and the simulated tokens, money and latency with the cost ratio. The advisors are a simulation
 * (cost-model answers degraded by size), so the cost figures are simulated too; speedups are
 * measured. Options: {@code --kernels matmul256,conv2d,mlp} (matmulN, or a name under
 * testdata/kernels or testdata/models, or a path to an .mlir file), {@code --budget 24},
 * {@code --seeds 1,2}, {@code --pool 1.5,7,32} (sizes in billions), {@code --report DIR} (an HTML
 * report per kernel and seed), {@code --out FILE} (append the Markdown to FILE too).
 */
public final class SimulatedPoolBench {
  private SimulatedPoolBench() {}

  /** Entry point; {@code args} are the options after the {@code pool} subcommand. */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = ColtBench.options(args, "colt-bench pool", "--kernels", "--budget",
        "--seeds", "--pool", "--report", "--out");
    List<String> kernels = List.of(o.getOrDefault("--kernels", "matmul256,conv2d,mlp")
        .split(","));
    int budget = Integer.parseInt(o.getOrDefault("--budget", "24"));
    List<Long> seeds = Arrays.stream(o.getOrDefault("--seeds", "1").split(","))
        .map(Long::parseLong).toList();
    List<Double> sizes = Arrays.stream(o.getOrDefault("--pool", "1.5,7,32").split(","))
        .map(Double::parseDouble).sorted().toList();
    Path reportDir = o.containsKey("--report") ? Path.of(o.get("--report")) : null;
    Path out = o.containsKey("--out") ? Path.of(o.get("--out")) : null;
    if (sizes.size() < 2) {
      System.err.println("colt-bench pool: --pool needs at least two sizes");
      System.exit(2);
    }
    List<String> pool = sizes.stream().map(SimulatedModelAdvisor::nameOf).toList();
    String large = pool.get(pool.size() - 1);
    StringBuilder md = new StringBuilder();
    header(md, pool, large, budget, seeds);
    List<Row> rows = new ArrayList<>();
    for (String kernel : kernels) {
      Workload w = load(kernel);
      try (IsolatedRunner runner = new IsolatedRunner(Duration.ofSeconds(30))) {
        for (long seed : seeds) {
          SearchConfig config = SearchConfig.defaults(budget).withSeed(seed);
          Map<String, SearchResult<Operation>> runs = new LinkedHashMap<>();
          for (String strategy : List.of("colt", "single")) {
            LoopNestSpace space = new LoopNestSpace(w.func(), Machine.host());
            IsolatedEvaluator evaluator = new IsolatedEvaluator(runner, w.module(), w.function(),
                MeasureConfig.standard(), 1e-3);
            List<Advisor<Operation, Action>> advisors = OfflineAdvisors.create(
                strategy.equals("colt") ? pool : List.of(large), space);
            SearchResult<Operation> r = FunctionTuner.search(strategy, space, evaluator,
                advisors, config, SearchListener.NONE, MeasurementStore.NONE);
            Row row = new Row(kernel, seed, strategy, r, large);
            rows.add(row);
            runs.put(strategy.equals("colt") ? "colt (" + String.join(", ", pool) + ")"
                : "single (" + large + ")", r);
            System.err.printf(Locale.ROOT, "pool bench: %s seed %d %s: %.2fx, %d calls, "
                + "simulated $%.5f, %.1f s%n", kernel, seed, strategy, r.bestSpeedup(),
                row.total().calls(), row.total().money(), r.wallMillis() / 1000.0);
          }
          if (reportDir != null) {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("pool-" + kernel + "-seed" + seed + ".html"),
                SearchReport.html("SIMULATED advisor pool vs single large advisor: " + kernel
                    + ", seed " + seed + ", budget " + budget, runs));
          }
        }
      }
    }
    runTable(md, rows);
    kernelTable(md, rows, kernels);
    ColtBench.flush(md, out);
  }

  /** A function to tune and the module holding it, lowered to affine loops. */
  record Workload(Operation module, Operation func, String function) {}

  /** One strategy's run on one kernel and seed, with its pool totals. */
  record Row(String kernel, long seed, String strategy, SearchResult<Operation> result,
      String large) {
    AdvisorStats total() {
      return AdvisorStats.total(result.advisors());
    }

    int largeCalls() {
      return result.advisors().stream().filter(s -> s.name().equals(large))
          .mapToInt(AdvisorStats::calls).sum();
    }

    double largeShare() {
      int calls = total().calls();
      return calls == 0 ? 0 : (double) largeCalls() / calls;
    }
  }

  /**
   * Loads {@code kernel}: {@code matmulN} is the naive N^3 matmul, a bare name is looked up under
   * testdata/kernels then testdata/models, anything else is a path; graph ops are lowered to affine
   * loops; the first function with a body is tuned. Fails with IllegalArgumentException when the
   * file cannot be found or holds no function.
   */
  static Workload load(String kernel) throws IOException {
    String text;
    String source;
    if (kernel.matches("matmul\\d+")) {
      int n = Integer.parseInt(kernel.substring("matmul".length()));
      text = MatmulKernels.text("ijk", n);
      source = kernel + ".mlir";
    } else {
      Path file = resolve(kernel);
      text = Files.readString(file);
      source = file.toString();
    }
    Operation module = ColtBench.parse(text, source);
    module = new PassManager(PipelineParser.parse("builtin.module(lower-graph-to-affine)",
        "<pool-bench>", PassRegistry.global()), PassManager.Config.standard()).run(module);
    for (Operation op : ModuleOp.body(module)) {
      if (op.name().equals(FuncOp.NAME) && !op.regions().isEmpty()
          && !op.region(0).blocks().isEmpty()) {
        return new Workload(module, op, FuncOp.name(op));
      }
    }
    throw new IllegalArgumentException(source + " has no function with a body to tune");
  }

  private static Path resolve(String kernel) {
    List<Path> roots = new ArrayList<>(List.of(Path.of(".")));
    try {
      Path classes = Path.of(SimulatedPoolBench.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      roots.add(classes.getParent().getParent());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // Only the working directory is searched then.
    }
    List<Path> tried = new ArrayList<>();
    for (Path root : roots) {
      for (String candidate : List.of(kernel, "testdata/kernels/" + kernel + ".mlir",
          "testdata/models/" + kernel + ".mlir")) {
        Path p = root.resolve(candidate);
        tried.add(p);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("no kernel '" + kernel + "'; looked at " + tried);
  }

  private static void header(StringBuilder md, List<String> pool, String large, int budget,
      List<Long> seeds) {
    md.append("## Simulated advisor pool vs single large advisor (SIMULATION)\n\n");
    md.append("The advisors are simulated, not language models: each ranks the legal menu with "
        + "the analytical cost model, degraded the smaller its declared size (random picks, noisy "
        + "ranking, malformed answers, misrouted hand-overs), and its tokens, price and latency "
        + "are computed from the prompt size and its declared size (price and latency per token "
        + "linear in the size). Speedups are measured: every candidate is lowered, JIT-compiled, "
        + "checked and timed against the untransformed function in an isolated worker.\n\n");
    md.append(fmt("- COLT: shared tree, pool %s, lambda 0.5, course alteration after 2 "
        + "regressions%n", String.join(", ", pool)));
    md.append(fmt("- single: the `single` strategy (one advisor, lambda 0, no course "
        + "alteration) with %s%n", large));
    md.append(fmt("- Budget: %d measurements per run; seeds %s; random expansion at depth 0 "
        + "for both%n", budget, seeds));
    md.append(fmt("- Load average at start: %s%n%n", loadAverage()));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void runTable(StringBuilder md, List<Row> rows) {
    md.append("### Runs\n\n| kernel | seed | strategy | best speedup | measurements | calls per "
        + "advisor (small to large) | large share | errors | escalations | tokens in/out | simulated cost $ | "
        + "simulated latency s | wall s |\n" + "|---".repeat(13) + "|\n");
    for (Row r : rows) {
      AdvisorStats t = r.total();
      md.append(fmt("| %s | %d | %s | %.2fx | %d | %s | %.0f%% | %d | %d | %d / %d | %.5f | %.1f "
          + "| %.1f |%n", r.kernel(), r.seed(), r.strategy(), r.result().bestSpeedup(),
          r.result().measurements(), callsText(r.result().advisors()), 100 * r.largeShare(),
          t.errors(), r.result().escalations().size(), t.tokensIn(), t.tokensOut(), t.money(),
          t.latencyMillis() / 1000, r.result().wallMillis() / 1000.0));
    }
    md.append('\n');
  }

  /** Calls per advisor, e.g. {@code 9/4/2}, in pool order. */
  private static String callsText(List<AdvisorStats> advisors) {
    return String.join("/", advisors.stream().map(s -> Integer.toString(s.calls())).toList());
  }

  private static void kernelTable(StringBuilder md, List<Row> rows, List<String> kernels) {
    md.append("### Per kernel (over seeds)\n\n| kernel | COLT speedup (geomean) | single speedup "
        + "(geomean) | COLT / single | large share in COLT | simulated cost COLT $ | simulated "
        + "cost single $ | cost ratio single / COLT | escalations (COLT) |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    List<String> groups = new ArrayList<>(kernels);
    groups.add("all");
    for (String k : groups) {
      List<Row> colt = rows.stream().filter(r -> r.strategy().equals("colt")
          && (k.equals("all") || r.kernel().equals(k))).toList();
      List<Row> single = rows.stream().filter(r -> r.strategy().equals("single")
          && (k.equals("all") || r.kernel().equals(k))).toList();
      double coltSpeed = geomean(colt);
      double singleSpeed = geomean(single);
      int largeCalls = colt.stream().mapToInt(Row::largeCalls).sum();
      int calls = colt.stream().mapToInt(r -> r.total().calls()).sum();
      double coltCost = colt.stream().mapToDouble(r -> r.total().money()).sum();
      double singleCost = single.stream().mapToDouble(r -> r.total().money()).sum();
      md.append(fmt("| %s | %.2fx | %.2fx | %.2f | %.0f%% | %.5f | %.5f | %.2fx | %d |%n",
          k.equals("all") ? "**all**" : k, coltSpeed, singleSpeed, coltSpeed / singleSpeed,
          calls == 0 ? 0.0 : 100.0 * largeCalls / calls, coltCost, singleCost,
          coltCost == 0 ? Double.NaN : singleCost / coltCost,
          colt.stream().mapToInt(r -> r.result().escalations().size()).sum()));
    }
    md.append('\n');
  }

  private static double geomean(List<Row> rows) {
    return Math.exp(rows.stream().mapToDouble(r -> Math.log(r.result().bestSpeedup())).average()
        .orElse(0));
  }
}
