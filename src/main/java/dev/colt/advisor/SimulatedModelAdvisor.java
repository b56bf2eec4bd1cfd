// A simulated LLM advisor for benchmarks: cost-model ranking degraded by size-dependent noise.
package dev.colt.advisor;

import dev.colt.analysis.CostModel;
import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorException;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorStats;
import dev.colt.search.AdvisorView;
import dev.colt.search.Proposal;
import dev.colt.search.SearchSpace;
import dev.colt.search.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A simulation of an LLM advisor of a declared size, so COLT's policy can be measured the way the
 * paper does without model weights. It is not a language model: its answers come from the
 * analytical cost model, made worse the smaller the declared size, and its tokens, money and
 * latency are computed, not observed. Every answer it gives starts with {@code [simulated ...]}.
 *
 * <p>Quality {@code q} grows with the logarithm of the size, from 0 at {@value #SMALLEST_B}B to 1
 * at {@value #LARGEST_B}B parameters. Per call, with the request's seed: with probability
 * {@code 0.25 (1-q)} the answer is malformed (an AdvisorException that still costs its tokens); with
 * probability {@code 0.6 (1-q)} it names a uniformly random untried menu action; otherwise it ranks
 * the untried actions by predicted cycles with log-normal noise of spread {@code 0.3 (1-q)} and
 * names the best. It hands the child to the smallest advisor whose hit rate (in the request's
 * statistics) is near the best, to a larger one than itself after its node regressed, and with
 * probability {@code 0.1 (1-q)} to a name that is not in the pool. Prompt tokens follow the
 * request's text (about four characters a token), answer tokens are 60 to 99; the price per token
 * and the latency per token grow linearly with the size (see {@link #usageOf}). Latency is only
 * accounted, never slept.
 */
public final class SimulatedModelAdvisor implements Advisor<Operation, Action> {
  /** Names of simulated advisors: this prefix, then the size in billions, then "b". */
  public static final String PREFIX = "sim-";
  static final double SMALLEST_B = 0.5;
  static final double LARGEST_B = 100;
  /** Simulated price in dollars per million prompt tokens per billion parameters. */
  static final double PRICE_IN_PER_MTOK_PER_B = 0.05;
  /** Answer tokens cost this many times prompt tokens. */
  static final double OUT_PRICE_FACTOR = 4;

  private final AdvisorProfile profile;
  private final double billions;
  private final double quality;
  private final Oracle oracle;

  /**
   * @param oracle the cost-model predictions, shared by the advisors of one pool so each node's
   *     menu is predicted once
   */
  public SimulatedModelAdvisor(double sizeBillions, Oracle oracle) {
    if (!(sizeBillions > 0)) {
      throw new IllegalArgumentException("simulated model size must be positive");
    }
    this.billions = sizeBillions;
    this.quality = qualityOf(sizeBillions);
    this.oracle = oracle;
    this.profile = new AdvisorProfile(nameOf(sizeBillions), sizeBillions * 1e9,
        usageOf(1000, 80).money());
  }

  /**
   * Parses a simulated advisor name such as {@code sim-1.5b} to its size in billions; -1 when the
   * name is not of that form.
   */
  public static double sizeOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(PREFIX) || !lower.endsWith("b")
        || lower.length() <= PREFIX.length() + 1) {
      return -1;
    }
    try {
      double b = Double.parseDouble(lower.substring(PREFIX.length(), lower.length() - 1));
      return b > 0 && Double.isFinite(b) ? b : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The canonical name of a simulated advisor of {@code b} billion parameters: {@code sim-7b}. */
  public static String nameOf(double b) {
    String n = b == Math.rint(b) ? Long.toString((long) b)
        : String.format(Locale.ROOT, "%s", b);
    return PREFIX + n + "b";
  }

  /** Answer quality in [0, 1] for a size in billions (log scale between the ends). */
  static double qualityOf(double b) {
    double q = Math.log(b / SMALLEST_B) / Math.log(LARGEST_B / SMALLEST_B);
    return Math.max(0, Math.min(1, q));
  }

  @Override
  public AdvisorProfile profile() {
    return profile;
  }

  public double quality() {
    return quality;
  }

  /** The simulated cost of one call with the given token counts. */
  public Usage usageOf(long tokensIn, long tokensOut) {
    double priceIn = PRICE_IN_PER_MTOK_PER_B * billions / 1e6;
    double money = tokensIn * priceIn + tokensOut * priceIn * OUT_PRICE_FACTOR;
    double latency = 100 + tokensIn * 0.02 * billions + tokensOut * (2 + billions);
    return new Usage(tokensIn, tokensOut, money, latency);
  }

  @Override
  public Proposal propose(AdvisorView<Operation, Action> view) throws AdvisorException {
    Random rng = new Random(view.seed() * 31 + profile.name().hashCode());
    Usage usage = usageOf(promptTokens(view), 60 + rng.nextInt(40));
    if (rng.nextDouble() < 0.25 * (1 - quality)) {
      throw new AdvisorException("[simulated " + profile.name() + "] malformed answer", usage,
          null);
    }
    List<Integer> untried = new ArrayList<>();
    for (int i = 0; i < view.menu().size(); i++) {
      if (!view.triedHere().contains(view.menuText().get(i))) {
        untried.add(i);
      }
    }
    if (untried.isEmpty()) {
      throw new AdvisorException("[simulated " + profile.name() + "] nothing left to propose",
          usage, null);
    }
    double[] predicted = oracle.predictions(view.node(), view.menu());
    int pick = -1;
    String how = "random guess";
    if (rng.nextDouble() >= 0.6 * (1 - quality)) {
      double sigma = 0.3 * (1 - quality);
      double bestScore = Double.POSITIVE_INFINITY;
      for (int i : untried) {
        if (Double.isFinite(predicted[i])) {
          double score = Math.log(predicted[i]) + sigma * rng.nextGaussian();
          if (score < bestScore) {
            bestScore = score;
            pick = i;
          }
        }
      }
      how = "ranked";
    }
    if (pick < 0) {
      pick = untried.get(rng.nextInt(untried.size()));
    }
    String next = rng.nextDouble() < 0.1 * (1 - quality) ? "model-that-is-not-in-the-pool"
        : nextAdvisor(view);
    return new Proposal(List.of(pick), next, usage, String.format(Locale.ROOT,
        "[simulated %s] %s: %s; next %s", profile.name(), how, view.menuText().get(pick), next));
  }

  /**
   * The smallest advisor likely to do about as well as the best, judged from the pool statistics
   * in the request: hit rates smoothed as {@code (hits+1)/(children+2)}, and the smallest advisor
   * within 0.1 of the best wins. After a regression only advisors larger than this one qualify (the
   * largest when none is). Benched advisors are skipped.
   */
  private String nextAdvisor(AdvisorView<Operation, Action> view) {
    boolean regressed = !Double.isNaN(view.parentSpeedup())
        && !(view.nodeSpeedup() >= view.parentSpeedup());
    List<AdvisorStats> pool = view.advisors().stream().filter(s -> !s.benched())
        .filter(s -> !regressed || s.sizeParams() > profile.sizeParams())
        .sorted(Comparator.comparingDouble(AdvisorStats::sizeParams)).toList();
    if (pool.isEmpty()) {
      return view.advisors().stream().filter(s -> !s.benched())
          .max(Comparator.comparingDouble(AdvisorStats::sizeParams))
          .map(AdvisorStats::name).orElse(profile.name());
    }
    double best = pool.stream().mapToDouble(SimulatedModelAdvisor::smoothedHitRate).max()
        .orElse(0);
    return pool.stream().filter(s -> smoothedHitRate(s) >= best - 0.1).findFirst()
        .orElse(pool.get(0)).name();
  }

  private static double smoothedHitRate(AdvisorStats s) {
    return (s.hits() + 1.0) / (s.measuredChildren() + 2.0);
  }

  /** A prompt's simulated token count: a fixed system prompt plus about four characters a token. */
  static long promptTokens(AdvisorView<Operation, Action> view) {
    long chars = view.nodeText().length() + view.parentText().length();
    for (String s : view.menuText()) {
      chars += s.length() + 6;
    }
    for (String s : view.trace()) {
      chars += s.length() + 1;
    }
    return 350 + chars / 4 + (view.correction() == null ? 0 : 80);
  }

  /**
   * The cost model's predictions for the menus of a pool's nodes, computed once per node (by
   * identity; the most recent nodes are kept) over at most {@code maxLookahead} menu entries spread
   * evenly, the rest predicted as +infinity. Not thread-safe.
   */
  public static final class Oracle {
    private static final int KEEP = 256;
    private final SearchSpace<Operation, Action> space;
    private final CostModel model;
    private final int maxLookahead;
    private final Map<Operation, double[]> cache = new IdentityHashMap<>();

    public Oracle(SearchSpace<Operation, Action> space, CostModel model, int maxLookahead) {
      this.space = space;
      this.model = model;
      this.maxLookahead = maxLookahead;
    }

    /** Predicted cycles per menu entry of {@code node}, +infinity where not predicted. */
    public double[] predictions(Operation node, List<Action> menu) {
      double[] known = cache.get(node);
      if (known != null && known.length == menu.size()) {
        return known;
      }
      if (cache.size() >= KEEP) {
        cache.clear();
      }
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < menu.size(); i++) {
        all.add(i);
      }
      double[] p = CostModelAdvisor.predict(space, model, node, menu,
          CostModelAdvisor.spread(all, maxLookahead));
      cache.put(node, p);
      return p;
    }
  }
}
