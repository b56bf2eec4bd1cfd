// Splits a search's wall time into phases, so that its overhead is a measured number.
package dev.colt.search;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Accumulates the time a search spends in each {@link Phase}. Sections nest: time spent in an
 * inner section counts for the inner phase only, never twice. Time in no section is
 * {@link Phase#OTHER}. The search overhead is everything but {@link Phase#COMPILE} and
 * {@link Phase#RUN}. Not thread-safe: one clock per search, on its thread.
 */
public final class PhaseClock {
  /** Where the time of a search goes. */
  public enum Phase {
    /** Building legal-action menus (candidate generation and legality checks). */
    MENU("menu"),
    /** Advisor calls, including their own lookahead, and cost-model predictions of baselines. */
    ADVISOR("advisor"),
    /** Applying actions to programs (each transformation's check and rewrite). */
    APPLY("apply"),
    /** Structural hashing of programs. */
    HASH("hash"),
    /** Lowering and compiling candidates, and starting the measurement worker. */
    COMPILE("compile"),
    /** Checking candidates' outputs and timing them. */
    RUN("run"),
    /** Progress lines and tuning-database appends. */
    RECORD("record"),
    /** Everything else: tree policy, bookkeeping, garbage collection between sections. */
    OTHER("other");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** True for the phases that make up the search overhead. */
    public boolean isOverhead() {
      return this != COMPILE && this != RUN;
    }
  }

  private final LongSupplier nanoTime;
  private final long start;
  private final long[] nanos = new long[Phase.values().length];
  private long[] childNanos = new long[8];
  private int depth;

  public PhaseClock() {
    this(System::nanoTime);
  }

  /** A clock reading {@code nanoTime} (tests pass a scripted clock). */
  public PhaseClock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /**
   * Runs {@code work} and charges its time (minus nested sections) to {@code phase}, which must not
   * be {@link Phase#OTHER} (that is the time outside every section).
   */
  public <T> T time(Phase phase, Supplier<T> work) {
    long t0 = enter();
    try {
      return work.get();
    } finally {
      exit(phase, t0);
    }
  }

  /** Like {@link #time(Phase, Supplier)} for work that may throw a checked exception. */
  public <T, X extends Exception> T timeChecked(Phase phase, CheckedWork<T, X> work) throws X {
    long t0 = enter();
    try {
      return work.get();
    } finally {
      exit(phase, t0);
    }
  }

  /** Work with a result that may throw {@code X}. */
  @FunctionalInterface
  public interface CheckedWork<T, X extends Exception> {
    T get() throws X;
  }

  /**
   * Charges {@code amount} nanoseconds, already spent inside the current section, to
   * {@code phase} instead of the section's own phase (for work timed elsewhere, such as the
   * compile time a measurement worker reports).
   */
  public void reassign(Phase phase, long amount) {
    nanos[phase.ordinal()] += amount;
    if (depth > 0) {
      childNanos[depth - 1] += amount;
    }
  }

  private long enter() {
    if (depth == childNanos.length) {
      childNanos = java.util.Arrays.copyOf(childNanos, depth * 2);
    }
    childNanos[depth++] = 0;
    return nanoTime.getAsLong();
  }

  private void exit(Phase phase, long t0) {
    long elapsed = nanoTime.getAsLong() - t0;
    depth--;
    nanos[phase.ordinal()] += Math.max(0, elapsed - childNanos[depth]);
    if (depth > 0) {
      childNanos[depth - 1] += elapsed;
    }
  }

  /** The split so far; {@link Phase#OTHER} is the wall time not inside any section. */
  public Phases snapshot() {
    long wall = nanoTime.getAsLong() - start;
    Map<String, Long> out = new LinkedHashMap<>();
    long counted = 0;
    for (Phase p : Phase.values()) {
      if (p != Phase.OTHER) {
        out.put(p.label(), nanos[p.ordinal()] / 1_000_000);
        counted += nanos[p.ordinal()];
      }
    }
    out.put(Phase.OTHER.label(), Math.max(0, wall - counted) / 1_000_000);
    return new Phases(out, wall / 1_000_000);
  }

  /**
   * Milliseconds per phase label (in {@link Phase} order) and the wall time they add up to (up to
   * rounding).
   */
  public record Phases(Map<String, Long> millis, long wallMillis) {
    public Phases {
      millis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    public static final Phases NONE = new Phases(Map.of(), 0);

    /** Milliseconds of one phase (0 when absent). */
    public long of(Phase p) {
      return millis.getOrDefault(p.label(), 0L);
    }

    /** Milliseconds spent compiling and running candidates. */
    public long evaluationMillis() {
      return of(Phase.COMPILE) + of(Phase.RUN);
    }

    /** Share of the wall time that is search overhead; 0 for an empty run. */
    public double overheadShare() {
      return wallMillis <= 0 ? 0
          : Math.max(0, wallMillis - evaluationMillis()) / (double) wallMillis;
    }

    /** One line: {@code menu 12 ms (3.1%), advisor ...}, overhead phases only. */
    public String overheadLine() {
      StringBuilder sb = new StringBuilder();
      for (Phase p : Phase.values()) {
        if (p.isOverhead() && millis.containsKey(p.label())) {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(String.format(Locale.ROOT, "%s %d ms (%.1f%%)", p.label(), of(p),
              wallMillis <= 0 ? 0.0 : 100.0 * of(p) / wallMillis));
        }
      }
      return sb.toString();
    }
  }
}
