// Runs one tuning strategy on one function: space, isolated evaluator, advisors, database, report.
package dev.colt.pass.tuning;

import dev.colt.advisor.OfflineAdvisors;
import dev.colt.dialect.func.FuncOp;
import dev.colt.analysis.CostModel;
import dev.colt.analysis.MachineModel;
import dev.colt.exec.isolate.IsolatedRunner;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.ir.Attribute;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.lower.llvm.HostTarget;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.ColtTreeSearch;
import dev.colt.search.Evaluator;
import dev.colt.search.EvolutionarySearch;
import dev.colt.search.IsolatedEvaluator;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.MeasurementStore;
import dev.colt.search.ProgressPrinter;
import dev.colt.search.RandomSearch;
import dev.colt.search.SearchConfig;
import dev.colt.search.SearchListener;
import dev.colt.search.SearchReport;
import dev.colt.search.SearchResult;
import dev.colt.search.TuningDatabase;
import dev.colt.search.TuningRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tunes a function of a module. Measurements run in an isolated worker; with a database, every new
 * measurement is appended as it happens (so a killed run loses at most the candidate in flight),
 * earlier measurements of the same workload and target are reused, and a run summary is appended
 * at the end. Fails with IOException when the database or report cannot be written.
 */
public final class FunctionTuner {
  private final TuningRequest request;
  private final PrintStream progressOut;

  public FunctionTuner(TuningRequest request, PrintStream progressOut) {
    this.request = request;
    this.progressOut = progressOut;
  }

  /** The workload key: the function's name and structural hash. */
  public static String workloadKey(Operation func, LoopNestSpace space) {
    return FuncOp.name(func) + "@" + space.structuralHash(space.root());
  }

  /** The target key: the host CPU and a hash of its features. */
  public static String targetKey() {
    HostTarget t = HostTarget.get();
    return t.cpu() + "/" + Integer.toHexString(t.features().hashCode());
  }

  /** Tunes {@code func}, which must be a function of {@code module}. */
  public SearchResult<Operation> tune(Operation module, Operation func) throws IOException {
    String function = FuncOp.name(func);
    Operation standalone = module == null ? ModuleOp.create(List.of(func)) : module;
    LoopNestSpace space = new LoopNestSpace(func, Machine.host());
    String workload = workloadKey(func, space);
    String target = targetKey();
    TuningDatabase db = request.database() == null ? null : TuningDatabase.open(request.database());
    String run = UUID.randomUUID().toString();
    SearchListener listener = SearchListener.NONE;
    ProgressPrinter printer = null;
    if (request.progress()) {
      printer = new ProgressPrinter(progressOut, request.config().budget(),
          "[" + request.strategy() + " @" + function + "]");
      listener = printer;
    }
    MeasurementStore store = MeasurementStore.NONE;
    if (db != null) {
      listener = listener.andThen(db.recorder(workload, target, run, request.strategy()));
      store = db.storeFor(workload, target);
    }
    SearchResult<Operation> result;
    try (IsolatedRunner runner = new IsolatedRunner(Duration.ofSeconds(30))) {
      IsolatedEvaluator evaluator = new IsolatedEvaluator(runner, standalone, function,
          MeasureConfig.standard(), request.tolerance());
      boolean tree = request.strategy().equals("colt") || request.strategy().equals("single");
      List<Advisor<Operation, Action>> pool = !tree ? List.of()
          : advisors(space, request.strategy().equals("single") ? 1 : Integer.MAX_VALUE);
      result = search(request.strategy(), space, evaluator, pool, request.config(), listener,
          store);
    }
    if (printer != null) {
      printer.summary(result);
    }
    if (db != null) {
      Map<String, String> config = new LinkedHashMap<>();
      config.put("budget", Integer.toString(request.config().budget()));
      config.put("lambda", Double.toString(request.config().lambda()));
      config.put("seed", Long.toString(request.config().seed()));
      config.put("advisors", String.join(",", request.advisors()));
      config.put("token-budget", Long.toString(request.config().tokenBudget()));
      config.put("money-budget", Double.toString(request.config().moneyBudget()));
      db.append(new TuningRecord.Run(workload, target, run, request.strategy(),
          result.measurements(), result.bestSpeedup(), result.bestTrace(), result.advisors(),
          config, result.wallMillis(), result.evaluationMillis(), result.escalations().size()));
    }
    if (request.report() != null) {
      Files.writeString(request.report(), SearchReport.html(String.format(Locale.ROOT,
          "COLT tuning of @%s (%s, budget %d)", function, request.strategy(),
          request.config().budget()), Map.of(request.strategy(), result)));
    }
    if (request.traceFile() != null) {
      Files.writeString(request.traceFile(), String.join("\n", result.bestTrace()) + "\n");
    }
    return result;
  }

  /**
   * Runs one strategy of {@link TuningRequest#STRATEGIES} on {@code space}: {@code colt} with the
   * whole pool, {@code single} with the pool's first advisor and neither the model-aware term nor
   * course alteration (the Reasoning Compiler setting), {@code random} or {@code evolutionary}
   * (which ignore the pool). Fails with IllegalArgumentException when a tree strategy gets no
   * advisor.
   */
  public static SearchResult<Operation> search(String strategy, LoopNestSpace space,
      Evaluator<Operation> evaluator, List<Advisor<Operation, Action>> pool, SearchConfig config,
      SearchListener listener, MeasurementStore store) {
    if ((strategy.equals("colt") || strategy.equals("single")) && pool.isEmpty()) {
      throw new IllegalArgumentException("the tree strategies need at least one advisor");
    }
    return switch (strategy) {
      case "random" -> new RandomSearch<>(space, evaluator, config, 6, listener, store).run();
      case "evolutionary" -> {
        CostModel model = new CostModel(MachineModel.znver5());
        yield new EvolutionarySearch<>(space, evaluator, config,
            p -> -model.estimate(p).cycles(), 16, 8, 0.05, listener, store).run();
      }
      case "single" -> new ColtTreeSearch<>(space, evaluator, pool.subList(0, 1),
          config.withLambda(0).withEscalationAfter(0), listener, store).run();
      default -> new ColtTreeSearch<>(space, evaluator, pool, config, listener, store).run();
    };
  }

  private List<Advisor<Operation, Action>> advisors(LoopNestSpace space, int max) {
    List<String> names = request.advisors().subList(0, Math.min(max, request.advisors().size()));
    return OfflineAdvisors.create(names, space);
  }

  /** {@code func} with its trace attached as {@code colt.trace}. */
  public static Operation withTrace(Operation func, List<String> trace) {
    return func.withAttribute("colt.trace", new Attribute.ArrayAttr(
        trace.stream().map(t -> (Attribute) new Attribute.StringAttr(t)).toList()));
  }
}
