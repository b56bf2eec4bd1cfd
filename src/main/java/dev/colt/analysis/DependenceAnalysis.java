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

/**
 * Computes every dependence between pairs of affine accesses to the same memref (at least one a
 * write) under a root op. For each pair the direction vector over their common loops is refined
 * outermost level first; a partial vector is dropped as soon as a subscript equation has no
 * solution under it (GCD test on the coefficients, Banerjee bounds test over the loop ranges, and
 * the tile/point coupling of loops whose lower bound is an outer tile loop). Uniform pairs (equal
 * linear parts) get their constant distance. Memrefs are assumed not to alias each other; ops that
 * may touch memory outside affine accesses are listed by {@link #unknownEffects()} and make every
 * enclosing loop non-parallel.
 */
public final class DependenceAnalysis {
  private static final Direction[] ALL = Direction.values();

  private final LoopForest forest;
  private final LoopBounds bounds;
  private final List<Access> accesses;
  private final List<Dependence> dependences = new ArrayList<>();
  private final List<Operation> unknownEffects = new ArrayList<>();

  private DependenceAnalysis(Operation root) {
    this.forest = LoopForest.of(root);
    this.bounds = new LoopBounds(forest);
    this.accesses = Access.collect(forest);
    root.walk(op -> {
      if (mayHaveUnknownEffects(op)) {
        unknownEffects.add(op);
      }
    });
    for (int i = 0; i < accesses.size(); i++) {
      for (int j = i; j < accesses.size(); j++) {
        Access a = accesses.get(i);
        Access b = accesses.get(j);
        if (a.memref() == b.memref() && (a.write() || b.write())) {
          analyzePair(a, b);
        }
      }
    }
  }

  private static final int CACHE_SIZE = 8;
  private static final java.util.ArrayDeque<DependenceAnalysis> CACHE = new java.util.ArrayDeque<>();

  /**
   * Analyzes every access pair under {@code root} (usually a func.func). The IR is immutable, so
   * the results for the last few roots (by identity) are cached and shared.
   */
  public static DependenceAnalysis of(Operation root) {
    synchronized (CACHE) {
      for (DependenceAnalysis da : CACHE) {
        if (da.forest.root() == root) {
          return da;
        }
      }
    }
    DependenceAnalysis da = new DependenceAnalysis(root);
    synchronized (CACHE) {
      CACHE.addFirst(da);
      while (CACHE.size() > CACHE_SIZE) {
        CACHE.removeLast();
      }
    }
    return da;
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
    return Collections.unmodifiableList(dependences);
  }

  /** Ops that may read or write memory outside the affine access ops (calls, memref.load ...). */
  public List<Operation> unknownEffects() {
    return Collections.unmodifiableList(unknownEffects);
  }

  /** Dependences whose source and sink both lie inside {@code loop}. */
  public List<Dependence> within(LoopForest.Loop loop) {
    List<Dependence> out = new ArrayList<>();
    for (Dependence d : dependences) {
      if (d.levelOf(loop) >= 0) {
        out.add(d);
      }
    }
    return out;
  }

  /** Dependences carried by {@code loop}. */
  public List<Dependence> carriedBy(LoopForest.Loop loop) {
    return dependences.stream().filter(d -> d.isCarriedBy(loop)).toList();
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
          if (level >= 0 && v.get(level) == Direction.GT) {
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
          if (level >= 0 && v.get(level) == Direction.GT) {
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

  private void analyzePair(Access a, Access b) {
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
      if (v.isLexPositive()) {
        forward.add(v);
      } else if (v.isLexNegative()) {
        backward.add(v.reversed());
      } else if (a.op() != b.op()) {
        if (aFirst) {
          forward.add(v);
        } else {
          backward.add(v);
        }
      }
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

  private void refine(PairSystem sys, int level, Direction[] dirs, List<DirectionVector> out) {
    if (!sys.feasible(dirs)) {
      return;
    }
    if (level == dirs.length) {
      out.add(new DirectionVector(List.of(dirs)));
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

    PairSystem(Access a, Access b, List<LoopForest.Loop> common) {
      this.a = a;
      this.b = b;
      this.common = common;
      this.commonRanges = new Interval[common.size()];
      this.tileOf = new int[common.size()];
      for (int i = 0; i < common.size(); i++) {
        commonRanges[i] = bounds.ivRange(common.get(i).op());
        tileOf[i] = tileLevel(i);
      }
    }

    /** Level t when loop i runs within [iv_t, iv_t + step_t) (i is a point loop of tile loop t). */
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
        Map<Object, Long> coeffs = new java.util.HashMap<>();
        long[] constant = {0};
        expand(fa, 1, 0, coeffs, constant, 0);
        expand(fb, -1, 1, coeffs, constant, 0);
        long g = 0;
        for (long c : coeffs.values()) {
          g = gcd(g, c);
        }
        if (g == 0 ? constant[0] != 0 : constant[0] % g != 0) {
          return false;
        }
      }
      return true;
    }

    private record SideVar(Value v, int side) {}

    private void expand(LinearForm f, long scale, int side, Map<Object, Long> coeffs,
        long[] constant, int depth) {
      constant[0] += scale * f.constant();
      for (Map.Entry<Value, Long> t : f.terms().entrySet()) {
        Value v = t.getKey();
        long c = scale * t.getValue();
        LoopForest.Loop own = forest.loopOfInductionVar(v);
        if (own == null) {
          boolean invariant = common.isEmpty() || forest.isDefinedOutside(v, common.get(0).op());
          coeffs.merge(invariant ? v : new SideVar(v, side), c, Long::sum);
          continue;
        }
        long step = AffineOps.step(own.op());
        List<LinearForm> lows = bounds.lowerForms(own.op());
        if (step > 1 && lows.size() == 1 && lows.get(0).isExact() && depth < 16) {
          coeffs.merge(new SideVar(v, side), c * step, Long::sum);
          expand(lows.get(0), c, side, coeffs, constant, depth + 1);
        } else {
          coeffs.merge(new SideVar(v, side), c, Long::sum);
        }
      }
    }

    boolean feasible(Direction[] dirs) {
      for (int i = 0; i < dirs.length; i++) {
        int t = tileOf[i];
        if (t >= 0 && dirs[t] != null && dirs[i] != null) {
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

    /** True when subscript {@code d} of a and b may be equal under the (partial) directions. */
    private boolean subscriptFeasible(int d, Direction[] dirs) {
      LinearForm fa = a.subscripts().get(d);
      LinearForm fb = b.subscripts().get(d);
      if (!fa.isExact() || !fb.isExact()) {
        return true;
      }
      boolean last = d == a.subscripts().size() - 1;
      long wa = last ? a.width() : 1;
      long wb = last ? b.width() : 1;
      // fa(x) + u - fb(y) - v == 0 with u in [0, wa), v in [0, wb).
      double lo = fa.constant() - fb.constant() - (wb - 1);
      double hi = fa.constant() - fb.constant() + (wa - 1);
      long g = (wa > 1 || wb > 1) ? 1 : 0;
      for (int i = 0; i < common.size(); i++) {
        Value iv = common.get(i).inductionVar();
        long ca = fa.coefficient(iv);
        long cb = fb.coefficient(iv);
        Interval r = banerjee(ca, cb, commonRanges[i], dirs[i]);
        if (r == null) {
          return false;
        }
        lo += r.lo();
        hi += r.hi();
        g = dirs[i] == Direction.EQ ? gcd(g, ca - cb) : gcd(gcd(g, ca), cb);
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
          long c = e.getValue();
          if (c != 0) {
            return true;
          }
          continue;
        }
        // Different iterations may see different values: each side ranges independently.
        long ca = fa.coefficient(v);
        long cb = fb.coefficient(v);
        Interval range = own == null ? Interval.ALL : bounds.ivRange(own.op());
        Interval r = range.times(ca).plus(range.times(-cb));
        lo += r.lo();
        hi += r.hi();
        g = gcd(gcd(g, ca), cb);
      }
      if (lo > 0 || hi < 0) {
        return false;
      }
      long diff = fb.constant() - fa.constant();
      if (g == 0) {
        return diff == 0 || wa > 1 || wb > 1;
      }
      return diff % g == 0;
    }

    /**
     * Range of {@code ca*x - cb*y} for x (source) and y (sink) in {@code r} under direction
     * {@code dir} (null = any); null when the direction admits no pair.
     */
    private Interval banerjee(long ca, long cb, Interval r, Direction dir) {
      if (r.isEmpty()) {
        return null;
      }
      if (dir == Direction.EQ || dir == null) {
        if (dir == Direction.EQ) {
          return r.times(ca - cb);
        }
        return r.times(ca).plus(r.times(-cb));
      }
      if (r.isBounded() && r.hi() - r.lo() < 1) {
        return null;
      }
      if (ca == 0 && cb == 0) {
        return Interval.point(0);
      }
      if (!r.isBounded()) {
        return Interval.ALL;
      }
      double lo = r.lo();
      double hi = r.hi();
      double[][] vertices = dir == Direction.LT
          ? new double[][] {{lo, lo + 1}, {lo, hi}, {hi - 1, hi}}
          : new double[][] {{lo + 1, lo}, {hi, lo}, {hi, hi - 1}};
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
