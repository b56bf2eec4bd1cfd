// Vectorizes an innermost loop into affine.vector_load/store and vector arithmetic, with reductions and a scalar remainder.
package dev.colt.transform;

import dev.colt.analysis.Access;
import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.Reductions;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IRMapping;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns {@code width} consecutive iterations of an innermost unit-step loop into one: contiguous
 * accesses (the loop's induction variable only in the last subscript, with coefficient 1) become
 * affine.vector_load/vector_store, loop-invariant loads are loaded once per iteration and
 * broadcast, float arithmetic works on vectors, and iter_args reductions get vector accumulators
 * combined by vector.reduction after the loop. The remaining {@code trip % width} iterations run in
 * a scalar loop {@code <name>.rem}. Refused for loop-carried memory dependences and recurrences
 * other than recognized reductions, non-unit strides, stores to loop-invariant addresses, uses of
 * the induction variable outside subscripts, and ops it does not know how to widen. A
 * multiplication whose only use is an addition becomes one {@code vector.fma} with it (a single
 * rounding instead of two, like C's default floating-point contraction), so that multiply-add
 * kernels use the machine's fused instructions.
 */
public record Vectorize(String loop, int width) implements LoopTransform {
  private static final Set<String> FLOAT_BINARY = Set.of("arith.addf", "arith.subf",
      "arith.mulf", "arith.divf", "arith.maximumf", "arith.minimumf", "arith.maxnumf",
      "arith.minnumf");

  @Override
  public Optional<Refusal> check(Operation func) {
    if (width != 4 && width != 8 && width != 16) {
      return Optional.of(new Refusal.BadParameter("vectorize",
          "the width must be 4, 8 or 16, got " + width));
    }
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    LoopForest forest = da.forest();
    Targets.Found<LoopForest.Loop> f = Targets.loop(forest, loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    LoopForest.Loop l = f.value();
    Operation op = l.op();
    if (!Targets.isInnermost(l)) {
      return Optional.of(new Refusal.UnsupportedShape(loop,
          "only innermost loops (no nested loops or ifs) are vectorized"));
    }
    if (AffineOps.step(op) != 1) {
      return Optional.of(new Refusal.UnsupportedShape(loop, "needs a unit step"));
    }
    OptionalLong trip = da.bounds().constantTripCount(op);
    if (trip.isEmpty() || trip.getAsLong() < width) {
      return Optional.of(new Refusal.UnsupportedShape(loop,
          "needs a constant trip count of at least the width " + width));
    }
    Refusal eff = Targets.unknownEffects(da, l);
    if (eff != null) {
      return Optional.of(eff);
    }
    List<Reductions.IterArgReduction> reds = Reductions.iterArgReductions(forest, l);
    if (reds.size() != AffineOps.iterArgs(op).size()) {
      return Optional.of(new Refusal.Recurrence(loop,
          "an iter_args value is not a reduction with a single associative combiner"));
    }
    for (Reductions.IterArgReduction r : reds) {
      if (!(r.combiner().result().type() instanceof FloatType)) {
        return Optional.of(new Refusal.UnsupportedOp(loop, r.combiner().name(),
            "reductions are vectorized for float types only"));
      }
    }
    Value iv = l.inductionVar();
    for (Operation b : AffineOps.bodyOps(op)) {
      Refusal r = checkOp(b, iv, forest, op);
      if (r != null) {
        return Optional.of(r);
      }
    }
    for (Access a : da.accesses()) {
      if (!forest.isInside(a.op(), op)) {
        continue;
      }
      if (stride(a, iv) == Stride.INVARIANT && a.write()) {
        return Optional.of(new Refusal.Recurrence(loop, "every iteration stores to the same "
            + "address (" + describe(a) + "); scalar replacement turns it into a reduction"));
      }
    }
    for (Access a : da.accesses()) {
      if (forest.isInside(a.op(), op) && stride(a, iv) == Stride.OTHER) {
        return Optional.of(new Refusal.NonUnitStride(loop, describe(a)));
      }
    }
    for (Dependence d : da.carriedBy(l)) {
      return Optional.of(new Refusal.Recurrence(loop, "a loop-carried " + d.kind()
          + " dependence " + d.vectors()));
    }
    return Optional.empty();
  }

  private Refusal checkOp(Operation b, Value iv, LoopForest forest, Operation loopOp) {
    boolean ok = switch (b.name()) {
      case AffineOps.LOAD, AffineOps.STORE -> true;
      case AffineOps.CONSTANT -> b.result().type() instanceof FloatType;
      default -> FLOAT_BINARY.contains(b.name()) && b.result().type() instanceof FloatType;
    };
    if (!ok) {
      return new Refusal.UnsupportedOp(loop, b.name(), "cannot be widened to vectors");
    }
    if (b.is(AffineOps.LOAD) || b.is(AffineOps.STORE)) {
      Type elem = b.is(AffineOps.LOAD) ? b.result().type() : AffineOps.storedValue(b).type();
      if (!(elem instanceof FloatType)) {
        return new Refusal.UnsupportedOp(loop, b.name(), "accesses a non-float element type");
      }
      if (b.is(AffineOps.STORE) && AffineOps.storedValue(b) == iv) {
        return new Refusal.UnsupportedOp(loop, b.name(), "stores the induction variable");
      }
    } else if (b.operands().contains(iv)) {
      return new Refusal.UnsupportedOp(loop, b.name(), "uses the induction variable as a value");
    }
    return null;
  }

  private enum Stride { INVARIANT, CONTIGUOUS, OTHER }

  private static Stride stride(Access a, Value iv) {
    int n = a.subscripts().size();
    boolean any = false;
    for (int d = 0; d < n; d++) {
      LinearForm f = a.subscripts().get(d);
      if (f.opaque().contains(iv)) {
        return Stride.OTHER;
      }
      long c = f.coefficient(iv);
      if (c != 0) {
        any = true;
        if (d != n - 1 || c != 1) {
          return Stride.OTHER;
        }
      }
    }
    return any ? Stride.CONTIGUOUS : Stride.INVARIANT;
  }

  private static String describe(Access a) {
    return a.op().name() + " of " + a.memref().type() + " with map "
        + AffineOps.accessMap(a.op());
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    LoopForest.Loop l = Targets.loop(forest, loop).value();
    Operation op = l.op();
    long trip = new dev.colt.analysis.LoopBounds(forest).constantTripCount(op).getAsLong();
    Set<String> taken = LoopHandles.names(func);
    long mainTrip = trip / width;
    long rem = trip % width;
    AffineMap lb = AffineOps.lowerMap(op);
    List<Value> lbOps = AffineOps.lowerOperands(op);
    AffineMap split = new AffineMap(lb.numDims(), lb.numSymbols(),
        List.of(lb.result(0).plus(mainTrip * width)));
    Value oldIv = l.inductionVar();
    List<Reductions.IterArgReduction> reds = Reductions.iterArgReductions(forest, l);

    List<Operation> before = new ArrayList<>();
    Map<Value, Value> outsideBroadcast = new IdentityHashMap<>();
    List<Value> vecInits = new ArrayList<>();
    for (int i = 0; i < reds.size(); i++) {
      Value init = AffineOps.iterInits(op).get(i);
      VectorType vt = vectorOf(init.type());
      String kind = reds.get(i).kind();
      Operation vinit = switch (kind) {
        case "add" -> AffineOps.constantFloat(0.0, vt);
        case "mul" -> AffineOps.constantFloat(1.0, vt);
        default -> AffineOps.broadcast(init, vt);
      };
      before.add(vinit);
      vecInits.add(vinit.result());
    }
    for (Operation b : AffineOps.bodyOps(op)) {
      for (Value v : b.operands()) {
        if (v.type() instanceof FloatType && !outsideBroadcast.containsKey(v)
            && forest.isDefinedOutside(v, op)) {
          Operation bc = AffineOps.broadcast(v, vectorOf(v.type()));
          before.add(bc);
          outsideBroadcast.put(v, bc.result());
        }
      }
    }
    Set<Operation> contiguous = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Access a : Access.collect(forest)) {
      if (forest.isInside(a.op(), op) && stride(a, oldIv) == Stride.CONTIGUOUS) {
        contiguous.add(a.op());
      }
    }
    Map<String, Attribute> attrs = new java.util.TreeMap<>(op.attributes());
    List<Value> vecResults = vecInits.stream().map(v -> new Value(v.type())).toList();
    Operation main = AffineOps.buildFor(lb, lbOps, split, lbOps, width, vecInits, vecResults,
        attrs, args -> widenBody(op, oldIv, args, outsideBroadcast, contiguous));
    List<Operation> after = new ArrayList<>();
    List<Value> reduced = new ArrayList<>();
    for (int i = 0; i < reds.size(); i++) {
      Value init = AffineOps.iterInits(op).get(i);
      Value target = rem == 0 ? op.result(i) : new Value(init.type());
      Operation red = new Operation(AffineOps.VECTOR_REDUCTION,
          List.of(main.result(i), init), List.of(target),
          new java.util.TreeMap<>(Map.of("kind", new Attribute.StringAttr(reds.get(i).kind()))),
          List.of(), op.location());
      after.add(red);
      reduced.add(target);
    }
    List<Operation> replacement = new ArrayList<>(before);
    replacement.add(main);
    replacement.addAll(after);
    if (rem != 0) {
      replacement.add(Unroll.remainder(op, split, lbOps, reduced, taken));
    }
    return IrRewrite.replace(func, op, replacement);
  }

  private VectorType vectorOf(Type scalar) {
    return VectorType.of(scalar, width);
  }

  private List<Operation> widenBody(Operation op, Value oldIv, List<Value> args,
      Map<Value, Value> outsideBroadcast, Set<Operation> contiguousOps) {
    IRMapping idx = new IRMapping();
    idx.map(oldIv, args.get(0));
    Map<Value, Value> vec = new HashMap<>(outsideBroadcast);
    List<Value> iterArgs = AffineOps.iterArgs(op);
    for (int i = 0; i < iterArgs.size(); i++) {
      vec.put(iterArgs.get(i), args.get(i + 1));
    }
    Map<Operation, Operation> fusedInto = fusableMultiplies(op);
    Map<Operation, Operation> fusedMul = new IdentityHashMap<>();
    fusedInto.forEach((mul, add) -> fusedMul.put(add, mul));
    List<Operation> out = new ArrayList<>();
    for (Operation b : AffineOps.bodyOps(op)) {
      if (fusedInto.containsKey(b)) {
        continue;
      }
      if (fusedMul.containsKey(b)) {
        Operation mul = fusedMul.get(b);
        Value addend = b.operand(0) == mul.result() ? b.operand(1) : b.operand(0);
        Operation fma = Operation.create(AffineOps.VECTOR_FMA, List.of(vec.get(mul.operand(0)),
            vec.get(mul.operand(1)), vec.get(addend)), List.of(vec.get(addend).type()),
            Map.of());
        out.add(fma);
        vec.put(b.result(), fma.result());
        continue;
      }
      List<Value> indices = b.is(AffineOps.LOAD) || b.is(AffineOps.STORE)
          ? AffineOps.accessIndices(b).stream().map(idx::lookupOrSelf).toList() : List.of();
      switch (b.name()) {
        case AffineOps.LOAD -> {
          if (contiguousOps.contains(b)) {
            Operation vl = AffineOps.vectorLoad(vectorOf(b.result().type()),
                AffineOps.accessMemref(b), AffineOps.accessMap(b), indices);
            out.add(vl);
            vec.put(b.result(), vl.result());
          } else {
            Operation sl = AffineOps.load(b.result().type(), AffineOps.accessMemref(b),
                AffineOps.accessMap(b), indices);
            Operation bc = AffineOps.broadcast(sl.result(), vectorOf(b.result().type()));
            out.add(sl);
            out.add(bc);
            vec.put(b.result(), bc.result());
          }
        }
        case AffineOps.STORE -> out.add(AffineOps.vectorStore(vec.get(AffineOps.storedValue(b)),
            AffineOps.accessMemref(b), AffineOps.accessMap(b), indices));
        case AffineOps.CONSTANT -> {
          double v = ((Attribute.FloatAttr) b.attr("value")).value();
          Operation c = AffineOps.constantFloat(v, vectorOf(b.result().type()));
          out.add(c);
          vec.put(b.result(), c.result());
        }
        default -> {
          Operation w = AffineOps.binary(b.name(), vec.get(b.operand(0)), vec.get(b.operand(1)));
          out.add(w);
          vec.put(b.result(), w.result());
        }
      }
    }
    out.add(AffineOps.yield(AffineOps.yielded(op).stream().map(vec::get).toList()));
    return out;
  }

  /** Each {@code arith.mulf} of the body whose single use is an {@code arith.addf}, to that add. */
  private static Map<Operation, Operation> fusableMultiplies(Operation loopOp) {
    Map<Value, Integer> uses = new IdentityHashMap<>();
    Map<Value, Operation> user = new IdentityHashMap<>();
    for (Operation b : AffineOps.bodyOps(loopOp)) {
      for (Value v : b.operands()) {
        uses.merge(v, 1, Integer::sum);
        user.put(v, b);
      }
    }
    for (Value v : AffineOps.yielded(loopOp)) {
      uses.merge(v, 1, Integer::sum);
    }
    Map<Operation, Operation> out = new IdentityHashMap<>();
    for (Operation b : AffineOps.bodyOps(loopOp)) {
      if (b.is("arith.mulf") && uses.getOrDefault(b.result(), 0) == 1
          && user.get(b.result()).is("arith.addf")) {
        out.put(b, user.get(b.result()));
      }
    }
    return out;
  }
}
