// Data copy (packing): copies the block of a read-only memref a loop reads into a local aligned buffer.
package dev.colt.transform;

import dev.colt.analysis.Access;
import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.dialect.memref.MemRefAllocOp;
import dev.colt.dialect.memref.MemRefDeallocOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Copies the block of function argument {@code arg} (a memref) that {@code loop} reads into a
 * buffer allocated just before the loop (64-byte aligned, row-major, one dimension per memref
 * dimension, sized to the block), and makes the loop read the buffer; the buffer is freed after
 * the loop. Like MLIR's affine-data-copy-generate for reads: a tile of B read by the inner loops
 * becomes a contiguous panel. Needs: the memref is not written inside the loop; every access's
 * subscripts are affine in values defined outside the loop and in induction variables of loops
 * inside it (including it) that have constant trip counts and a single lower bound; all
 * accesses have the same part outside the loop in each dimension (so one block covers them).
 */
public record Pack(String loop, int arg) implements LoopTransform {

  /** The block: per dimension, the outer part, the constant offset of the block start, the extent. */
  private record Block(List<LinearForm> base, long[] extent) {}

  @Override
  public Optional<Refusal> check(Operation func) {
    Operation named = LoopHandles.assign(func);
    DependenceAnalysis da = DependenceAnalysis.of(named);
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    List<Value> args = named.body().arguments();
    if (arg < 0 || arg >= args.size() || !(args.get(arg).type() instanceof MemRefType t)
        || !t.hasStaticShape()) {
      return Optional.of(new Refusal.BadParameter("pack",
          "argument " + arg + " is not a statically shaped memref"));
    }
    Refusal eff = Targets.unknownEffects(da, f.value());
    if (eff != null) {
      return Optional.of(eff);
    }
    Object block = block(da, f.value(), args.get(arg));
    if (block instanceof Refusal r) {
      return Optional.of(r);
    }
    return Optional.empty();
  }

  /** The block read, or the refusal. */
  private Object block(DependenceAnalysis da, LoopForest.Loop l, Value memref) {
    LoopForest forest = da.forest();
    LoopBounds bounds = da.bounds();
    List<Access> accesses = new ArrayList<>();
    for (Access a : da.accesses()) {
      if (a.memref() == memref && forest.isInside(a.op(), l.op())) {
        if (a.write()) {
          return new Refusal.UnsupportedShape(loop, "argument " + arg
              + " is written inside the loop; only read-only blocks are packed");
        }
        if (!a.isExact()) {
          return new Refusal.UnsupportedShape(loop, "an access of argument " + arg
              + " is not affine");
        }
        accesses.add(a);
      }
    }
    if (accesses.isEmpty()) {
      return new Refusal.NothingToDo("pack", "loop '" + loop + "' does not read argument " + arg);
    }
    int rank = accesses.get(0).subscripts().size();
    List<LinearForm> base = new ArrayList<>();
    long[] extent = new long[rank];
    for (int d = 0; d < rank; d++) {
      LinearForm outer = null;
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (Access a : accesses) {
        Map<Value, Long> outerTerms = new LinkedHashMap<>();
        long[] range = {a.subscripts().get(d).constant(), a.subscripts().get(d).constant()};
        String why = expand(a.subscripts().get(d), 1, l, forest, bounds, outerTerms, range, 0);
        if (why != null) {
          return new Refusal.UnsupportedShape(loop, why);
        }
        LinearForm o = new LinearForm(outerTerms, 0, java.util.Set.of());
        if (outer == null) {
          outer = o;
        } else if (!outer.equals(o)) {
          return new Refusal.UnsupportedShape(loop, "accesses of argument " + arg
              + " start from different outer offsets in dimension " + d);
        }
        long w = d == rank - 1 ? a.width() - 1 : 0;
        lo = Math.min(lo, range[0]);
        hi = Math.max(hi, range[1] + w);
      }
      base.add(outer.plus(LinearForm.constant(lo)));
      extent[d] = hi - lo + 1;
    }
    return new Block(base, extent);
  }

  /**
   * Adds {@code scale * f} to the outer terms and the [min, max] range of the inner part; returns
   * why not when a value is neither outside the loop nor a suitable inner induction variable.
   */
  private static String expand(LinearForm f, long scale, LoopForest.Loop l, LoopForest forest,
      LoopBounds bounds, Map<Value, Long> outer, long[] range, int depth) {
    for (Map.Entry<Value, Long> t : f.terms().entrySet()) {
      Value v = t.getKey();
      long c = scale * t.getValue();
      if (forest.isDefinedOutside(v, l.op())) {
        outer.merge(v, c, Long::sum);
        continue;
      }
      LoopForest.Loop own = forest.loopOfInductionVar(v);
      if (own == null || depth > 16) {
        return "a subscript uses a value computed inside the loop";
      }
      OptionalLong trip = bounds.constantTripCount(own.op());
      List<LinearForm> lows = bounds.lowerForms(own.op());
      if (trip.isEmpty() || lows.size() != 1 || !lows.get(0).isExact()) {
        return "loop '" + LoopHandles.nameOf(own.op())
            + "' needs a constant trip count and a single lower bound";
      }
      long span = c * AffineOps.step(own.op()) * Math.max(0, trip.getAsLong() - 1);
      range[0] += Math.min(0, span);
      range[1] += Math.max(0, span);
      LinearForm low = lows.get(0);
      range[0] += c * low.constant();
      range[1] += c * low.constant();
      String why = expand(new LinearForm(low.terms(), 0, java.util.Set.of()), c, l, forest,
          bounds, outer, range, depth + 1);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  @Override
  public Operation rewrite(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(func);
    LoopForest.Loop l = Targets.loop(da.forest(), loop).value();
    Value memref = func.body().arguments().get(arg);
    Block block = (Block) block(da, l, memref);
    MemRefType type = (MemRefType) memref.type();
    List<Long> shape = new ArrayList<>();
    for (long e : block.extent()) {
      shape.add(e);
    }
    MemRefType bufType = new MemRefType(shape, type.elementType());
    Operation alloc = MemRefAllocOp.build(bufType, List.of(), 64L);
    Value buf = alloc.result();
    // Outer values of the block start, as map operands shared by the copy and the accesses.
    List<Value> outerVals = new ArrayList<>();
    Map<Value, Integer> outerPos = new IdentityHashMap<>();
    for (LinearForm b : block.base()) {
      for (Value v : b.terms().keySet()) {
        if (!outerPos.containsKey(v)) {
          outerPos.put(v, outerVals.size());
          outerVals.add(v);
        }
      }
    }
    int rank = shape.size();
    Operation copy = copyNest(memref, buf, block, outerVals, outerPos, rank);
    Map<Operation, Operation> rewritten = new IdentityHashMap<>();
    for (Access a : da.accesses()) {
      if (a.memref() != memref || !da.forest().isInside(a.op(), l.op())) {
        continue;
      }
      AffineMap m = AffineOps.accessMap(a.op());
      List<Value> ops = new ArrayList<>(AffineOps.accessIndices(a.op()));
      int n = ops.size();
      ops.addAll(outerVals);
      List<AffineExpr> dims = new ArrayList<>();
      for (int i = 0; i < m.numDims(); i++) {
        dims.add(AffineExpr.dim(i));
      }
      List<AffineExpr> syms = new ArrayList<>();
      for (int i = 0; i < m.numSymbols(); i++) {
        syms.add(AffineExpr.dim(m.numDims() + i));
      }
      List<AffineExpr> results = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        AffineExpr e = m.result(d).replace(dims, syms);
        results.add(e.minus(baseExpr(block.base().get(d), outerPos, n)));
      }
      Operation na = AffineOps.withAccessMap(a.op(), new AffineMap(n + outerVals.size(), 0,
          results), ops);
      List<Value> operands = new ArrayList<>(na.operands());
      operands.set(AffineOps.isWrite(na) ? 1 : 0, buf);
      rewritten.put(a.op(), na.withOperands(operands));
    }
    Operation newLoop = IrRewrite.mapOps(l.op(), o -> List.of(rewritten.getOrDefault(o, o)));
    return IrRewrite.replace(func, l.op(), List.of(alloc, copy, newLoop,
        MemRefDeallocOp.build(buf)));
  }

  private static AffineExpr baseExpr(LinearForm base, Map<Value, Integer> outerPos, int shift) {
    AffineExpr e = AffineExpr.constant(base.constant());
    for (Map.Entry<Value, Long> t : base.terms().entrySet()) {
      e = e.plus(AffineExpr.dim(shift + outerPos.get(t.getKey())).times(t.getValue()));
    }
    return e;
  }

  /** for x0 in [0, e0) ... : buf[x0, ..] = m[base0 + x0, ..]. */
  private static Operation copyNest(Value memref, Value buf, Block block, List<Value> outerVals,
      Map<Value, Integer> outerPos, int rank) {
    Value[] ivs = new Value[rank];
    return copyLevel(0, memref, buf, block, outerVals, outerPos, ivs);
  }

  private static Operation copyLevel(int d, Value memref, Value buf, Block block,
      List<Value> outerVals, Map<Value, Integer> outerPos, Value[] ivs) {
    return AffineOps.buildFor(AffineMap.constant(0), List.of(),
        AffineMap.constant(block.extent()[d]), List.of(), 1, List.of(), List.of(), Map.of(),
        args -> {
          ivs[d] = args.get(0);
          List<Operation> body = new ArrayList<>();
          if (d + 1 < ivs.length) {
            body.add(copyLevel(d + 1, memref, buf, block, outerVals, outerPos, ivs));
          } else {
            List<Value> operands = new ArrayList<>(List.of(ivs));
            operands.addAll(outerVals);
            List<AffineExpr> src = new ArrayList<>();
            List<AffineExpr> dst = new ArrayList<>();
            for (int i = 0; i < ivs.length; i++) {
              src.add(AffineExpr.dim(i).plus(baseExpr(block.base().get(i), outerPos,
                  ivs.length)));
              dst.add(AffineExpr.dim(i));
            }
            Operation ld = AffineOps.load(((MemRefType) memref.type()).elementType(), memref,
                new AffineMap(operands.size(), 0, src), operands);
            body.add(ld);
            body.add(AffineOps.store(ld.result(), buf, new AffineMap(ivs.length, 0, dst),
                List.of(ivs)));
          }
          body.add(AffineOps.yield(List.of()));
          return body;
        });
  }
}
