// After fusion: shrinks a local buffer whose every element lives within one iteration of the fused loops.
package dev.colt.transform;

import dev.colt.analysis.Access;
import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopForest;
import dev.colt.dialect.memref.MemRefAllocOp;
import dev.colt.dialect.memref.MemRefDeallocOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statically shaped {@code memref.alloc} in the fused nest's block whose only users are affine
 * accesses inside the fused nest and {@code memref.dealloc} is private to the fused iterations
 * when some of its dimensions are subscripted, by every access, by the same {@code x + c} for the
 * induction variable x of one fused loop, and together those dimensions name every fused loop:
 * then each fused
 * iteration touches its own elements, no value flows between iterations through the buffer, and
 * those dimensions shrink to size 1 (subscript 0). A buffer that does not qualify is left alone,
 * and so are all buffers when a fused loop is marked parallel (its iterations would share the
 * shrunk elements; once shrunk, the dependences through them keep the loops sequential).
 */
final class BufferShrink {
  private BufferShrink() {}

  /** {@code func} with every qualifying buffer of the fused nest {@code fused} shrunk. */
  static Operation shrink(Operation func, Operation fused, int depth) {
    LoopForest forest = LoopForest.of(func);
    List<LoopForest.Loop> band = forest.bandFrom(forest.loop(fused)).subList(0, depth);
    if (band.stream().anyMatch(l -> l.op().hasAttr(AffineOps.PARALLEL_ATTR))) {
      return func;
    }
    Set<Value> fusedIvs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    band.forEach(l -> fusedIvs.add(l.inductionVar()));
    Map<Value, List<Access>> accesses = new IdentityHashMap<>();
    for (Access a : Access.collect(forest)) {
      accesses.computeIfAbsent(a.memref(), k -> new ArrayList<>()).add(a);
    }
    Operation out = func;
    for (Operation op : forest.parentOp(fused).body().operations()) {
      if (!op.is(MemRefAllocOp.NAME) || !op.operands().isEmpty()) {
        continue;
      }
      Value buffer = op.result();
      List<Access> uses = accesses.getOrDefault(buffer, List.of());
      boolean[] shrinkDim = privateDims(forest, fused, buffer, uses, fusedIvs);
      if (shrinkDim != null) {
        out = rewrite(out, op, shrinkDim);
      }
    }
    return out;
  }

  /** Which dimensions shrink, or null when the buffer does not qualify. */
  private static boolean[] privateDims(LoopForest forest, Operation fused, Value buffer,
      List<Access> uses, Set<Value> fusedIvs) {
    boolean[] escapes = {false};
    forest.root().walk(o -> {
      if (o.operands().contains(buffer) && !o.is(MemRefDeallocOp.NAME)
          && !(AffineOps.isAccess(o) && AffineOps.accessMemref(o) == buffer
              && !(AffineOps.isWrite(o) && AffineOps.storedValue(o) == buffer)
              && forest.isInside(o, fused))) {
        escapes[0] = true;
      }
    });
    if (uses.isEmpty() || escapes[0]) {
      return null;
    }
    int rank = ((MemRefType) buffer.type()).shape().size();
    Value[] ivOfDim = new Value[rank];
    for (int d = 0; d < rank; d++) {
      LinearForm first = uses.get(0).subscripts().get(d);
      ivOfDim[d] = singleIv(first, fusedIvs);
      for (Access a : uses) {
        if (a.width() != 1) {
          return null;
        }
        if (!a.subscripts().get(d).equals(first)) {
          ivOfDim[d] = null;
        }
      }
    }
    boolean[] shrink = new boolean[rank];
    Set<Value> covered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (int d = 0; d < rank; d++) {
      if (ivOfDim[d] != null) {
        shrink[d] = true;
        covered.add(ivOfDim[d]);
      }
    }
    return covered.size() == fusedIvs.size() ? shrink : null;
  }

  /** The fused induction variable {@code x} when the subscript is {@code x + c}, or null. */
  private static Value singleIv(LinearForm f, Set<Value> fusedIvs) {
    if (!f.isExact() || f.terms().size() != 1) {
      return null;
    }
    Map.Entry<Value, Long> t = f.terms().entrySet().iterator().next();
    return t.getValue() == 1 && fusedIvs.contains(t.getKey()) ? t.getKey() : null;
  }

  private static Operation rewrite(Operation func, Operation alloc, boolean[] shrink) {
    MemRefType type = (MemRefType) alloc.result().type();
    List<Long> shape = new ArrayList<>(type.shape());
    for (int d = 0; d < shape.size(); d++) {
      if (shrink[d]) {
        shape.set(d, 1L);
      }
    }
    Operation small = MemRefAllocOp.build(new MemRefType(shape, type.elementType()), List.of(),
        MemRefAllocOp.alignment(alloc));
    Value old = alloc.result();
    Value fresh = small.result();
    Operation replaced = IrRewrite.replace(func, alloc, List.of(small));
    return IrRewrite.mapOps(replaced, op -> {
      if (AffineOps.isAccess(op) && AffineOps.accessMemref(op) == old) {
        AffineMap m = AffineOps.accessMap(op);
        List<AffineExpr> results = new ArrayList<>(m.results());
        for (int d = 0; d < results.size(); d++) {
          if (shrink[d]) {
            results.set(d, AffineExpr.constant(0));
          }
        }
        Operation remapped = AffineOps.withAccessMap(op,
            new AffineMap(m.numDims(), m.numSymbols(), results), AffineOps.accessIndices(op));
        return List.of(remapped.withOperands(remapped.operands().stream()
            .map(v -> v == old ? fresh : v).toList()));
      }
      if (op.operands().contains(old)) {
        return List.of(op.withOperands(op.operands().stream()
            .map(v -> v == old ? fresh : v).toList()));
      }
      return List.of(op);
    });
  }
}
