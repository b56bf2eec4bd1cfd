// The colt-search pass: tunes each function with the shared-tree search and keeps the best program.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.pass.tuning.FunctionTuner;
import dev.colt.pass.tuning.TuningRequest;
import dev.colt.search.SearchConfig;
import dev.colt.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Runs {@link FunctionTuner} on each function and replaces it by the best program found. */
public final class ColtSearchPass implements Pass {
  static final PassOption<Integer> BUDGET = PassOption.ofInt("budget", 64,
      "Measurements of distinct candidate programs.");
  static final PassOption<String> ADVISORS = PassOption.ofString("advisors",
      "heuristic,cost-model", "Comma-separated advisor pool: offline advisors (heuristic, "
          + "cost-model) and chat advisors named in the pool file.");
  static final PassOption<String> POOL = PassOption.ofString("pool", "",
      "Chat advisor pool file (JSON: name, backend openai|ollama, base-url, model, size-params, "
          + "prices, timeout, retries, temperature, api-key-env); empty for none.");
  static final PassOption<String> RECORD = PassOption.ofString("record", "",
      "Transcript file (JSON lines) to append every chat advisor exchange to; empty for none.");
  static final PassOption<String> REPLAY = PassOption.ofString("replay", "",
      "Transcript file to answer chat advisor requests from, without any network; empty for "
          + "live models.");
  static final PassOption<String> STRATEGY = PassOption.ofEnum("strategy",
      TuningRequest.STRATEGIES, "colt", "colt (shared tree), single (first advisor only), "
          + "random, or evolutionary: the baselines run in the same harness.");
  static final PassOption<Double> LAMBDA = PassOption.ofDouble("lambda", 0.5,
      "Weight of the advisor-cheapness term in the tree policy, in [0, 1].");
  static final PassOption<Double> EXPLORATION = PassOption.ofDouble("exploration", 1.41,
      "UCT exploration constant.");
  static final PassOption<Integer> ESCALATE_AFTER = PassOption.ofInt("escalate-after", 2,
      "Consecutive regressions by cheaper advisors before the largest is asked to correct (0: "
          + "never).");
  static final PassOption<Long> SEED = PassOption.ofLong("seed", 1, "Seed of every random choice.");
  static final PassOption<Integer> RANDOM_DEPTH = PassOption.ofInt("random-depth", 0,
      "Nodes shallower than this are expanded with random actions (the papers' code uses 1 to "
          + "save LLM calls; the offline advisors' joint moves work best from the root).");
  static final PassOption<Double> WIDENING = PassOption.ofDouble("widening",
      SearchConfig.DEFAULT_WIDENING,
      "Progressive widening exponent a: a node visited n times may have max(2, floor(n^a)) "
          + "children (0: two children per node, as in the papers' code).");
  static final PassOption<Double> TIME_LIMIT = PassOption.ofDouble("time-limit", 0,
      "Wall-clock limit per function in seconds (0: none).");
  static final PassOption<Long> TOKEN_BUDGET = PassOption.ofLong("token-budget", 0,
      "Stop when the advisors' tokens (in plus out, summed) reach this (0: no limit).");
  static final PassOption<Double> MONEY_BUDGET = PassOption.ofDouble("money-budget", 0,
      "Stop when the advisors' summed money reaches this, in their price unit (0: no limit).");
  static final PassOption<String> DATABASE = PassOption.ofString("database", "",
      "Tuning database (JSON lines) to record into and resume from; empty for none.");
  static final PassOption<String> REPORT = PassOption.ofString("report", "",
      "HTML report to write; empty for none.");
  static final PassOption<String> TRACE = PassOption.ofString("trace", "",
      "File to write the best trace to (one action per line); empty for none.");
  static final PassOption<Double> TOLERANCE = PassOption.ofDouble("tolerance", 1e-3,
      "Relative tolerance of the output check (float reassociation).");
  static final PassOption<Boolean> PROGRESS = PassOption.ofBool("progress", true,
      "Print a progress line per measurement and a summary on stderr.");

  static final PassInfo INFO = new PassInfo("colt-search",
      "Tune loop nests with COLT's multi-advisor Monte Carlo tree search, measured on this CPU",
      """
      Searches schedules (sequences of loop transformations) for each function with one Monte \
      Carlo tree shared by the advisor pool: each expansion asks the node's advisor for a joint \
      action (a transformation from the node's legal menu and the advisor to expand the child); \
      the model-aware tree policy prefers cheaper advisors; after escalate-after consecutive \
      regressions by cheaper advisors the largest advisor is asked to correct the step. Every \
      candidate is lowered to LLVM, JIT-compiled, checked against the untransformed function on \
      the pattern inputs and timed against it in an isolated worker; the reward is the measured \
      speedup. The function is replaced by the fastest correct program, with its trace attached \
      as the colt.trace attribute. Chat advisors (LLMs on an OpenAI-compatible or Ollama server) \
      are configured in the pool file; record= keeps every exchange so that replay= reruns the \
      search without the models (with the same database, measurements are reused too).""",
      PassInfo.Anchor.FUNCTION, List.of(BUDGET, ADVISORS, STRATEGY, LAMBDA, EXPLORATION,
          ESCALATE_AFTER, SEED, RANDOM_DEPTH, WIDENING, TIME_LIMIT, TOKEN_BUDGET, MONEY_BUDGET, DATABASE,
          REPORT, TRACE, TOLERANCE, PROGRESS, POOL, RECORD, REPLAY),
      PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    if (op.regions().isEmpty() || op.region(0).blocks().isEmpty()) {
      return op;
    }
    SearchConfig config;
    TuningRequest request;
    try {
      config = new SearchConfig(context.option(BUDGET), context.option(LAMBDA),
          context.option(EXPLORATION), context.option(ESCALATE_AFTER), context.option(SEED), 2,
          context.option(RANDOM_DEPTH), 4, 5, (long) (context.option(TIME_LIMIT) * 1000))
          .withAdvisorBudgets(context.option(TOKEN_BUDGET), context.option(MONEY_BUDGET))
          .withWidening(context.option(WIDENING));
      request = new TuningRequest(context.option(STRATEGY), Arrays.stream(
          context.option(ADVISORS).split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .toList(), config, path(context.option(DATABASE)), path(context.option(REPORT)),
          path(context.option(TRACE)), context.option(TOLERANCE), context.option(PROGRESS),
          new TuningRequest.ChatFiles(path(context.option(POOL)), path(context.option(RECORD)),
              path(context.option(REPLAY))));
    } catch (IllegalArgumentException e) {
      throw context.failure(op, e.getMessage());
    }
    SearchResult<Operation> result;
    try {
      result = new FunctionTuner(request, System.err).tune(context.enclosingOp(), op);
    } catch (IOException e) {
      throw context.failure(op, "cannot write tuning output: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw context.failure(op, e.getMessage());
    }
    context.remark(op, String.format(Locale.ROOT, "colt-search: best speedup %.2fx after %d "
        + "measurements", result.bestSpeedup(), result.measurements()));
    return FunctionTuner.withTrace(result.best(), result.bestTrace());
  }

  private static Path path(String s) {
    return s == null || s.isBlank() ? null : Path.of(s);
  }
}
