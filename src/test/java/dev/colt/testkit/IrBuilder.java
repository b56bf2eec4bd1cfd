// Test helper that builds func.func ops with affine loop nests through the generic op layout.
package dev.colt.testkit;

import dev.colt.analysis.AffineOps;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds one function front to back; nested loops are opened with lambdas. */
public final class IrBuilder {
  private final String name;
  private final List<Type> argTypes;
  private final Deque<Block.Builder> stack = new ArrayDeque<>();
  private final Block.Builder entry;

  public IrBuilder(String name, Type... argTypes) {
    this.name = name;
    this.argTypes = List.of(argTypes);
    List<Value> args = Arrays.stream(argTypes).map(Value::new).toList();
    entry = new Block.Builder(args);
    stack.push(entry);
  }

  public static MemRefType f32(long... shape) {
    return MemRefType.of(FloatType.F32, shape);
  }

  public Value arg(int i) {
    return entry.argument(i);
  }

  public Operation add(Operation op) {
    return stack.peek().add(op);
  }

  /** {@code affine.for %iv = lb to ub step s} with constant bounds. */
  public Operation loop(long lb, long ub, long step, Consumer<Value> body) {
    return loop(AffineMap.constant(lb), List.of(), AffineMap.constant(ub), List.of(), step, body);
  }

  public Operation loop(long lb, long ub, Consumer<Value> body) {
    return loop(lb, ub, 1, body);
  }

  /** A loop with general bound maps. */
  public Operation loop(AffineMap lb, List<Value> lbOps, AffineMap ub, List<Value> ubOps,
      long step, Consumer<Value> body) {
    Operation op = AffineOps.buildFor(lb, lbOps, ub, ubOps, step, List.of(), null, Map.of(),
        args -> {
          stack.push(new Block.Builder(args));
          body.accept(args.get(0));
          Block.Builder b = stack.pop();
          b.add(AffineOps.yield(List.of()));
          return b.build().operations();
        });
    return add(op);
  }

  /** A loop with iter_args; {@code body} gets (iv, iter args) and returns the yielded values. */
  public Operation loopIter(long lb, long ub, List<Value> inits,
      Function<List<Value>, List<Value>> body) {
    Operation op = AffineOps.buildFor(AffineMap.constant(lb), List.of(), AffineMap.constant(ub),
        List.of(), 1, inits, null, Map.of(), args -> {
          stack.push(new Block.Builder(args));
          List<Value> y = body.apply(args);
          Block.Builder b = stack.pop();
          b.add(AffineOps.yield(y));
          return b.build().operations();
        });
    return add(op);
  }

  /** {@code affine.load m[exprs]} where dim i of the exprs is {@code ivs[i]}. */
  public Value load(Value memref, List<Value> ivs, AffineExpr... exprs) {
    Type elem = ((MemRefType) memref.type()).elementType();
    return stack.peek().addValue(AffineOps.load(elem, memref,
        new AffineMap(ivs.size(), 0, List.of(exprs)), ivs));
  }

  /** {@code affine.load m[i0, i1, ...]}. */
  public Value load(Value memref, Value... ivs) {
    return load(memref, List.of(ivs), identity(ivs.length));
  }

  public void store(Value v, Value memref, List<Value> ivs, AffineExpr... exprs) {
    add(AffineOps.store(v, memref, new AffineMap(ivs.size(), 0, List.of(exprs)), ivs));
  }

  public void store(Value v, Value memref, Value... ivs) {
    store(v, memref, List.of(ivs), identity(ivs.length));
  }

  public Value apply(AffineExpr e, Value... operands) {
    return stack.peek().addValue(AffineOps.apply(new AffineMap(operands.length, 0, List.of(e)),
        List.of(operands)));
  }

  public Value constF(double v) {
    return stack.peek().addValue(AffineOps.constantFloat(v, FloatType.F32));
  }

  public Value constIndex(long v) {
    return stack.peek().addValue(AffineOps.constantIndex(v));
  }

  public Value op(String name, Value a, Value b) {
    return stack.peek().addValue(AffineOps.binary(name, a, b));
  }

  public Value addf(Value a, Value b) {
    return op("arith.addf", a, b);
  }

  public Value mulf(Value a, Value b) {
    return op("arith.mulf", a, b);
  }

  private static AffineExpr[] identity(int n) {
    AffineExpr[] e = new AffineExpr[n];
    for (int i = 0; i < n; i++) {
      e[i] = AffineExpr.dim(i);
    }
    return e;
  }

  public static AffineExpr d(int i) {
    return AffineExpr.dim(i);
  }

  /** The finished func.func (a func.return is appended). */
  public Operation build() {
    entry.add(Operation.create("func.return", List.of(), List.of(), Map.of()));
    Map<String, Attribute> attrs = Map.of(
        "sym_name", new Attribute.StringAttr(name),
        "function_type", new Attribute.TypeAttr(new FunctionType(argTypes, List.of())));
    return Operation.create("func.func", List.of(), List.of(), attrs,
        List.of(Region.of(entry.build())), Location.UNKNOWN);
  }

  public static Type index() {
    return IndexType.INSTANCE;
  }
}
