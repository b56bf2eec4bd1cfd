// Data copy (packing): copies the block of a read-only memref a loop reads into a local aligned buffer, row-major or in strips.
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
import dev.colt.ir.Attribute;
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
import java.util.Set;

/**
 * Copies the block of function argument {@code arg} (a memref) that {@code loop} reads into a
 * buffer allocated just before the loop (64-byte aligned, sized to the block), and makes the loop
 * read the buffer; the buffer is freed after the loop. Like MLIR's affine-data-copy-generate for
 * reads: a tile of B read by the inner loops becomes a contiguous panel. With {@code strip == 0}
 * the buffer is row-major, one dimension per memref dimension. With {@code strip == S > 0}
 * dimension {@code stripDim} (negative: counted from the end; -1, the last, by default) is cut
 * into strips of S elements, stored one after another, each strip holding the whole block in the
 * other dimensions: for the last dimension, block element (x0, .., xn) is at {@code buf[xn
 * floordiv S, x0, .., xn mod S]}, so the S-wide column panel a register tile reads at each step
 * of an inner loop is contiguous, and consecutive steps are adjacent; for dimension 0 of a
 * matrix, {@code buf[x0 floordiv S, x1, x0 mod S]} puts the S rows a register tile broadcasts
 * from side by side. The copy loops are named {@code <loop>.copy0},
 * {@code <loop>.copy1}, ... from the outside in.
 *
 * <p>Needs: the memref is not written inside the loop; every access's subscripts are affine in
 * values defined outside the loop and in induction variables of loops inside it (including it)
 * that have constant trip counts and a single lower bound; all accesses have the same part
 * outside the loop in each dimension (so one block covers them). With strips, additionally: the
 * block's extent in the cut dimension is a multiple of S and no vector access reaches across a
 * strip boundary with some of its lanes (vector accesses run along the last dimension, so strips
 * of another dimension are refused when there are any).
 */
public record Pack(String loop, int arg, long strip, int stripDim) implements LoopTransform {

  /** Row-major packing. */
  public Pack(String loop, int arg) {
    this(loop, arg, 0, -1);
  }

  /** Strips of {@code strip} elements along the last dimension (0: row-major). */
  public Pack(String loop, int arg, long strip) {
    this(loop, arg, strip, -1);
  }

  /** The dimension cut into strips, for a block of {@code rank} dimensions. */
  private int stripped(int rank) {
    return stripDim < 0 ? rank + stripDim : stripDim;
  }

  /** The block: per dimension, the outer part plus the constant offset of its start; extents. */
  private record Block(List<LinearForm> base, long[] extent) {}

  /**
   * A subscript split into the part outside the loop, a constant, and one term {@code stride * t}
   * per inner induction variable with t in [0, trip).
   */
  private record Decomposed(Map<Value, Long> outer, long constant, List<long[]> strides) {
    long min() {
      long sum = 0;
      for (long[] s : strides) {
        sum += Math.min(0, s[0] * (s[1] - 1));
      }
      return constant + sum;
    }

    long max() {
      long sum = 0;
      for (long[] s : strides) {
        sum += Math.max(0, s[0] * (s[1] - 1));
      }
      return constant + sum;
    }
  }

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
    if (strip < 0) {
      return Optional.of(new Refusal.BadParameter("pack",
          "the strip width must be positive (or 0 for row-major), got " + strip));
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
    int cut = stripped(rank);
    if (strip > 0 && (cut < 0 || cut >= rank)) {
      return new Refusal.BadParameter("pack", "argument " + arg + " has no dimension "
          + stripDim + " to cut into strips");
    }
    List<Decomposed> cutForms = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      Map<Value, Long> outer = null;
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (Access a : accesses) {
        Object split = decompose(a.subscripts().get(d), l, forest, bounds);
        if (split instanceof String why) {
          return new Refusal.UnsupportedShape(loop, why);
        }
        Decomposed x = (Decomposed) split;
        if (outer == null) {
          outer = x.outer();
        } else if (!outer.equals(x.outer())) {
          return new Refusal.UnsupportedShape(loop, "accesses of argument " + arg
              + " start from different outer offsets in dimension " + d);
        }
        long w = d == rank - 1 ? a.width() - 1 : 0;
        lo = Math.min(lo, x.min());
        hi = Math.max(hi, x.max() + w);
        if (d == cut) {
          cutForms.add(x);
        }
      }
      base.add(new LinearForm(outer, lo, java.util.Set.of()));
      extent[d] = hi - lo + 1;
    }
    if (strip > 0) {
      Refusal r = stripRefusal(accesses, cutForms, extent[cut], base.get(cut).constant(),
          cut == rank - 1);
      if (r != null) {
        return r;
      }
    }
    return new Block(base, extent);
  }

  /** Why the strip layout cannot hold the accesses, or null when it can. */
  private Refusal stripRefusal(List<Access> accesses, List<Decomposed> cutForms, long extent,
      long start, boolean lastDim) {
    if (extent % strip != 0) {
      return new Refusal.UnsupportedShape(loop, "the extent " + extent + " of the block of "
          + "argument " + arg + " in the cut dimension is not a multiple of the strip width "
          + strip);
    }
    for (int i = 0; i < accesses.size(); i++) {
      Decomposed x = cutForms.get(i);
      long width = accesses.get(i).width();
      if (width == 1) {
        continue;
      }
      if (!lastDim) {
        return new Refusal.UnsupportedShape(loop, "a vector access of argument " + arg
            + " runs along the last dimension, which strips of dimension " + stripDim
            + " would not keep contiguous");
      }
      // The offsets within a strip the access starts at: strides that are multiples of the
      // strip width leave it unchanged, the others step it around modulo the width.
      java.util.Set<Long> starts = new java.util.TreeSet<>(List.of(
          Math.floorMod(x.constant() - start, strip)));
      for (long[] t : x.strides()) {
        if (t[0] % strip == 0) {
          continue;
        }
        java.util.Set<Long> next = new java.util.TreeSet<>();
        for (long r : starts) {
          for (long k = 0; k < Math.min(t[1], strip); k++) {
            next.add(Math.floorMod(r + t[0] * k, strip));
          }
        }
        starts = next;
      }
      for (long r : starts) {
        if (r + width > strip) {
          return new Refusal.UnsupportedShape(loop, "a vector access of argument " + arg
              + " with " + width + " lanes starting " + r + " elements into a strip of " + strip
              + " reaches across it");
        }
      }
    }
    return null;
  }

  /** The subscript's outer part, constant and inner strides, or why it has none. */
  private static Object decompose(LinearForm f, LoopForest.Loop l, LoopForest forest,
      LoopBounds bounds) {
    Map<Value, Long> outer = new LinkedHashMap<>();
    List<long[]> strides = new ArrayList<>();
    long[] constant = {f.constant()};
    String why = expand(f, 1, l, forest, bounds, outer, constant, strides, 0);
    if (why != null) {
      return why;
    }
    outer.values().removeIf(c -> c == 0);
    return new Decomposed(outer, constant[0], strides);
  }

  /**
   * Adds {@code scale * f} (without its constant) to the outer terms, constant and strides;
   * returns why not when a value is neither outside the loop nor a suitable inner induction
   * variable.
   */
  private static String expand(LinearForm f, long scale, LoopForest.Loop l, LoopForest forest,
      LoopBounds bounds, Map<Value, Long> outer, long[] constant, List<long[]> strides,
      int depth) {
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
      strides.add(new long[] {c * AffineOps.step(own.op()), trip.getAsLong()});
      LinearForm low = lows.get(0);
      constant[0] += c * low.constant();
      String why = expand(low, c, l, forest, bounds, outer, constant, strides, depth + 1);
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
    int rank = block.extent().length;
    List<Long> shape = new ArrayList<>();
    for (long e : block.extent()) {
      shape.add(e);
    }
    if (strip > 0) {
      shape.add(0, shape.remove(stripped(rank)) / strip);
      shape.add(strip);
    }
    Operation alloc = MemRefAllocOp.build(new MemRefType(shape, type.elementType()), List.of(),
        64L);
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
    Operation copy = copyNest(memref, buf, block, shape, outerVals, outerPos,
        LoopHandles.names(func));
    Map<Operation, Operation> rewritten = new IdentityHashMap<>();
    for (Access a : da.accesses()) {
      if (a.memref() != memref || !da.forest().isInside(a.op(), l.op())) {
        continue;
      }
      AffineMap m = AffineOps.accessMap(a.op());
      List<Value> ops = new ArrayList<>(AffineOps.accessIndices(a.op()));
      // Outer values the access already uses keep their position, so that i - i simplifies.
      Map<Value, Integer> position = new IdentityHashMap<>();
      for (Value v : outerVals) {
        int at = indexOf(ops, v);
        if (at < 0) {
          at = ops.size();
          ops.add(v);
        }
        position.put(v, at);
      }
      List<AffineExpr> dims = new ArrayList<>();
      for (int i = 0; i < m.numDims(); i++) {
        dims.add(AffineExpr.dim(i));
      }
      List<AffineExpr> syms = new ArrayList<>();
      for (int i = 0; i < m.numSymbols(); i++) {
        syms.add(AffineExpr.dim(m.numDims() + i));
      }
      List<AffineExpr> inBlock = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        AffineExpr e = m.result(d).replace(dims, syms);
        inBlock.add(e.minus(baseExpr(block.base().get(d), position::get)));
      }
      Operation na = AffineOps.withAccessMap(a.op(), new AffineMap(ops.size(), 0,
          bufferSubscripts(inBlock)), ops);
      List<Value> operands = new ArrayList<>(na.operands());
      operands.set(AffineOps.isWrite(na) ? 1 : 0, buf);
      rewritten.put(a.op(), na.withOperands(operands));
    }
    Operation newLoop = IrRewrite.mapOps(l.op(), o -> List.of(rewritten.getOrDefault(o, o)));
    return IrRewrite.replace(func, l.op(), List.of(alloc, copy, newLoop,
        MemRefDeallocOp.build(buf)));
  }

  /** The buffer subscripts of block coordinates {@code x} in this layout. */
  private List<AffineExpr> bufferSubscripts(List<AffineExpr> x) {
    if (strip == 0) {
      return x;
    }
    AffineExpr s = AffineExpr.constant(strip);
    List<AffineExpr> out = new ArrayList<>(x);
    AffineExpr cut = out.remove(stripped(x.size()));
    out.add(0, AffineExpr.floorDiv(cut, s));
    out.add(AffineExpr.mod(cut, s));
    return out;
  }

  /** The block coordinates of buffer subscripts {@code y}: the inverse of bufferSubscripts. */
  private List<AffineExpr> blockCoordinates(List<AffineExpr> y) {
    if (strip == 0) {
      return y;
    }
    List<AffineExpr> out = new ArrayList<>(y.subList(1, y.size() - 1));
    out.add(stripped(out.size() + 1), y.get(0).times(strip).plus(y.get(y.size() - 1)));
    return out;
  }

  /** The block start {@code base} as an expression over dims at {@code position}s. */
  private static AffineExpr baseExpr(LinearForm base,
      java.util.function.ToIntFunction<Value> position) {
    AffineExpr e = AffineExpr.constant(base.constant());
    for (Map.Entry<Value, Long> t : base.terms().entrySet()) {
      e = e.plus(AffineExpr.dim(position.applyAsInt(t.getKey())).times(t.getValue()));
    }
    return e;
  }

  private static int indexOf(List<Value> values, Value v) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == v) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One loop per buffer dimension, outermost first, so the buffer is written in order:
   * buf[y] = m[base + blockCoordinates(y)].
   */
  private Operation copyNest(Value memref, Value buf, Block block, List<Long> shape,
      List<Value> outerVals, Map<Value, Integer> outerPos, Set<String> taken) {
    List<String> names = new ArrayList<>();
    for (int d = 0; d < shape.size(); d++) {
      String name = LoopHandles.fresh(loop + ".copy" + d, taken);
      taken.add(name);
      names.add(name);
    }
    return copyLevel(0, memref, buf, block, shape, outerVals, outerPos, names,
        new Value[shape.size()]);
  }

  private Operation copyLevel(int d, Value memref, Value buf, Block block, List<Long> shape,
      List<Value> outerVals, Map<Value, Integer> outerPos, List<String> names, Value[] ivs) {
    return AffineOps.buildFor(AffineMap.constant(0), List.of(), AffineMap.constant(shape.get(d)),
        List.of(), 1, List.of(), List.of(),
        Map.of(LoopHandles.ATTR, new Attribute.StringAttr(names.get(d))), args -> {
          ivs[d] = args.get(0);
          List<Operation> body = new ArrayList<>();
          if (d + 1 < ivs.length) {
            body.add(copyLevel(d + 1, memref, buf, block, shape, outerVals, outerPos, names,
                ivs));
          } else {
            List<Value> operands = new ArrayList<>(List.of(ivs));
            operands.addAll(outerVals);
            List<AffineExpr> y = new ArrayList<>();
            for (int i = 0; i < ivs.length; i++) {
              y.add(AffineExpr.dim(i));
            }
            List<AffineExpr> x = blockCoordinates(y);
            List<AffineExpr> src = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
              src.add(x.get(i).plus(baseExpr(block.base().get(i),
                  v -> ivs.length + outerPos.get(v))));
            }
            Operation ld = AffineOps.load(((MemRefType) memref.type()).elementType(), memref,
                new AffineMap(operands.size(), 0, src), operands);
            body.add(ld);
            body.add(AffineOps.store(ld.result(), buf, new AffineMap(ivs.length, 0, y),
                List.of(ivs)));
          }
          body.add(AffineOps.yield(List.of()));
          return body;
        });
  }
}
