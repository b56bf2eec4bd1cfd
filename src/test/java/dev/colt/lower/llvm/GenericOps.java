// Test helper: builds func/arith/math/affine/vector ops in MLIR's generic layout without a parser.
package dev.colt.lower.llvm;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Generic-form op builders following the op layout contract, for lowering and JIT tests. */
public final class GenericOps {
  private GenericOps() {}

  public static Operation module(Operation... ops) {
    return ModuleOp.create(List.of(ops));
  }

  /** {@code func.func @name(args) -> results} with a body built by {@code body}. */
  public static Operation func(String name, List<Type> args, List<Type> results,
      Function<Block.Builder, Void> body) {
    List<Value> params = args.stream().map(Value::new).toList();
    Block.Builder b = new Block.Builder(params);
    body.apply(b);
    return Operation.create("func.func", List.of(), List.of(),
        Map.of("sym_name", new Attribute.StringAttr(name),
            "function_type", new Attribute.TypeAttr(new FunctionType(args, results))),
        List.of(Region.of(b.build())), dev.colt.ir.Location.UNKNOWN);
  }

  public static Operation ret(Value... values) {
    return Operation.create("func.return", List.of(values), List.of(), Map.of());
  }

  public static Value constIndex(Block.Builder b, long v) {
    return b.addValue(Operation.create("arith.constant", List.of(), List.of(IndexType.INSTANCE),
        Map.of("value", Attribute.index(v))));
  }

  public static Value constF(Block.Builder b, double v, FloatType t) {
    return b.addValue(Operation.create("arith.constant", List.of(), List.of(t),
        Map.of("value", new Attribute.FloatAttr(v, t))));
  }

  public static Value binary(Block.Builder b, String name, Value x, Value y) {
    return b.addValue(Operation.create(name, List.of(x, y), List.of(x.type()), Map.of()));
  }

  public static Value unary(Block.Builder b, String name, Value x) {
    return b.addValue(Operation.create(name, List.of(x), List.of(x.type()), Map.of()));
  }

  public static Value load(Block.Builder b, Value memref, AffineMap map, Value... idx) {
    Type elem = ((dev.colt.ir.MemRefType) memref.type()).elementType();
    List<Value> ops = new ArrayList<>();
    ops.add(memref);
    ops.addAll(List.of(idx));
    return b.addValue(Operation.create("affine.load", ops, List.of(elem),
        Map.of("map", new Attribute.AffineMapAttr(map))));
  }

  public static void store(Block.Builder b, Value v, Value memref, AffineMap map, Value... idx) {
    List<Value> ops = new ArrayList<>();
    ops.add(v);
    ops.add(memref);
    ops.addAll(List.of(idx));
    b.add(Operation.create("affine.store", ops, List.of(),
        Map.of("map", new Attribute.AffineMapAttr(map))));
  }

  /** {@code affine.for %iv = lb to ub step s iter_args(inits)}; body gets (builder, iv+iters). */
  public static Operation affineFor(Block.Builder b, AffineMap lb, List<Value> lbOps, AffineMap ub,
      List<Value> ubOps, long step, List<Value> inits,
      BiFunction<Block.Builder, List<Value>, List<Value>> body) {
    List<Value> args = new ArrayList<>();
    args.add(new Value(IndexType.INSTANCE));
    for (Value v : inits) {
      args.add(new Value(v.type()));
    }
    Block.Builder inner = new Block.Builder(args);
    List<Value> yielded = body.apply(inner, args);
    inner.add(Operation.create("affine.yield", yielded, List.of(), Map.of()));
    List<Value> operands = new ArrayList<>(lbOps);
    operands.addAll(ubOps);
    operands.addAll(inits);
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("lowerBoundMap", new Attribute.AffineMapAttr(lb));
    attrs.put("upperBoundMap", new Attribute.AffineMapAttr(ub));
    attrs.put("step", Attribute.index(step));
    attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(lbOps.size(), ubOps.size(),
        inits.size()));
    Operation op = Operation.create("affine.for", operands,
        inits.stream().map(Value::type).toList(), attrs, List.of(Region.of(inner.build())),
        dev.colt.ir.Location.UNKNOWN);
    b.add(op);
    return op;
  }

  /** A constant-bound loop without iter_args. */
  public static void loop(Block.Builder b, long lb, long ub, long step,
      BiFunction<Block.Builder, Value, Void> body) {
    affineFor(b, AffineMap.constant(lb), List.of(), AffineMap.constant(ub), List.of(), step,
        List.of(), (ib, args) -> {
          body.apply(ib, args.get(0));
          return List.of();
        });
  }

  /** {@code affine.if} with then/else bodies yielding values of {@code resultTypes}. */
  public static Operation affineIf(Block.Builder b, IntegerSet set, List<Value> operands,
      List<Type> resultTypes, Function<Block.Builder, List<Value>> thenBody,
      Function<Block.Builder, List<Value>> elseBody) {
    Block.Builder t = new Block.Builder();
    t.add(Operation.create("affine.yield", thenBody.apply(t), List.of(), Map.of()));
    List<Region> regions = new ArrayList<>();
    regions.add(Region.of(t.build()));
    if (elseBody != null) {
      Block.Builder e = new Block.Builder();
      e.add(Operation.create("affine.yield", elseBody.apply(e), List.of(), Map.of()));
      regions.add(Region.of(e.build()));
    } else {
      regions.add(new Region(List.of()));
    }
    Operation op = Operation.create("affine.if", operands, resultTypes,
        Map.of("condition", new Attribute.IntegerSetAttr(set)), regions,
        dev.colt.ir.Location.UNKNOWN);
    b.add(op);
    return op;
  }
}
