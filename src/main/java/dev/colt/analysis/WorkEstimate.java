// Static work counts of a function: floating-point operations, memory accesses and per-memref footprints.
package dev.colt.analysis;

import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Counts dynamic work from the loop structure: each op counts once per iteration of its enclosing
 * loops, using constant trip counts or, where bounds vary (triangular loops, partial tiles), the
 * upper estimate from the induction-variable range. Float ops count their vector lanes
 * (vector.fma and a fused multiply-add count 2 per lane). The footprint of a memref is the bounding
 * box of the elements its accesses can touch, capped by its size. Unbounded loops count as one trip
 * and make {@link #exact()} false.
 */
public record WorkEstimate(long flops, long accesses, Map<Value, Long> footprintBytes,
    boolean exact) {

  private static final Set<String> FLOAT_OPS = Set.of("arith.addf", "arith.subf", "arith.mulf",
      "arith.divf", "arith.maximumf", "arith.minimumf", "arith.maxnumf", "arith.minnumf",
      "arith.negf", "math.exp", "math.sqrt", "math.tanh", "math.log", "math.rsqrt", "math.fma");

  /** Counts work under {@code root}. */
  public static WorkEstimate of(Operation root) {
    LoopForest forest = LoopForest.of(root);
    LoopBounds bounds = new LoopBounds(forest);
    long[] flops = {0};
    long[] accesses = {0};
    boolean[] exact = {true};
    root.walk(op -> {
      long mult = 1;
      for (LoopForest.Loop l : forest.enclosingLoops(op)) {
        OptionalLong c = bounds.constantTripCount(l.op());
        if (c.isEmpty()) {
          exact[0] = false;
          c = bounds.maxTripCount(l.op());
        }
        mult *= c.orElse(1);
      }
      if (FLOAT_OPS.contains(op.name()) || op.is(AffineOps.VECTOR_FMA)
          || op.is(AffineOps.VECTOR_REDUCTION)) {
        long lanes = lanes(op.results().isEmpty() ? null : op.result(0).type());
        long perLane = op.is(AffineOps.VECTOR_FMA) || op.is("math.fma") ? 2 : 1;
        if (op.is(AffineOps.VECTOR_REDUCTION)) {
          lanes = lanes(op.operand(0).type());
        }
        flops[0] += mult * lanes * perLane;
      }
      if (AffineOps.isAccess(op)) {
        accesses[0] += mult;
      }
    });
    Map<Value, Long> footprint = new LinkedHashMap<>();
    Map<Value, Interval[]> boxes = new LinkedHashMap<>();
    for (Access a : Access.collect(forest)) {
      Interval[] box = boxes.computeIfAbsent(a.memref(), k -> new Interval[a.subscripts().size()]);
      for (int d = 0; d < box.length; d++) {
        Interval r = bounds.range(a.subscripts().get(d));
        if (d == box.length - 1 && a.width() > 1) {
          r = new Interval(r.lo(), r.hi() + a.width() - 1);
        }
        box[d] = box[d] == null ? r
            : new Interval(Math.min(box[d].lo(), r.lo()), Math.max(box[d].hi(), r.hi()));
      }
    }
    boxes.forEach((m, box) -> footprint.put(m, footprintBytes((MemRefType) m.type(), box)));
    return new WorkEstimate(flops[0], accesses[0], footprint, exact[0]);
  }

  private static long lanes(Type t) {
    return t instanceof VectorType v ? v.shape().stream().reduce(1L, (x, y) -> x * y) : 1;
  }

  private static long footprintBytes(MemRefType t, Interval[] box) {
    long elems = 1;
    List<Long> shape = t.shape();
    for (int d = 0; d < box.length; d++) {
      long dimSize = shape.get(d);
      Interval r = box[d];
      long extent;
      if (r.isBounded()) {
        double lo = Math.max(r.lo(), 0);
        double hi = dimSize >= 0 ? Math.min(r.hi(), dimSize - 1) : r.hi();
        extent = Math.max(0, (long) (hi - lo + 1));
      } else {
        extent = dimSize >= 0 ? dimSize : 1;
      }
      elems *= extent;
    }
    Type e = t.elementType();
    long bytes = switch (e) {
      case dev.colt.ir.FloatType f -> f.width() / 8;
      case dev.colt.ir.IntegerType i -> Math.max(1, i.width() / 8);
      case VectorType v -> lanes(v) * 4;
      default -> 8;
    };
    return elems * bytes;
  }
}
