// COLT's Monte Carlo tree search: one tree shared by several advisors, joint actions,
// model-aware selection and course alteration.
package dev.colt.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One search run. Each iteration descends the tree with {@link ModelAwarePolicy} to a node that is
 * not fully expanded, asks that node's advisor for a joint action (actions from the node's menu and
 * the advisor to expand the child), applies it, measures the child (once per structural hash),
 * backs up its value (log2 speedup) and counts regressions: after {@code k} consecutive
 * regressions caused by advisors other than the largest, the largest advisor receives a correction
 * request and its child replaces the cheaper one when it scores at least as well.
 *
 * <p>The run ends when the measurement budget, the time limit, or the advisor budget in tokens or
 * money (summed over the pool, failed calls included) is spent; a call in flight when an advisor
 * budget is crossed still completes, so the usage may overshoot by one call.
 *
 * <p>Nodes shallower than {@code randomDepth}, and expansions whose advisor failed (an error, an
 * out-of-menu index, an illegal or duplicate action), use a random menu action instead, so a failing
 * advisor never stalls the search. With the same seed, advisor answers and measurements, two runs
 * make the same decisions. Not thread-safe: one run per instance, on one thread.
 */
public final class ColtTreeSearch<P, A> {
  /** The expander name of random expansions. */
  public static final String RANDOM = "random";

  private final SearchSpace<P, A> baseSpace;
  private final Evaluator<P> evaluator;
  private final SearchConfig config;
  private final Map<String, Advisor<P, A>> advisors = new LinkedHashMap<>();
  private final Map<String, AdvisorStats> stats = new LinkedHashMap<>();
  private final Map<String, Integer> consecutiveErrors = new HashMap<>();
  private final ModelAwarePolicy policy;
  private final ValueRange range = new ValueRange();
  private final String cheapest;
  private final String largest;
  private final Random random;
  private final Map<Integer, List<A>> menus = new HashMap<>();
  private final SearchListener listener;
  private final MeasurementStore store;
  private MeasurementLedger<P> ledger;
  private PhaseClock clock;
  private SearchSpace<P, A> space;
  private int nextId;
  private int regressions;
  private boolean advisorBudgetAnnounced;

  /**
   * @param advisors the pool, in any order; may be empty (then every expansion is random)
   * @param store earlier measurements to reuse (they still count against the budget)
   */
  public ColtTreeSearch(SearchSpace<P, A> space, Evaluator<P> evaluator,
      List<? extends Advisor<P, A>> advisors, SearchConfig config, SearchListener listener,
      MeasurementStore store) {
    this.baseSpace = space;
    this.evaluator = evaluator;
    this.config = config;
    this.listener = listener == null ? SearchListener.NONE : listener;
    this.store = store == null ? MeasurementStore.NONE : store;
    Map<String, Double> sizes = new HashMap<>();
    for (Advisor<P, A> a : advisors) {
      String name = a.profile().name();
      if (this.advisors.put(name, a) != null) {
        throw new IllegalArgumentException("two advisors named " + name);
      }
      stats.put(name, AdvisorStats.empty(a.profile()));
      sizes.put(name, a.profile().sizeParams());
    }
    this.policy = new ModelAwarePolicy(config.lambda(), config.exploration(), sizes);
    this.cheapest = advisors.stream().min(Comparator.comparingDouble(a -> a.profile().sizeParams()))
        .map(a -> a.profile().name()).orElse(RANDOM);
    this.largest = advisors.size() < 2 ? null : advisors.stream()
        .max(Comparator.comparingDouble(a -> a.profile().sizeParams()))
        .map(a -> a.profile().name()).orElse(null);
    this.random = new Random(config.seed());
  }

  /** Runs the search to its budget or time limit and returns the best program found. */
  public SearchResult<P> run() {
    clock = new PhaseClock();
    space = new TimedSpace<>(baseSpace, clock);
    P rootProgram = space.root();
    SearchNode<P> root = new SearchNode<>(nextId++, null, rootProgram, List.of(),
        space.structuralHash(rootProgram), "", cheapest);
    ledger = new MeasurementLedger<>(rootProgram, root.hash(), evaluator, store, config.budget(),
        config.timeLimitMillis(), listener, clock);
    root.setEvaluation(ledger.known(root.hash()).orElseThrow());
    while (!ledger.exhausted() && !advisorBudgetReached()) {
      SearchNode<P> leaf = selectExpandable(root);
      if (leaf == null) {
        break;
      }
      SearchNode<P> child = expand(leaf);
      if (child == null) {
        leaf.countFailedExpansion();
        if (leaf.failedExpansions() > config.maxDuplicateRetries()) {
          leaf.markExhausted();
        }
        continue;
      }
      leaf.addChild(child);
      child = maybeAlterCourse(leaf, child);
      backup(child, value(child, leaf));
    }
    return ledger.result(new ArrayList<>(stats.values()));
  }

  /** Descends from the root to a node that can take another child; null when none is left. */
  private SearchNode<P> selectExpandable(SearchNode<P> root) {
    while (!root.exhausted()) {
      SearchNode<P> n = root;
      while (true) {
        if (n.exhausted()) {
          break;
        }
        if (n.children().size() < childLimit(n) && !menu(n).isEmpty()) {
          return n;
        }
        List<SearchNode<P>> open = n.children().stream().filter(c -> !c.exhausted()).toList();
        if (open.isEmpty()) {
          if (n.children().size() < menu(n).size()) {
            return n;
          }
          n.markExhausted();
          break;
        }
        n = policy.select(open, n.visits(), range);
      }
    }
    return null;
  }

  /** Children {@code n} may have now: progressive widening by its visits (see SearchConfig). */
  private int childLimit(SearchNode<P> n) {
    return Math.max(config.maxChildren(),
        (int) Math.floor(Math.pow(n.visits(), config.widening())));
  }

  private List<A> menu(SearchNode<P> n) {
    return menus.computeIfAbsent(n.id(), id -> List.copyOf(space.legalActions(n.program())));
  }

  /** Creates a new child of {@code node}, measured; null when no new program could be made. */
  private SearchNode<P> expand(SearchNode<P> node) {
    String asked = node.depth() < config.randomDepth() ? RANDOM : activeAdvisor(node.expander());
    Attempt<P> attempt = RANDOM.equals(asked) ? null : ask(node, asked, null);
    if (attempt == null) {
      attempt = randomAttempt(node, !RANDOM.equals(asked));
      if (attempt == null) {
        return null;
      }
    }
    return measureChild(node, attempt);
  }

  /** A proposal turned into a program: who made it, the actions and the next advisor. */
  private record Attempt<P>(String advisor, P program, List<String> actions, String next) {}

  /**
   * Asks {@code name} and applies its proposal; null when the call failed or its actions do not
   * apply or lead to a program the node already has as a child (each failure is counted).
   */
  private Attempt<P> ask(SearchNode<P> node, String name, AdvisorView.Correction correction) {
    Advisor<P, A> advisor = advisors.get(name);
    List<A> menu = menu(node);
    Proposal proposal;
    try {
      proposal = clock.timeChecked(PhaseClock.Phase.ADVISOR,
          () -> advisor.propose(view(node, name, menu, correction)));
    } catch (AdvisorException e) {
      stats.computeIfPresent(name, (k, s) -> s.withCall(e.usage()));
      recordFailure(name, e.getMessage());
      return null;
    } catch (RuntimeException e) {
      stats.computeIfPresent(name, (k, s) -> s.withCall(Usage.NONE));
      recordFailure(name, "advisor failed: " + e);
      return null;
    }
    stats.computeIfPresent(name, (k, s) -> s.withCall(proposal.usage()));
    P program = node.program();
    List<String> applied = new ArrayList<>();
    for (int index : proposal.actions()) {
      if (index < 0 || index >= menu.size()) {
        recordFailure(name, "action " + index + " is not on the menu of " + menu.size());
        return null;
      }
      A action = menu.get(index);
      try {
        program = space.apply(program, action);
      } catch (IllegalActionException e) {
        recordFailure(name, "illegal action '" + space.describe(action) + "': " + e.getMessage());
        return null;
      }
      applied.add(space.describe(action));
    }
    for (String text : proposal.followUps()) {
      Optional<A> parsed = space.parseAction(text);
      if (parsed.isEmpty()) {
        recordFailure(name, "'" + text + "' is not an action");
        return null;
      }
      try {
        program = space.apply(program, parsed.get());
      } catch (IllegalActionException e) {
        recordFailure(name, "illegal action '" + text + "': " + e.getMessage());
        return null;
      }
      applied.add(space.describe(parsed.get()));
    }
    if (isKnownNear(node, space.structuralHash(program))) {
      // Not an error of the advisor's answer: the search falls back to a random action.
      ledger.emit(new SearchEvent.AdvisorFailed(name, "proposal repeats a known program", false));
      return null;
    }
    consecutiveErrors.put(name, 0);
    return new Attempt<>(name, program, applied, validNext(proposal.nextAdvisor()));
  }

  /** The request shown to advisor {@code name} for expanding {@code node}. */
  private AdvisorView<P, A> view(SearchNode<P> node, String name, List<A> menu,
      AdvisorView.Correction correction) {
    SearchNode<P> parent = node.parent();
    return new AdvisorView<>(name, node.program(),
        parent == null ? null : parent.program(), space.render(node.program()),
        parent == null ? "" : space.render(parent.program()), node.trace(),
        node.children().stream().map(c -> String.join("; ",
            c.trace().subList(node.trace().size(), c.trace().size()))).toList(), node.speedup(),
        parent == null ? Double.NaN : parent.speedup(), menu,
        menu.stream().map(space::describe).toList(), new ArrayList<>(stats.values()),
        node.recentExpanders(), ledger.measurements(), config.budget(), random.nextLong(),
        correction);
  }

  /**
   * A random menu action that makes a new program. The child is expanded next by the node's own
   * expander for depth-driven random expansions, and by the best hit-rate advisor when the random
   * action stands in for a failed advisor call.
   */
  private Attempt<P> randomAttempt(SearchNode<P> node, boolean replacesFailedCall) {
    List<A> menu = menu(node);
    for (int tries = 0; tries <= config.maxDuplicateRetries() && !menu.isEmpty(); tries++) {
      A action = menu.get(random.nextInt(menu.size()));
      P program;
      try {
        program = space.apply(node.program(), action);
      } catch (IllegalActionException e) {
        continue;
      }
      if (isKnownNear(node, space.structuralHash(program))) {
        continue;
      }
      String next = replacesFailedCall ? activeAdvisor(null) : activeAdvisor(node.expander());
      return new Attempt<>(RANDOM, program, List.of(space.describe(action)), next);
    }
    return null;
  }

  /** True when {@code hash} is the node's, an ancestor's or a sibling-to-be's (a child's) program. */
  private static boolean isKnownNear(SearchNode<?> node, String hash) {
    for (SearchNode<?> n = node; n != null; n = n.parent()) {
      if (n.hash().equals(hash)) {
        return true;
      }
    }
    return node.children().stream().anyMatch(c -> c.hash().equals(hash));
  }

  private void recordFailure(String name, String reason) {
    stats.computeIfPresent(name, (k, s) -> s.withError());
    int errors = consecutiveErrors.merge(name, 1, Integer::sum);
    boolean bench = errors >= config.errorsBeforeBench() && !stats.get(name).benched();
    if (bench) {
      stats.computeIfPresent(name, (k, s) -> s.withBenched());
    }
    ledger.emit(new SearchEvent.AdvisorFailed(name, reason, bench));
  }

  /**
   * {@code name} when it is a usable advisor; otherwise the best hit-rate advisor not benched (ties:
   * the one called least, then the smallest).
   */
  private String validNext(String name) {
    if (name != null && advisors.containsKey(name) && !stats.get(name).benched()) {
      return name;
    }
    return activeAdvisor(null);
  }

  private String activeAdvisor(String preferred) {
    if (preferred != null && advisors.containsKey(preferred) && !stats.get(preferred).benched()) {
      return preferred;
    }
    return stats.values().stream().filter(s -> !s.benched())
        .max(Comparator.comparingDouble(AdvisorStats::hitRate)
            .thenComparingInt(s -> -s.calls())
            .thenComparingDouble(s -> -s.sizeParams()))
        .map(AdvisorStats::name).orElse(RANDOM);
  }

  /**
   * Creates the child for an attempt and measures it (once per structural hash). Returns null when
   * the program is new and the budget is spent.
   */
  private SearchNode<P> measureChild(SearchNode<P> node, Attempt<P> attempt) {
    List<String> trace = new ArrayList<>(node.trace());
    trace.addAll(attempt.actions());
    SearchNode<P> child = new SearchNode<>(nextId++, node, attempt.program(), trace,
        space.structuralHash(attempt.program()), attempt.advisor(), attempt.next());
    Optional<Evaluation> e = ledger.measure(child.program(), child.hash(), trace,
        attempt.advisor(), child.id(), node.id());
    if (e.isEmpty()) {
      return null;
    }
    child.setEvaluation(e.get());
    if (!child.evaluation().isOk()) {
      child.markExhausted();
    }
    if (stats.containsKey(attempt.advisor())) {
      boolean hit = child.evaluation().isOk() && child.speedup() > node.speedup();
      stats.computeIfPresent(attempt.advisor(), (k, s) -> s.withChild(hit));
    }
    return child;
  }

  /**
   * Counts regressions of cheaper advisors and, after k in a row, asks the largest advisor to
   * correct the last one. Returns the child that stays in the tree.
   */
  private SearchNode<P> maybeAlterCourse(SearchNode<P> node, SearchNode<P> child) {
    String by = child.expandedBy();
    if (largest == null || config.regressionsBeforeEscalation() <= 0 || !advisors.containsKey(by)
        || by.equals(largest)) {
      return child;
    }
    boolean regressed = !child.evaluation().isOk() || child.speedup() < node.speedup();
    regressions = regressed ? regressions + 1 : 0;
    if (regressions < config.regressionsBeforeEscalation() || stats.get(largest).benched()
        || ledger.exhausted() || advisorBudgetReached()) {
      return child;
    }
    regressions = 0;
    int depth = child.trace().size() - node.trace().size();
    AdvisorView.Correction correction = new AdvisorView.Correction(by,
        child.trace().subList(child.trace().size() - depth, child.trace().size()),
        node.speedup(), child.evaluation().isOk() ? child.speedup() : 0.0);
    stats.computeIfPresent(largest, (k, s) -> s.withEscalation());
    Attempt<P> fix = ask(node, largest, correction);
    SearchNode<P> large = fix == null ? null : measureChild(node, fix);
    if (large == null) {
      ledger.emit(new SearchEvent.Escalated(ledger.measurements(), node.id(), by, largest,
          node.speedup(), correction.smallChildSpeedup(), Double.NaN, false));
      return child;
    }
    double smallScore = child.evaluation().isOk() ? child.speedup() : 0.0;
    double largeScore = large.evaluation().isOk() ? large.speedup() : 0.0;
    boolean replace = large.evaluation().isOk() && largeScore >= smallScore;
    ledger.emit(new SearchEvent.Escalated(ledger.measurements(), node.id(), by, largest,
        node.speedup(), smallScore, largeScore, replace));
    if (replace) {
      node.replaceChild(child, large);
      return large;
    }
    return child;
  }

  /**
   * True once the pool's summed tokens (in plus out) or money reached the configured advisor budget;
   * the first time, an {@link SearchEvent.AdvisorBudgetReached} event says which.
   */
  private boolean advisorBudgetReached() {
    long tokens = stats.values().stream().mapToLong(s -> s.tokensIn() + s.tokensOut()).sum();
    double money = stats.values().stream().mapToDouble(AdvisorStats::money).sum();
    boolean tokensOut = config.tokenBudget() > 0 && tokens >= config.tokenBudget();
    boolean moneyOut = config.moneyBudget() > 0 && money >= config.moneyBudget();
    if ((tokensOut || moneyOut) && !advisorBudgetAnnounced) {
      advisorBudgetAnnounced = true;
      ledger.emit(new SearchEvent.AdvisorBudgetReached(ledger.measurements(), tokens,
          config.tokenBudget(), money, config.moneyBudget()));
    }
    return tokensOut || moneyOut;
  }

  /**
   * The value a new child backs up: its log2 speedup over the untransformed function, or for a
   * failed candidate one below its parent's (as bad as halving the parent's speed), so a failure
   * costs its branch without stretching the value range.
   */
  private static double value(SearchNode<?> child, SearchNode<?> parent) {
    return child.evaluation().isOk() && child.speedup() > 0 ? log2(child.speedup())
        : log2(parent.speedup()) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Adds {@code value} to the node and its ancestors and widens the value range to their means. */
  private void backup(SearchNode<P> from, double value) {
    for (SearchNode<P> n = from; n != null; n = n.parent()) {
      n.backup(value);
      if (n.evaluation().isOk()) {
        range.include(n.meanValue());
      }
    }
  }
}
