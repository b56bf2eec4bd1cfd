// Runs one tuning strategy on one function: space, isolated evaluator, advisors, database, report.
package dev.colt.pass.tuning;

import dev.colt.advisor.OfflineAdvisors;
import dev.colt.advisor.llm.ChatAdvisor;
import dev.colt.advisor.llm.ChatPool;
import dev.colt.advisor.llm.ModelSpec;
import dev.colt.advisor.llm.PoolFile;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Tunes a function of a module. Measurements run in an isolated worker; with a database, every new
 * measurement is appended as it happens (so a killed run loses at most the candidate in flight),
 * earlier measurements of the same workload and target are reused, and a run summary is appended
 * at the end. Chat advisors come from the request's pool file (their API keys from the environment
 * variables it names) and may record to or replay from a transcript. Fails with IOException when
 * the database, report or transcript cannot be written, and with IllegalArgumentException for an
 * unknown advisor name or a bad pool file.
 */
public final class FunctionTuner {
  private final TuningRequest request;
  private final PrintStream progressOut;
  private final Function<String, String> environment;

  public FunctionTuner(TuningRequest request, PrintStream progressOut) {
    this(request, progressOut, System::getenv);
  }

  /** @param environment looks up the environment variables holding API keys */
  public FunctionTuner(TuningRequest request, PrintStream progressOut,
      Function<String, String> environment) {
    this.request = request;
    this.progressOut = progressOut;
    this.environment = environment;
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
    List<ModelSpec> models = request.chat().pool() == null ? List.of()
        : PoolFile.read(request.chat().pool());
    try (ChatPool pool = ChatPool.open(models, environment, request.chat().record(),
            request.chat().replay(), ChatAdvisor.Sleeper.REAL);
        IsolatedRunner runner = new IsolatedRunner(Duration.ofSeconds(30))) {
      IsolatedEvaluator evaluator = new IsolatedEvaluator(runner, standalone, function,
          MeasureConfig.standard(), request.tolerance());
      boolean tree = request.strategy().equals("colt") || request.strategy().equals("single");
      List<Advisor<Operation, Action>> advisors = !tree ? List.of()
          : advisors(space, request.strategy().equals("single") ? 1 : Integer.MAX_VALUE, pool);
      result = search(request.strategy(), space, evaluator, advisors, request.config(), listener,
          store);
      if (pool.replayMisses() > 0 && request.progress()) {
        progressOut.printf(Locale.ROOT, "warning: %d advisor requests had no recorded answer in "
            + "%s (the search took another path; those calls failed)%n", pool.replayMisses(),
            request.chat().replay());
      }
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
      for (ModelSpec m : models) {
        if (request.advisors().contains(m.name())) {
          config.put("model." + m.name(), m.backend().key() + " " + m.model() + " at "
              + m.baseUrl());
        }
      }
      if (request.chat().replay() != null) {
        config.put("replay", request.chat().replay().toString());
      }
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

  /**
   * The first {@code max} advisors of the request: offline ones by name, the others from the chat
   * pool. Fails with IllegalArgumentException naming the known advisors for an unknown name.
   */
  private List<Advisor<Operation, Action>> advisors(LoopNestSpace space, int max,
      ChatPool pool) {
    List<String> names = request.advisors().subList(0, Math.min(max, request.advisors().size()));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the tree strategies need at least one advisor");
    }
    for (String n : pool.names()) {
      if (OfflineAdvisors.knows(n)) {
        throw new IllegalArgumentException("pool advisor '" + n + "' has the name of an offline "
            + "advisor; rename it in " + request.chat().pool());
      }
    }
    if (!pool.names().isEmpty() && request.advisors().stream().noneMatch(pool::contains)) {
      throw new IllegalArgumentException("the pool file " + request.chat().pool()
          + " defines " + String.join(", ", pool.names()) + " but advisors= names none of them");
    }
    List<String> offlineNames = new ArrayList<>();
    for (String n : names) {
      if (!pool.contains(n)) {
        if (!OfflineAdvisors.knows(n)) {
          throw new IllegalArgumentException("unknown advisor '" + n + "'; offline advisors: "
              + String.join(", ", OfflineAdvisors.NAMES) + (request.chat().pool() == null
                  ? " (chat advisors need a pool file: pool=FILE)"
                  : "; in " + request.chat().pool() + ": " + String.join(", ", pool.names()))
              + "; simulated ones: sim-<billions>b, e.g. sim-7b");
        }
        offlineNames.add(n);
      }
    }
    List<Advisor<Operation, Action>> offline = OfflineAdvisors.create(offlineNames, space);
    List<Advisor<Operation, Action>> out = new ArrayList<>();
    for (String n : names) {
      out.add(pool.contains(n) ? pool.<Operation, Action>advisor(n)
          : offline.get(offlineNames.indexOf(n)));
    }
    return out;
  }

  /** {@code func} with its trace attached as {@code colt.trace}. */
  public static Operation withTrace(Operation func, List<String> trace) {
    return func.withAttribute("colt.trace", new Attribute.ArrayAttr(
        trace.stream().map(t -> (Attribute) new Attribute.StringAttr(t)).toList()));
  }
}
