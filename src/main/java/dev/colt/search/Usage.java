// What one advisor call cost: tokens, money and time.
package dev.colt.search;

/** The cost of one advisor call. Offline advisors report zero tokens and their declared cost. */
public record Usage(long tokensIn, long tokensOut, double money, double latencyMillis) {
  public static final Usage NONE = new Usage(0, 0, 0, 0);
}
