// Dependence analysis over affine accesses: GCD and Banerjee tests refined level by level into direction vectors.
package dev.colt.analysis;

import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes every dependence between pairs of affine accesses to the same memref (at least one a
 * write) under a root op. For each pair the direction vector over their common loops is refined
 * outermost level first; a partial vector is dropped as soon as a subscript equation has no
 * solution under it (GCD test on the coefficients, Banerjee bounds test over the loop ranges, and
 * the tile/point coupling of loops whose lower bound is an outer tile loop). Uniform pairs (equal
 * linear parts) get their constant distance. Memrefs are assumed not to alias each other; ops that
 * may touch memory outside affine accesses are listed by {@link #unknownEffects()} and make every
 * enclosing loop non-parallel. A memref allocated inside a loop is private to each of its
 * iterations, so that loop carries no dependence on it.
 */
public final class DependenceAnalysis {
  private static final Direction[] ALL = {Direction.LT, Direction.EQ, Direction.GT};

  private final LoopForest forest;
  private final LoopBounds bounds;
  private final List<Access> accesses;
  private final List<Dependence> dependences = new ArrayList<>();
  private boolean analyzed;
  private final List<Operation> unknownEffects = new ArrayList<>();
  /**
   * What the pair analysis needs of a loop at a common level, the same for every pair: the range
   * of its induction variable, the enclosing level whose IV is its lower bound within one step
   * (see PairSystem.tileLevel, -1 for none), and its alignment.
   */
  private record LevelFacts(Interval range, int tileLevel, long alignment) {}

  private final Map<Operation, LevelFacts> levelFacts = new IdentityHashMap<>();

  private DependenceAnalysis(Operation root) {
    this(root, root);
  }

  private DependenceAnalysis(Operation root, Operation accessScope) {
    this.forest = LoopForest.of(root);
    this.bounds = new LoopBounds(forest);
    this.accesses = Access.collect(forest, accessScope);
    root.walk(op -> {
      if (mayHaveUnknownEffects(op)) {
        unknownEffects.add(op);
      }
    });
  }

  /**
   * The dependences, analyzed on first use: many legality checks need only the forest, bounds,
   * accesses and effects, and the pairwise analysis is the expensive part on unrolled nests.
   */
  private synchronized List<Dependence> deps() {
    if (!analyzed) {
      analyzePairs((i, j) -> true, dependences);
      analyzed = true;
    }
    return dependences;
  }

  /** Which access pairs (by index in {@link #accesses}, i <= j) to analyze. */
  private interface PairFilter {
    boolean test(int i, int j);
  }

  /**
   * Analyzes, in the order of the full analysis, every pair of accesses to one memref (one of them
   * a write) that {@code wanted} accepts, adding their dependences to {@code out}.
   */
  private void analyzePairs(PairFilter wanted, List<Dependence> out) {
    for (int i = 0; i < accesses.size(); i++) {
      Access a = accesses.get(i);
      for (int j = i; j < accesses.size(); j++) {
        Access b = accesses.get(j);
        if (a.memref() == b.memref() && (a.write() || b.write()) && wanted.test(i, j)) {
          analyzePair(a, b, out);
        }
      }
    }
  }

  /**
   * The dependences between the accesses {@code x} accepts and those {@code y} accepts (a pair is
   * analyzed when one access is in each group, either way round), in the order of
   * {@link #dependences()}: exactly the dependences of that list whose ends lie one in each group.
   * When the full list is not computed yet, only those pairs are analyzed and nothing is kept, so
   * a caller interested in a few pairs of a large function pays for those alone.
   */
  public List<Dependence> dependencesBetween(Predicate<Access> x, Predicate<Access> y) {
    synchronized (this) {
      if (analyzed) {
        return dependences.stream().filter(d -> x.test(d.source()) && y.test(d.sink())
            || y.test(d.source()) && x.test(d.sink())).toList();
      }
    }
    boolean[] inX = new boolean[accesses.size()];
    boolean[] inY = new boolean[accesses.size()];
    for (int i = 0; i < inX.length; i++) {
      inX[i] = x.test(accesses.get(i));
      inY[i] = y.test(accesses.get(i));
    }
    List<Dependence> out = new ArrayList<>();
    analyzePairs((i, j) -> inX[i] && inY[j] || inY[i] && inX[j], out);
    return Collections.unmodifiableList(out);
  }

  /**
   * Analyses shared by identity of their root. A search checks a hundred menu candidates of one
   * program, predicts a dozen successors with the cost model (each analyzed), and comes back to
   * the program several iterations later to apply an action or ask an advisor again.
   */
  private static final IdentityMemo<Operation, Void, DependenceAnalysis> CACHE =
      new IdentityMemo<>(128);

  /**
   * A fresh analysis of {@code root}, not shared through the cache: for throwaway IR (such as a
   * candidate fusion's result) that would only push useful entries out of it.
   */
  public static DependenceAnalysis uncached(Operation root) {
    return new DependenceAnalysis(root);
  }

  /**
   * A fresh analysis of {@code root} that sees only the accesses under {@code scope} (an op inside
   * root): its accesses and dependences are those of the full analysis with both ends under scope,
   * in the same order. Loops, bounds and values are indexed over all of root, so subscripts and
   * ranges are the same as in the full analysis. Not cached.
   */
  public static DependenceAnalysis uncachedAccessesUnder(Operation root, Operation scope) {
    return new DependenceAnalysis(root, scope);
  }

  /**
   * Analyzes every access pair under {@code root} (usually a func.func). The IR is immutable, so
   * the results for the last few roots (by identity) are cached and shared.
   */
  public static DependenceAnalysis of(Operation root) {
    return CACHE.get(root, DependenceAnalysis::new);
  }

  public LoopForest forest() {
    return forest;
  }

  public LoopBounds bounds() {
    return bounds;
  }

  public List<Access> accesses() {
    return Collections.unmodifiableList(accesses);
  }

  public List<Dependence> dependences() {
    return Collections.unmodifiableList(deps());
  }

  /** Ops that may read or write memory outside the affine access ops (calls, memref.load ...). */
  public List<Operation> unknownEffects() {
    return Collections.unmodifiableList(unknownEffects);
  }

  /** Dependences whose source and sink both lie inside {@code loop}. */
  public List<Dependence> within(LoopForest.Loop loop) {
    List<Dependence> out = new ArrayList<>();
    for (Dependence d : deps()) {
      if (d.levelOf(loop) >= 0) {
        out.add(d);
      }
    }
    return out;
  }

  /** Dependences carried by {@code loop}. */
  public List<Dependence> carriedBy(LoopForest.Loop loop) {
    return deps().stream().filter(d -> d.isCarriedBy(loop)).toList();
  }

  /** True when {@code loop} contains an op with unknown memory effects. */
  public boolean hasUnknownEffects(LoopForest.Loop loop) {
    for (Operation op : unknownEffects) {
      if (forest.isInside(op, loop.op())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the iterations of {@code loop} may run in any order: no memory dependence carried
   * by it, no iter_args, and no op with unknown effects inside.
   */
  public boolean isParallel(LoopForest.Loop loop) {
    return AffineOps.iterInits(loop.op()).isEmpty() && !hasUnknownEffects(loop)
        && carriedBy(loop).isEmpty();
  }

  /**
   * True when the loops of {@code band} (consecutive, outermost first) can be permuted freely: every
   * dependence not already carried outside the band has only {@code <} or {@code =} entries at the
   * band's levels.
   */
  public boolean isPermutable(List<LoopForest.Loop> band) {
    if (band.stream().anyMatch(this::hasUnknownEffects)) {
      return false;
    }
    for (Dependence d : within(band.get(0))) {
      int first = d.levelOf(band.get(0));
      for (DirectionVector v : d.vectors()) {
        int c = v.carrierLevel();
        if (c >= 0 && c < first) {
          continue;
        }
        for (LoopForest.Loop l : band) {
          int level = d.levelOf(l);
          if (level >= 0 && v.get(level).admits(Direction.GT)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** A first dependence that {@link #isPermutable} rejects, for messages; null when permutable. */
  public Dependence firstNonPermutable(List<LoopForest.Loop> band) {
    for (Dependence d : within(band.get(0))) {
      int first = d.levelOf(band.get(0));
      for (DirectionVector v : d.vectors()) {
        int c = v.carrierLevel();
        if (c >= 0 && c < first) {
          continue;
        }
        for (LoopForest.Loop l : band) {
          int level = d.levelOf(l);
          if (level >= 0 && v.get(level).admits(Direction.GT)) {
            return d;
          }
        }
      }
    }
    return null;
  }

  // ---- pair analysis ----

  private static List<LoopForest.Loop> commonLoops(Access a, Access b) {
    List<LoopForest.Loop> common = new ArrayList<>();
    for (int i = 0; i < Math.min(a.loops().size(), b.loops().size()); i++) {
      if (a.loops().get(i) != b.loops().get(i)) {
        break;
      }
      common.add(a.loops().get(i));
    }
    return common;
  }

  private void analyzePair(Access a, Access b, List<Dependence> dependences) {
    List<LoopForest.Loop> common = commonLoops(a, b);
    int n = common.size();
    PairSystem sys = new PairSystem(a, b, common);
    List<DirectionVector> leaves = new ArrayList<>();
    Direction[] dirs = new Direction[n];
    if (sys.latticeFeasible()) {
      refine(sys, 0, dirs, leaves);
    }
    Set<DirectionVector> forward = new LinkedHashSet<>();
    Set<DirectionVector> backward = new LinkedHashSet<>();
    boolean aFirst = forest.position(a.op()) < forest.position(b.op());
    for (DirectionVector v : leaves) {
      split(new ArrayList<>(v.directions()), 0, a.op() != b.op(), aFirst, forward, backward);
    }
    if (forward.isEmpty() && backward.isEmpty()) {
      return;
    }
    List<Long> distance = sys.distance();
    if (!forward.isEmpty()) {
      dependences.add(new Dependence(a, b, common, new ArrayList<>(forward), distance));
    }
    if (!backward.isEmpty()) {
      List<Long> negated = distance.stream().map(x -> x == null ? null : -x).toList();
      dependences.add(new Dependence(b, a, common, new ArrayList<>(backward), negated));
    }
  }

  /**
   * Sorts a vector into forward (source first) and backward dependences, expanding {@code *}
   * entries up to the carrier level.
   */
  private static void split(List<Direction> v, int from, boolean distinct, boolean aFirst,
      Set<DirectionVector> forward, Set<DirectionVector> backward) {
    for (int i = from; i < v.size(); i++) {
      Direction d = v.get(i);
      if (d == Direction.EQ) {
        continue;
      }
      if (d == Direction.ANY) {
        for (Direction x : ALL) {
          List<Direction> copy = new ArrayList<>(v);
          copy.set(i, x);
          split(copy, i, distinct, aFirst, forward, backward);
        }
        return;
      }
      DirectionVector dv = new DirectionVector(v);
      if (d == Direction.LT) {
        forward.add(dv);
      } else {
        backward.add(dv.reversed());
      }
      return;
    }
    if (distinct) {
      (aFirst ? forward : backward).add(new DirectionVector(v));
    }
  }

  private void refine(PairSystem sys, int level, Direction[] dirs, List<DirectionVector> out) {
    if (!sys.feasible(dirs)) {
      return;
    }
    if (level == dirs.length) {
      out.add(new DirectionVector(List.of(dirs)));
      return;
    }
    if (sys.isFree(level)) {
      dirs[level] = sys.hasOneIteration(level) ? Direction.EQ : Direction.ANY;
      refine(sys, level + 1, dirs, out);
      dirs[level] = null;
      return;
    }
    for (Direction d : ALL) {
      dirs[level] = d;
      refine(sys, level + 1, dirs, out);
    }
    dirs[level] = null;
  }

  /** The subscript equations of one access pair over its common loops. */
  private final class PairSystem {
    private final Access a;
    private final Access b;
    private final List<LoopForest.Loop> common;
    private final Interval[] commonRanges;
    /** For each common level, the level of its tile loop (lower bound = that IV), or -1. */
    private final int[] tileOf;
    /** For each common level, a modulus m such that two distinct IV values differ by >= m. */
    private final long[] alignment;
    /** Levels whose every iteration allocates its own copy of the memref (no carried deps). */
    private final boolean[] privateLevel;

    PairSystem(Access a, Access b, List<LoopForest.Loop> common) {
      this.a = a;
      this.b = b;
      this.common = common;
      this.commonRanges = new Interval[common.size()];
      this.tileOf = new int[common.size()];
      this.alignment = new long[common.size()];
      this.privateLevel = new boolean[common.size()];
      Operation memrefDef = forest.definingOp(a.memref());
      for (int i = 0; i < common.size(); i++) {
        privateLevel[i] = memrefDef != null && forest.isInside(memrefDef, common.get(i).op());
        LevelFacts facts = levelFacts(i);
        commonRanges[i] = facts.range();
        tileOf[i] = facts.tileLevel();
        alignment[i] = facts.alignment();
      }
    }

    /** True when no equation and no tile coupling involves level i. */
    boolean isFree(int i) {
      if (tileOf[i] >= 0 || privateLevel[i]) {
        return false;
      }
      for (int j = 0; j < tileOf.length; j++) {
        if (tileOf[j] == i) {
          return false;
        }
      }
      for (Equation eq : equations()) {
        if (eq != null && (eq.ca()[i] != 0 || eq.cb()[i] != 0)) {
          return false;
        }
      }
      return true;
    }

    boolean hasOneIteration(int i) {
      Interval r = commonRanges[i];
      return r.isBounded() && r.hi() - r.lo() < alignment[i];
    }

    /** The facts of common level i, from the loop alone (the common loops are its path). */
    private LevelFacts levelFacts(int i) {
      synchronized (levelFacts) {
        return levelFacts.computeIfAbsent(common.get(i).op(), op -> new LevelFacts(
            bounds.ivRange(op), tileLevel(i), Math.max(1, bounds.alignment(op))));
      }
    }

    /**
     * Level t when loop i runs within [iv_t, iv_t + step_t) (i is a point loop of tile loop t).
     * Depends on loop i and the loops enclosing it only, so it is the same for every pair.
     */
    private int tileLevel(int i) {
      Operation forOp = common.get(i).op();
      List<LinearForm> lows = bounds.lowerForms(forOp);
      if (lows.size() != 1) {
        return -1;
      }
      LinearForm low = lows.get(0);
      for (int t = 0; t < i; t++) {
        Value tv = common.get(t).inductionVar();
        if (!low.equals(LinearForm.of(tv))) {
          continue;
        }
        long tileStep = AffineOps.step(common.get(t).op());
        for (LinearForm up : bounds.upperForms(forOp)) {
          LinearForm diff = up.minus(low);
          if (diff.isConstant() && diff.constant() <= tileStep) {
            return t;
          }
        }
      }
      return -1;
    }

    /**
     * GCD test with every strided induction variable written as its lower bound plus step times
     * an iteration number (recursively), ignoring directions: false proves independence.
     */
    boolean latticeFeasible() {
      for (int d = 0; d < a.subscripts().size(); d++) {
        LinearForm fa = a.subscripts().get(d);
        LinearForm fb = b.subscripts().get(d);
        boolean last = d == a.subscripts().size() - 1;
        if (!fa.isExact() || !fb.isExact() || last && (a.width() > 1 || b.width() > 1)) {
          continue;
        }
        Coefficients coeffs = new Coefficients();
        long[] constant = {0};
        expand(fa, 1, 0, coeffs, constant, 0);
        expand(fb, -1, 1, coeffs, constant, 0);
        long g = 0;
        for (int k = 0; k < coeffs.size; k++) {
          g = gcd(g, coeffs.sums[k]);
        }
        if (g == 0 ? constant[0] != 0 : constant[0] % g != 0) {
          return false;
        }
      }
      return true;
    }

    /**
     * Summed coefficients per unknown of one lattice equation: a value invariant in the common
     * loops is one unknown for both sides (side {@link #SHARED}), any other value one per side.
     */
    private static final class Coefficients {
      static final int SHARED = -1;
      Value[] values = new Value[8];
      int[] sides = new int[8];
      long[] sums = new long[8];
      int size;

      void add(Value v, int side, long c) {
        for (int k = 0; k < size; k++) {
          if (values[k] == v && sides[k] == side) {
            sums[k] += c;
            return;
          }
        }
        if (size == values.length) {
          values = java.util.Arrays.copyOf(values, 2 * size);
          sides = java.util.Arrays.copyOf(sides, 2 * size);
          sums = java.util.Arrays.copyOf(sums, 2 * size);
        }
        values[size] = v;
        sides[size] = side;
        sums[size] = c;
        size++;
      }
    }

    private void expand(LinearForm f, long scale, int side, Coefficients coeffs,
        long[] constant, int depth) {
      constant[0] += scale * f.constant();
      for (Map.Entry<Value, Long> t : f.terms().entrySet()) {
        Value v = t.getKey();
        long c = scale * t.getValue();
        LoopForest.Loop own = forest.loopOfInductionVar(v);
        if (own == null) {
          boolean invariant = common.isEmpty() || forest.isDefinedOutside(v, common.get(0).op());
          coeffs.add(v, invariant ? Coefficients.SHARED : side, c);
          continue;
        }
        long step = AffineOps.step(own.op());
        List<LinearForm> lows = bounds.lowerForms(own.op());
        if (step > 1 && lows.size() == 1 && lows.get(0).isExact() && depth < 16) {
          coeffs.add(v, side, c * step);
          expand(lows.get(0), c, side, coeffs, constant, depth + 1);
        } else {
          coeffs.add(v, side, c);
        }
      }
    }

    boolean feasible(Direction[] dirs) {
      for (int i = 0; i < dirs.length; i++) {
        if (privateLevel[i] && (dirs[i] == Direction.LT || dirs[i] == Direction.GT)) {
          return false;
        }
        int t = tileOf[i];
        if (t >= 0 && dirs[t] != null && dirs[i] != null && dirs[t] != Direction.ANY
            && dirs[i] != Direction.ANY) {
          if (dirs[t] == Direction.LT && dirs[i] != Direction.LT
              || dirs[t] == Direction.GT && dirs[i] != Direction.GT) {
            return false;
          }
        }
      }
      for (int d = 0; d < a.subscripts().size(); d++) {
        if (!subscriptFeasible(d, dirs)) {
          return false;
        }
      }
      return true;
    }

    private boolean isCommonIv(Value v) {
      for (LoopForest.Loop l : common) {
        if (l.inductionVar() == v) {
          return true;
        }
      }
      return false;
    }

    /**
     * One subscript equation {@code sum(ca[i]*x_i - cb[i]*y_i) + rest == 0}, where rest ranges
     * over [restLo, restHi] with gcd restG, and {@code diff} is the constant the gcd must divide.
     */
    private record Equation(long[] ca, long[] cb, double restLo, double restHi, long restG,
        long diff, boolean anyConstantWorks) {}

    private Equation[] equations;

    private Equation[] equations() {
      if (equations == null) {
        equations = new Equation[a.subscripts().size()];
        for (int d = 0; d < equations.length; d++) {
          equations[d] = equation(d);
        }
      }
      return equations;
    }

    /** The equation of subscript d, or null when it cannot constrain anything. */
    private Equation equation(int d) {
      LinearForm fa = a.subscripts().get(d);
      LinearForm fb = b.subscripts().get(d);
      if (!fa.isExact() || !fb.isExact()) {
        return null;
      }
      boolean last = d == a.subscripts().size() - 1;
      long wa = last ? a.width() : 1;
      long wb = last ? b.width() : 1;
      // fa(x) + u - fb(y) - v == 0 with u in [0, wa), v in [0, wb).
      double lo = fa.constant() - fb.constant() - (wb - 1);
      double hi = fa.constant() - fb.constant() + (wa - 1);
      long g = (wa > 1 || wb > 1) ? 1 : 0;
      long[] ca = new long[common.size()];
      long[] cb = new long[common.size()];
      for (int i = 0; i < common.size(); i++) {
        Value iv = common.get(i).inductionVar();
        ca[i] = fa.coefficient(iv);
        cb[i] = fb.coefficient(iv);
      }
      Map<Value, Long> others = new IdentityHashMap<>();
      fa.terms().forEach((v, c) -> {
        if (!isCommonIv(v)) {
          others.merge(v, c, Long::sum);
        }
      });
      fb.terms().forEach((v, c) -> {
        if (!isCommonIv(v)) {
          others.merge(v, -c, Long::sum);
        }
      });
      for (Map.Entry<Value, Long> e : others.entrySet()) {
        Value v = e.getKey();
        LoopForest.Loop own = forest.loopOfInductionVar(v);
        boolean invariant = own == null && (common.isEmpty()
            || forest.isDefinedOutside(v, common.get(0).op()));
        if (invariant) {
          // The same value on both sides: only the net coefficient matters.
          if (e.getValue() != 0) {
            return null;
          }
          continue;
        }
        // Different iterations may see different values: each side ranges independently.
        long ca1 = fa.coefficient(v);
        long cb1 = fb.coefficient(v);
        Interval range = own == null ? Interval.ALL : bounds.ivRange(own.op());
        Interval r = range.times(ca1).plus(range.times(-cb1));
        lo += r.lo();
        hi += r.hi();
        g = gcd(gcd(g, ca1), cb1);
      }
      return new Equation(ca, cb, lo, hi, g, fb.constant() - fa.constant(), wa > 1 || wb > 1);
    }

    /** True when subscript {@code d} of a and b may be equal under the (partial) directions. */
    private boolean subscriptFeasible(int d, Direction[] dirs) {
      Equation eq = equations()[d];
      if (eq == null) {
        return true;
      }
      double lo = eq.restLo();
      double hi = eq.restHi();
      long g = eq.restG();
      long[] ca = eq.ca();
      long[] cb = eq.cb();
      for (int i = 0; i < ca.length; i++) {
        if (ca[i] == 0 && cb[i] == 0) {
          if ((dirs[i] == Direction.LT || dirs[i] == Direction.GT) && hasOneIteration(i)) {
            return false;
          }
          continue;
        }
        Interval r = banerjee(ca[i], cb[i], commonRanges[i], dirs[i], alignment[i]);
        if (r == null) {
          return false;
        }
        lo += r.lo();
        hi += r.hi();
        g = dirs[i] == Direction.EQ ? gcd(g, ca[i] - cb[i]) : gcd(gcd(g, ca[i]), cb[i]);
      }
      if (lo > 0 || hi < 0) {
        return false;
      }
      if (g == 0) {
        return eq.diff() == 0 || eq.anyConstantWorks();
      }
      return eq.diff() % g == 0;
    }

    /**
     * Range of {@code ca*x - cb*y} for x (source) and y (sink) in {@code r} under direction
     * {@code dir} (null = any), where distinct values differ by at least {@code m}; null when the
     * direction admits no pair.
     */
    private Interval banerjee(long ca, long cb, Interval r, Direction dir, long m) {
      if (r.isEmpty()) {
        return null;
      }
      if (dir == Direction.EQ) {
        return r.times(ca - cb);
      }
      if (dir == null || dir == Direction.ANY) {
        return r.times(ca).plus(r.times(-cb));
      }
      if (r.isBounded() && r.hi() - r.lo() < m) {
        return null;
      }
      if (ca == 0 && cb == 0) {
        return Interval.point(0);
      }
      if (!r.isBounded()) {
        return Interval.ALL;
      }
      // Distinct values of the induction variable differ by at least m (its alignment).
      double lo = r.lo();
      double hi = r.hi();
      double[][] vertices = dir == Direction.LT
          ? new double[][] {{lo, lo + m}, {lo, hi}, {hi - m, hi}}
          : new double[][] {{lo + m, lo}, {hi, lo}, {hi, hi - m}};
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] p : vertices) {
        double val = ca * p[0] - cb * p[1];
        min = Math.min(min, val);
        max = Math.max(max, val);
      }
      return new Interval(min, max);
    }

    /**
     * Per common loop, the unique IV distance (sink minus source) when every subscript is exact
     * and uniform (equal linear parts) and the loop's coefficient determines it; else null.
     */
    List<Long> distance() {
      List<Long> out = new ArrayList<>(Collections.nCopies(common.size(), (Long) null));
      if (!a.isExact() || !b.isExact() || a.width() != 1 || b.width() != 1) {
        return out;
      }
      for (int d = 0; d < a.subscripts().size(); d++) {
        LinearForm fa = a.subscripts().get(d);
        LinearForm fb = b.subscripts().get(d);
        if (!fa.terms().equals(fb.terms())) {
          return out;
        }
      }
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int d = 0; d < a.subscripts().size(); d++) {
          LinearForm fa = a.subscripts().get(d);
          // fa.lin * (y - x) = fa.const - fb.const over unknown levels.
          long rhs = fa.constant() - b.subscripts().get(d).constant();
          int unknown = -1;
          int unknownCount = 0;
          for (int i = 0; i < common.size(); i++) {
            long c = fa.coefficient(common.get(i).inductionVar());
            if (c == 0) {
              continue;
            }
            if (out.get(i) == null) {
              unknown = i;
              unknownCount++;
            } else {
              rhs -= c * out.get(i);
            }
          }
          if (unknownCount == 1) {
            long c = fa.coefficient(common.get(unknown).inductionVar());
            if (rhs % c == 0) {
              out.set(unknown, rhs / c);
              progress = true;
            }
          }
        }
      }
      return out;
    }
  }

  private static long gcd(long x, long y) {
    x = Math.abs(x);
    y = Math.abs(y);
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }

  /** Ops that may access memory other than through affine accesses. */
  static boolean mayHaveUnknownEffects(Operation op) {
    String d = op.dialect();
    if (d.equals("arith") || d.equals("math")) {
      return false;
    }
    if (d.equals("affine")) {
      return false;
    }
    if (d.equals("vector")) {
      return switch (op.name()) {
        case "vector.broadcast", "vector.reduction", "vector.fma", "vector.splat",
            "vector.extract", "vector.insert", "vector.extractelement", "vector.insertelement",
            "vector.shape_cast", "vector.shuffle" -> false;
        default -> true;
      };
    }
    return switch (op.name()) {
      case "func.func", "func.return", "builtin.module", "memref.alloca", "memref.alloc",
          "memref.dealloc" -> false;
      default -> true;
    };
  }
}
