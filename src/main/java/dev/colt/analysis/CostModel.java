// Analytical cost model: predicts the run time of a function's loop nests on one core.
package dev.colt.analysis;

import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Predicts cycles from the loop structure alone, for ranking candidate programs (the absolute value
 * is rough; the ranking is what the search uses). For the ops directly in each loop body it takes
 * the slowest of: issue of arithmetic (vector instructions count once; a scalar innermost loop that
 * LLVM would vectorize counts one instruction per vector of lanes), load and store ports, the latency
 * of loop-carried reduction chains, and cache traffic; plus loop overhead and register spills when a
 * body holds more vector values than registers. Cache traffic follows each access outward through its
 * loops: lines it touches per iteration, reuse across a loop kept only when one iteration of that
 * loop fits in the cache level (half its size), spatial reuse along the contiguous dimension. Loops
 * with unknown trip counts count {@value #UNKNOWN_TRIPS} trips.
 */
public final class CostModel {
  static final long UNKNOWN_TRIPS = 64;
  private static final int LINE = 64;
  private static final Set<String> TRANSCENDENTAL = Set.of("math.exp", "math.log", "math.tanh",
      "math.erf", "math.powf");
  private static final Set<String> DIVIDES = Set.of("arith.divf", "math.sqrt", "math.rsqrt",
      "arith.remf", "arith.divsi", "arith.remsi");
  private static final Set<String> LOADS = Set.of("affine.load", "affine.vector_load",
      "memref.load", "vector.load", "vector.transfer_read");
  private static final Set<String> STORES = Set.of("affine.store", "affine.vector_store",
      "memref.store", "vector.store", "vector.transfer_write");

  private final MachineModel machine;
  /** Estimates of recent programs: a search predicts a node's successors, then the node again. */
  private final IdentityMemo<Operation, Void, Estimate> estimates = new IdentityMemo<>(256);

  public CostModel(MachineModel machine) {
    this.machine = machine;
  }

  /** The breakdown of a prediction, in cycles. */
  public record Estimate(double cycles, double compute, double memory, double chains,
      double overhead, double spills) {}

  /**
   * Predicts the cycles of one call of {@code func} (any op tree; usually a func.func). The IR is
   * immutable, so the estimates of the last few hundred programs (by identity) are remembered.
   */
  public Estimate estimate(Operation func) {
    return estimates.get(func, this::uncachedEstimate);
  }

  private Estimate uncachedEstimate(Operation func) {
    // The loop index, bounds and accesses that the menu's legality checks built for this program.
    DependenceAnalysis da = DependenceAnalysis.of(func);
    LoopForest forest = da.forest();
    LoopBounds bounds = da.bounds();
    List<Access> accesses = da.accesses();
    Map<LoopForest.Loop, Double> trips = new IdentityHashMap<>();
    for (LoopForest.Loop l : forest.loops()) {
      OptionalLong t = bounds.maxTripCount(l.op());
      trips.put(l, (double) Math.max(0, t.orElse(UNKNOWN_TRIPS)));
    }
    // In program order (loops compare by identity), so that the sums below do not depend on
    // identity hash codes.
    Map<LoopForest.Loop, Body> bodies = new LinkedHashMap<>();
    Body top = new Body(null);
    func.walk(op -> {
      if (op == func) {
        return;
      }
      LoopForest.Loop l = forest.enclosingLoop(op);
      bodies.computeIfAbsent(l, Body::new);
      (l == null ? top : bodies.get(l)).ops.add(op);
    });
    bodies.put(null, top);
    Map<Operation, Double> memoryByOp = memoryCycles(accesses, trips);
    Map<LoopForest.Loop, List<Access>> accessesInside = new IdentityHashMap<>(2 * trips.size());
    for (Access a : accesses) {
      for (LoopForest.Loop l : a.loops()) {
        accessesInside.computeIfAbsent(l, k -> new ArrayList<>()).add(a);
      }
    }
    double compute = 0;
    double memory = 0;
    double chains = 0;
    double overhead = 0;
    double spills = 0;
    double total = 0;
    for (Body b : bodies.values()) {
      double iterations = 1;
      if (b.loop != null) {
        for (LoopForest.Loop l : b.loop.path()) {
          iterations *= trips.get(l);
        }
      }
      BodyCost c = bodyCost(forest, accessesInside.getOrDefault(b.loop, List.of()), b);
      double mem = 0;
      for (Operation op : b.ops) {
        mem += memoryByOp.getOrDefault(op, 0.0);
      }
      double issue = iterations * Math.max(c.compute, c.ports);
      double chain = iterations * c.chain;
      double loop = b.loop == null ? 0 : iterations * machine.loopOverhead() / c.vectorFactor;
      double spill = iterations * c.spills;
      compute += issue;
      memory += mem;
      chains += chain;
      overhead += loop;
      spills += spill;
      total += Math.max(Math.max(issue, chain), mem) + loop + spill;
    }
    return new Estimate(total, compute, memory, chains, overhead, spills);
  }

  private static final class Body {
    final LoopForest.Loop loop;
    final List<Operation> ops = new ArrayList<>();

    Body(LoopForest.Loop loop) {
      this.loop = loop;
    }
  }

  /** Per-iteration cycles of a body; {@code vectorFactor} > 1 when LLVM would vectorize it. */
  private record BodyCost(double compute, double ports, double chain, double spills,
      double vectorFactor) {}

  /** {@code inside}: the accesses inside the body's loop, in program order. */
  private BodyCost bodyCost(LoopForest forest, List<Access> inside, Body b) {
    double fp = 0;
    double loads = 0;
    double stores = 0;
    int vectorValues = 0;
    boolean scalarFloat = false;
    for (Operation op : b.ops) {
      String n = op.name();
      Type t = op.results().isEmpty() ? null : op.result(0).type();
      if (t instanceof VectorType) {
        vectorValues++;
      }
      if (LOADS.contains(n)) {
        loads += registerPieces(t);
      } else if (STORES.contains(n)) {
        stores += registerPieces(op.operand(0).type());
      } else if (TRANSCENDENTAL.contains(n)) {
        fp += machine.transcendental() * registerPieces(t);
      } else if (DIVIDES.contains(n)) {
        fp += machine.divide() * registerPieces(t);
      } else if ((n.startsWith("arith.") || n.startsWith("math.") || n.startsWith("vector."))
          && t != null && isFloatLike(t)) {
        fp += registerPieces(t);
        scalarFloat |= !(t instanceof VectorType);
      }
    }
    double chain = 0;
    double vectorFactor = 1;
    if (b.loop != null) {
      if (!Reductions.iterArgReductions(forest, b.loop).isEmpty()
          || !Reductions.memoryReductions(forest, inside, b.loop).isEmpty()) {
        chain = machine.addLatency();
      } else if (scalarFloat && b.loop.children().isEmpty()
          && autoVectorizable(inside, b.loop)) {
        vectorFactor = machine.lanes(4);
        fp /= vectorFactor;
        loads /= vectorFactor;
        stores /= vectorFactor;
      }
    }
    double ports = Math.max(loads / machine.loadPorts(), stores / machine.storePorts());
    double spills = Math.max(0, vectorValues + iterVectorArgs(b) - machine.vectorRegisters())
        * (1 / machine.loadPorts() + 1 / machine.storePorts());
    return new BodyCost(fp / machine.fpPipes(), ports, chain, spills, vectorFactor);
  }

  private static int iterVectorArgs(Body b) {
    if (b.loop == null) {
      return 0;
    }
    int n = 0;
    for (Value v : b.loop.op().results()) {
      if (v.type() instanceof VectorType) {
        n++;
      }
    }
    return n;
  }

  /** Every access of the innermost loop is invariant or unit-stride in its last subscript. */
  private static boolean autoVectorizable(List<Access> accesses, LoopForest.Loop loop) {
    Value iv = loop.inductionVar();
    for (Access a : accesses) {
      if (!a.loops().contains(loop)) {
        continue;
      }
      int last = a.subscripts().size() - 1;
      for (int d = 0; d < a.subscripts().size(); d++) {
        LinearForm f = a.subscripts().get(d);
        if (!f.isExact() && f.dependsOn(iv)) {
          return false;
        }
        long c = f.coefficient(iv);
        if (d < last ? c != 0 : (c != 0 && c != 1)) {
          return false;
        }
      }
    }
    return true;
  }

  private double registerPieces(Type t) {
    if (t instanceof VectorType v) {
      long bytes = v.shape().stream().reduce(1L, (x, y) -> x * y) * elementBytes(v.elementType());
      return Math.max(1, Math.ceil((double) bytes / machine.vectorBytes()));
    }
    return 1;
  }

  private static boolean isFloatLike(Type t) {
    return t.elementTypeOrSelf() instanceof FloatType;
  }

  static int elementBytes(Type t) {
    return switch (t) {
      case FloatType f -> f.width() / 8;
      case IntegerType i -> Math.max(1, i.width() / 8);
      case VectorType v -> (int) (v.numElements() * elementBytes(v.elementType()));
      default -> 8;
    };
  }

  /**
   * What the traffic model needs of one access per enclosing loop k (outermost first): the loop's
   * trips, whether a subscript depends on it, and its {@link #spatialFraction}.
   */
  private record AccessShape(double[] trips, boolean[] depends, double[] spatial) {
    static AccessShape of(Access a, Map<LoopForest.Loop, Double> trips) {
      int n = a.loops().size();
      double[] t = new double[n];
      boolean[] depends = new boolean[n];
      double[] spatial = new double[n];
      for (int k = 0; k < n; k++) {
        LoopForest.Loop loop = a.loops().get(k);
        t[k] = trips.get(loop);
        depends[k] = a.dependsOn(loop);
        spatial[k] = spatialFraction(a, loop);
      }
      return new AccessShape(t, depends, spatial);
    }
  }

  /**
   * Cycles of cache traffic per access op: lines missing in L1, L2 and L3 times the cost of bringing
   * each from the next level.
   */
  private Map<Operation, Double> memoryCycles(List<Access> accesses,
      Map<LoopForest.Loop, Double> trips) {
    AccessShape[] shapes = new AccessShape[accesses.size()];
    double[][] distinct = new double[accesses.size()][];
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = AccessShape.of(accesses.get(i), trips);
      distinct[i] = distinctLines(accesses.get(i), shapes[i]);
    }
    // Lines touched by one iteration of each loop: the footprint that must fit for reuse across it.
    Map<LoopForest.Loop, Double> iterationBytes = new IdentityHashMap<>(2 * trips.size());
    for (int i = 0; i < shapes.length; i++) {
      Access a = accesses.get(i);
      double[] d = distinct[i];
      for (int k = 0; k < a.loops().size(); k++) {
        iterationBytes.merge(a.loops().get(k), d[k + 1] * LINE, Double::sum);
      }
    }
    long[] caches = {machine.l1Bytes(), machine.l2Bytes(), machine.l3Bytes()};
    double[] lineCost = {machine.l2LineCycles(), machine.l3LineCycles(), machine.dramLineCycles()};
    Map<Operation, Double> out = new IdentityHashMap<>(2 * accesses.size());
    for (int i = 0; i < shapes.length; i++) {
      Access a = accesses.get(i);
      AccessShape shape = shapes[i];
      double[] d = distinct[i];
      int n = a.loops().size();
      double[] footprint = new double[n];
      for (int k = 0; k < n; k++) {
        footprint[k] = iterationBytes.getOrDefault(a.loops().get(k), 0.0);
      }
      double cycles = 0;
      for (int level = 0; level < caches.length; level++) {
        double fetches = d[n];
        for (int k = n - 1; k >= 0; k--) {
          double t = shape.trips[k];
          boolean fits = footprint[k] <= caches[level] / 2.0;
          double spatial = shape.spatial[k];
          if (fits) {
            fetches = d[k];
          } else if (!shape.depends[k]) {
            fetches = t * fetches;
          } else if (spatial < 1) {
            fetches = fetches * (1 + (t - 1) * spatial);
          } else {
            fetches = t * fetches;
          }
        }
        cycles += fetches * lineCost[level] * (a.write() ? 1.5 : 1.0);
      }
      out.merge(a.op(), cycles, Double::sum);
    }
    return out;
  }

  /**
   * {@code d[k]}: distinct lines the access touches over all iterations of its k-th enclosing loop
   * (k = 0 outermost); {@code d[n]} for a single execution.
   */
  private static double[] distinctLines(Access a, AccessShape shape) {
    int n = a.loops().size();
    double[] d = new double[n + 1];
    Type elem = a.memref().type() instanceof MemRefType m ? m.elementType() : null;
    int eb = elem == null ? 4 : elementBytes(elem);
    d[n] = Math.max(1, Math.ceil((double) a.width() * eb / LINE));
    double cap = Double.MAX_VALUE;
    if (a.memref().type() instanceof MemRefType m && m.hasStaticShape()) {
      cap = Math.max(1, Math.ceil((double) m.numElements() * eb / LINE));
    }
    for (int k = n - 1; k >= 0; k--) {
      double t = shape.trips[k];
      double lines;
      if (!shape.depends[k]) {
        lines = d[k + 1];
      } else {
        double spatial = shape.spatial[k];
        lines = spatial < 1 ? Math.min(d[k + 1] * t, d[k + 1] + (t - 1) * spatial)
            : d[k + 1] * t;
      }
      d[k] = Math.min(lines, cap);
    }
    return d;
  }

  /**
   * The fraction of a line one iteration of {@code loop} moves the access along its contiguous
   * dimension, when only that dimension depends on the loop with a stride below a line; 1 otherwise.
   */
  private static double spatialFraction(Access a, LoopForest.Loop loop) {
    int last = a.subscripts().size() - 1;
    if (last < 0) {
      return 1;
    }
    for (int d = 0; d < last; d++) {
      if (a.subscripts().get(d).dependsOn(loop.inductionVar())) {
        return 1;
      }
    }
    LinearForm f = a.subscripts().get(last);
    if (!f.isExact()) {
      return 1;
    }
    Type elem = a.memref().type() instanceof MemRefType m ? m.elementType() : null;
    int eb = elem == null ? 4 : elementBytes(elem);
    double bytes = Math.abs(f.coefficient(loop.inductionVar())) * eb;
    return bytes < LINE ? bytes / LINE : 1;
  }
}
