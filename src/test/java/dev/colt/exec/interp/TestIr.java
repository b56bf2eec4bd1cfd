// Small IR construction helpers for interpreter tests, building ops in MLIR's generic layout.
package dev.colt.exec.interp;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Builds test IR directly with Operation.create, following the op layout contract. */
final class TestIr {
  static final Type INDEX = IndexType.INSTANCE;

  private TestIr() {}

  static Operation module(Operation... ops) {
    return ModuleOp.create(List.of(ops));
  }

  /** A func.func whose body is produced by {@code body} (which returns the returned values). */
  static Operation func(String name, List<Type> inputs, List<Type> results,
      Function<Block.Builder, List<Value>> body) {
    List<Value> args = inputs.stream().map(Value::new).toList();
    Block.Builder b = new Block.Builder(args);
    List<Value> ret = body.apply(b);
    b.add(Operation.create("func.return", ret, List.of(), Map.of()));
    return Operation.create("func.func", List.of(), List.of(),
        Map.of("sym_name", new Attribute.StringAttr(name),
            "function_type", new Attribute.TypeAttr(new FunctionType(inputs, results))),
        List.of(Region.of(b.build())), Location.UNKNOWN);
  }

  /** Appends a one-result op. */
  static Value op(Block.Builder b, String name, Type result, Map<String, Attribute> attrs,
      Value... operands) {
    return b.addValue(Operation.create(name, List.of(operands), List.of(result), attrs));
  }

  static Value op(Block.Builder b, String name, Type result, Value... operands) {
    return op(b, name, result, Map.of(), operands);
  }

  /** Appends a one-result op at a known location (for error-location tests). */
  static Value opAt(Block.Builder b, String name, Type result, Map<String, Attribute> attrs,
      Location loc, Value... operands) {
    return b.addValue(Operation.create(name, List.of(operands), List.of(result), attrs,
        List.of(), loc));
  }

  static void effect(Block.Builder b, String name, Map<String, Attribute> attrs,
      Value... operands) {
    b.add(Operation.create(name, List.of(operands), List.of(), attrs));
  }

  static Value constF(Block.Builder b, Type t, double v) {
    return op(b, "arith.constant", t,
        Map.of("value", new Attribute.FloatAttr(v, (dev.colt.ir.FloatType) t)));
  }

  static Value constI(Block.Builder b, Type t, long v) {
    return op(b, "arith.constant", t, Map.of("value", new Attribute.IntegerAttr(v, t)));
  }

  static Value constIndex(Block.Builder b, long v) {
    return constI(b, INDEX, v);
  }

  static Map<String, Attribute> mapAttr(AffineMap m) {
    return Map.of("map", new Attribute.AffineMapAttr(m));
  }

  static Value affineLoad(Block.Builder b, Value memref, AffineMap map, Value... operands) {
    List<Value> ops = new ArrayList<>();
    ops.add(memref);
    ops.addAll(List.of(operands));
    Type elem = ((dev.colt.ir.MemRefType) memref.type()).elementType();
    return b.addValue(Operation.create("affine.load", ops, List.of(elem), mapAttr(map)));
  }

  static void affineStore(Block.Builder b, Value value, Value memref, AffineMap map,
      Value... operands) {
    List<Value> ops = new ArrayList<>();
    ops.add(value);
    ops.add(memref);
    ops.addAll(List.of(operands));
    b.add(Operation.create("affine.store", ops, List.of(), mapAttr(map)));
  }

  /**
   * Appends an affine.for and returns it. {@code body} gets the block builder (arguments: induction
   * variable then iter args) and returns the yielded values.
   */
  static Operation affineFor(Block.Builder b, AffineMap lb, List<Value> lbOperands, AffineMap ub,
      List<Value> ubOperands, long step, List<Value> inits,
      BiFunction<Block.Builder, List<Value>, List<Value>> body) {
    List<Value> args = new ArrayList<>();
    args.add(new Value(INDEX));
    for (Value v : inits) {
      args.add(new Value(v.type()));
    }
    Block.Builder inner = new Block.Builder(args);
    List<Value> yielded = body.apply(inner, args);
    inner.add(Operation.create("affine.yield", yielded, List.of(), Map.of()));
    List<Value> operands = new ArrayList<>(lbOperands);
    operands.addAll(ubOperands);
    operands.addAll(inits);
    Map<String, Attribute> attrs = new HashMap<>();
    attrs.put("lowerBoundMap", new Attribute.AffineMapAttr(lb));
    attrs.put("upperBoundMap", new Attribute.AffineMapAttr(ub));
    attrs.put("step", Attribute.index(step));
    attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(lbOperands.size(),
        ubOperands.size(), inits.size()));
    Operation op = Operation.create("affine.for", operands,
        inits.stream().map(Value::type).toList(), attrs,
        List.of(Region.of(inner.build())), Location.UNKNOWN);
    b.add(op);
    return op;
  }

  /** A constant-bound loop {@code for i = lo to hi step s} without iter args. */
  static Operation affineFor(Block.Builder b, long lo, long hi, long step,
      BiFunction<Block.Builder, Value, Void> body) {
    return affineFor(b, AffineMap.constant(lo), List.of(), AffineMap.constant(hi), List.of(),
        step, List.of(), (inner, args) -> {
          body.apply(inner, args.get(0));
          return List.of();
        });
  }

  /** Appends an affine.if with optional else; each branch returns its yielded values. */
  static Operation affineIf(Block.Builder b, IntegerSet set, List<Value> operands,
      List<Type> results, Function<Block.Builder, List<Value>> thenBody,
      Function<Block.Builder, List<Value>> elseBody) {
    Block.Builder t = new Block.Builder();
    t.add(Operation.create("affine.yield", thenBody.apply(t), List.of(), Map.of()));
    List<Region> regions = new ArrayList<>();
    regions.add(Region.of(t.build()));
    if (elseBody == null) {
      regions.add(new Region(List.of()));
    } else {
      Block.Builder e = new Block.Builder();
      e.add(Operation.create("affine.yield", elseBody.apply(e), List.of(), Map.of()));
      regions.add(Region.of(e.build()));
    }
    Operation op = Operation.create("affine.if", operands, results,
        Map.of("condition", new Attribute.IntegerSetAttr(set)), regions, Location.UNKNOWN);
    b.add(op);
    return op;
  }

  static Map<String, Attribute> predicate(long p) {
    return Map.of("predicate", Attribute.i64(p));
  }

  static final Type I1 = IntegerType.I1;
}
