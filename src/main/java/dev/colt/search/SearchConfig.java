// The knobs of one search run, with the defaults the colt-search pass documents.
package dev.colt.search;

/**
 * Search parameters.
 *
 * @param budget measurements of distinct programs (the root's baseline measurement excluded)
 * @param lambda weight of the model-aware term in the tree policy, in [0, 1]
 * @param exploration the UCT exploration constant c
 * @param regressionsBeforeEscalation k: consecutive regressions by cheaper advisors that trigger a
 *     correction request to the largest advisor (0 disables course alteration)
 * @param seed seed of every random choice the search makes
 * @param maxChildren children per node before it is considered fully expanded
 * @param randomDepth nodes shallower than this are expanded with random menu actions
 * @param maxDuplicateRetries attempts to find a new child when proposals repeat known programs
 * @param errorsBeforeBench consecutive failed calls after which an advisor is benched
 * @param timeLimitMillis wall-clock limit (0 = none)
 * @param tokenBudget advisor tokens (in plus out, summed over the pool) after which the search
 *     stops (0 = none)
 * @param moneyBudget advisor money (summed over the pool, in the advisors' price unit) after which
 *     the search stops (0 = none)
 * @param widening progressive widening exponent a: a node visited n times may have up to
 *     {@code max(maxChildren, floor(n^a))} children, so well-visited nodes (the root first) get
 *     more alternatives while new nodes stay narrow (0 = never more than maxChildren)
 */
public record SearchConfig(int budget, double lambda, double exploration,
    int regressionsBeforeEscalation, long seed, int maxChildren, int randomDepth,
    int maxDuplicateRetries, int errorsBeforeBench, long timeLimitMillis, long tokenBudget,
    double moneyBudget, double widening) {

  public SearchConfig {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1, got " + budget);
    }
    if (lambda < 0 || lambda > 1) {
      throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
    }
    if (exploration < 0) {
      throw new IllegalArgumentException("exploration must be non-negative");
    }
    if (maxChildren < 1) {
      throw new IllegalArgumentException("maxChildren must be at least 1");
    }
    if (tokenBudget < 0) {
      throw new IllegalArgumentException("token budget must be non-negative, got " + tokenBudget);
    }
    if (!(moneyBudget >= 0)) {
      throw new IllegalArgumentException("money budget must be non-negative, got " + moneyBudget);
    }
    if (!(widening >= 0 && widening < 1)) {
      throw new IllegalArgumentException("widening must be in [0, 1), got " + widening);
    }
  }

  /** A configuration with no token or money budget and the default widening. */
  public SearchConfig(int budget, double lambda, double exploration,
      int regressionsBeforeEscalation, long seed, int maxChildren, int randomDepth,
      int maxDuplicateRetries, int errorsBeforeBench, long timeLimitMillis) {
    this(budget, lambda, exploration, regressionsBeforeEscalation, seed, maxChildren, randomDepth,
        maxDuplicateRetries, errorsBeforeBench, timeLimitMillis, 0, 0, DEFAULT_WIDENING);
  }

  /** The widening exponent of {@link #defaults}. */
  public static final double DEFAULT_WIDENING = 0.5;

  /**
   * Defaults: lambda 0.5, c 1.41, k 2, 2 children per node widening with exponent 0.5, random
   * expansion above depth 1.
   */
  public static SearchConfig defaults(int budget) {
    return new SearchConfig(budget, 0.5, 1.41, 2, 1, 2, 1, 4, 5, 0);
  }

  public SearchConfig withSeed(long newSeed) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, newSeed,
        maxChildren, randomDepth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis,
        tokenBudget, moneyBudget, widening);
  }

  public SearchConfig withLambda(double newLambda) {
    return new SearchConfig(budget, newLambda, exploration, regressionsBeforeEscalation, seed,
        maxChildren, randomDepth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis,
        tokenBudget, moneyBudget, widening);
  }

  public SearchConfig withRandomDepth(int depth) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, seed,
        maxChildren, depth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis, tokenBudget,
        moneyBudget, widening);
  }

  public SearchConfig withEscalationAfter(int k) {
    return new SearchConfig(budget, lambda, exploration, k, seed, maxChildren, randomDepth,
        maxDuplicateRetries, errorsBeforeBench, timeLimitMillis, tokenBudget, moneyBudget,
        widening);
  }

  public SearchConfig withMaxChildren(int n) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, seed, n,
        randomDepth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis, tokenBudget,
        moneyBudget, widening);
  }

  public SearchConfig withTimeLimitMillis(long millis) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, seed,
        maxChildren, randomDepth, maxDuplicateRetries, errorsBeforeBench, millis, tokenBudget,
        moneyBudget, widening);
  }

  /** This configuration with advisor budgets in tokens and money (0 = none). */
  public SearchConfig withAdvisorBudgets(long tokens, double money) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, seed,
        maxChildren, randomDepth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis, tokens,
        money, widening);
  }

  /** This configuration with widening exponent {@code a} (0 = at most maxChildren children). */
  public SearchConfig withWidening(double a) {
    return new SearchConfig(budget, lambda, exploration, regressionsBeforeEscalation, seed,
        maxChildren, randomDepth, maxDuplicateRetries, errorsBeforeBench, timeLimitMillis,
        tokenBudget, moneyBudget, a);
  }
}
