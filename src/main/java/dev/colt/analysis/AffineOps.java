// Reads and builds affine, arith and vector ops by the generic op layout contract (names, operand order, attributes).
package dev.colt.analysis;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IndexType;
import dev.colt.ir.Location;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Typed access to the ops analyses and transformations touch, following the op layout contract
 * (MLIR's generic form). Accessors assume the op has the named kind and is well formed; they fail
 * with ClassCastException or IndexOutOfBoundsException otherwise, so callers check {@code is(...)}
 * first.
 */
public final class AffineOps {
  public static final String FOR = "affine.for";
  public static final String IF = "affine.if";
  public static final String LOAD = "affine.load";
  public static final String STORE = "affine.store";
  public static final String VECTOR_LOAD = "affine.vector_load";
  public static final String VECTOR_STORE = "affine.vector_store";
  public static final String APPLY = "affine.apply";
  public static final String MIN = "affine.min";
  public static final String MAX = "affine.max";
  public static final String YIELD = "affine.yield";
  public static final String CONSTANT = "arith.constant";
  public static final String VECTOR_REDUCTION = "vector.reduction";
  public static final String VECTOR_BROADCAST = "vector.broadcast";
  public static final String VECTOR_FMA = "vector.fma";

  /** The unit attribute marking a dependence-free loop. */
  public static final String PARALLEL_ATTR = "colt.parallel";

  private AffineOps() {}

  // ---- affine.for ----

  private static long[] segments(Operation forOp) {
    Attribute.DenseArrayAttr seg = (Attribute.DenseArrayAttr) forOp.attr("operandSegmentSizes");
    return new long[] {seg.get(0), seg.get(1), seg.get(2)};
  }

  public static AffineMap lowerMap(Operation forOp) {
    return ((Attribute.AffineMapAttr) forOp.attr("lowerBoundMap")).map();
  }

  public static AffineMap upperMap(Operation forOp) {
    return ((Attribute.AffineMapAttr) forOp.attr("upperBoundMap")).map();
  }

  public static List<Value> lowerOperands(Operation forOp) {
    long[] s = segments(forOp);
    return forOp.operands().subList(0, (int) s[0]);
  }

  public static List<Value> upperOperands(Operation forOp) {
    long[] s = segments(forOp);
    return forOp.operands().subList((int) s[0], (int) (s[0] + s[1]));
  }

  public static List<Value> iterInits(Operation forOp) {
    long[] s = segments(forOp);
    return forOp.operands().subList((int) (s[0] + s[1]), forOp.operands().size());
  }

  public static long step(Operation forOp) {
    return ((Attribute.IntegerAttr) forOp.attr("step")).value();
  }

  public static Value inductionVar(Operation forOp) {
    return forOp.body().arguments().get(0);
  }

  public static List<Value> iterArgs(Operation forOp) {
    List<Value> args = forOp.body().arguments();
    return args.subList(1, args.size());
  }

  /** The body's ops without the affine.yield terminator. */
  public static List<Operation> bodyOps(Operation forOp) {
    return forOp.body().withoutTerminator();
  }

  /** The values the body yields. */
  public static List<Value> yielded(Operation forOp) {
    return forOp.body().terminator().operands();
  }

  /**
   * Builds an affine.for. {@code body} receives the induction variable and iter args and returns
   * the body ops ending with an affine.yield. {@code results}, when non-null, are used as the op's
   * results (so a rebuilt loop can stand in for an old one); otherwise fresh results are made.
   */
  public static Operation buildFor(AffineMap lb, List<Value> lbOperands, AffineMap ub,
      List<Value> ubOperands, long step, List<Value> inits, List<Value> results,
      Map<String, Attribute> extraAttrs, Function<List<Value>, List<Operation>> body) {
    List<Value> args = new ArrayList<>();
    args.add(new Value(IndexType.INSTANCE));
    for (Value init : inits) {
      args.add(new Value(init.type()));
    }
    List<Operation> ops = body.apply(args);
    List<Value> operands = new ArrayList<>(lbOperands);
    operands.addAll(ubOperands);
    operands.addAll(inits);
    TreeMap<String, Attribute> attrs = new TreeMap<>(extraAttrs);
    attrs.put("lowerBoundMap", new Attribute.AffineMapAttr(lb));
    attrs.put("upperBoundMap", new Attribute.AffineMapAttr(ub));
    attrs.put("step", Attribute.index(step));
    attrs.put("operandSegmentSizes",
        Attribute.DenseArrayAttr.i32(lbOperands.size(), ubOperands.size(), inits.size()));
    List<Value> res = results;
    if (res == null) {
      res = inits.stream().map(v -> new Value(v.type())).toList();
    }
    return new Operation(FOR, operands, res, attrs, List.of(Region.of(new Block(args, ops))),
        Location.UNKNOWN);
  }

  /** A copy of {@code forOp} with new bounds (operands re-segmented), same body and results. */
  public static Operation withBounds(Operation forOp, AffineMap lb, List<Value> lbOperands,
      AffineMap ub, List<Value> ubOperands) {
    List<Value> operands = new ArrayList<>(lbOperands);
    operands.addAll(ubOperands);
    operands.addAll(iterInits(forOp));
    TreeMap<String, Attribute> attrs = new TreeMap<>(forOp.attributes());
    attrs.put("lowerBoundMap", new Attribute.AffineMapAttr(lb));
    attrs.put("upperBoundMap", new Attribute.AffineMapAttr(ub));
    attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(lbOperands.size(),
        ubOperands.size(), iterInits(forOp).size()));
    return new Operation(FOR, operands, forOp.results(), attrs, forOp.regions(),
        forOp.location());
  }

  public static Operation yield(List<Value> values) {
    return Operation.create(YIELD, values, List.of(), Map.of());
  }

  // ---- memory accesses ----

  /** True for affine.load/store/vector_load/vector_store. */
  public static boolean isAccess(Operation op) {
    return op.is(LOAD) || op.is(STORE) || op.is(VECTOR_LOAD) || op.is(VECTOR_STORE);
  }

  public static boolean isWrite(Operation op) {
    return op.is(STORE) || op.is(VECTOR_STORE);
  }

  public static AffineMap accessMap(Operation op) {
    return ((Attribute.AffineMapAttr) op.attr("map")).map();
  }

  public static Value accessMemref(Operation op) {
    return isWrite(op) ? op.operand(1) : op.operand(0);
  }

  public static List<Value> accessIndices(Operation op) {
    int first = isWrite(op) ? 2 : 1;
    return op.operands().subList(first, op.operands().size());
  }

  /** The stored value of a store or vector_store. */
  public static Value storedValue(Operation op) {
    return op.operand(0);
  }

  public static Operation load(Type resultType, Value memref, AffineMap map,
      List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(memref);
    operands.addAll(indices);
    return Operation.create(LOAD, operands, List.of(resultType),
        Map.of("map", new Attribute.AffineMapAttr(map)));
  }

  public static Operation store(Value value, Value memref, AffineMap map, List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(value);
    operands.add(memref);
    operands.addAll(indices);
    return Operation.create(STORE, operands, List.of(),
        Map.of("map", new Attribute.AffineMapAttr(map)));
  }

  public static Operation vectorLoad(Type vectorType, Value memref, AffineMap map,
      List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(memref);
    operands.addAll(indices);
    return Operation.create(VECTOR_LOAD, operands, List.of(vectorType),
        Map.of("map", new Attribute.AffineMapAttr(map)));
  }

  public static Operation vectorStore(Value value, Value memref, AffineMap map,
      List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(value);
    operands.add(memref);
    operands.addAll(indices);
    return Operation.create(VECTOR_STORE, operands, List.of(),
        Map.of("map", new Attribute.AffineMapAttr(map)));
  }

  /** A copy of an access op with a new map and index operands (same kind, value and memref). */
  public static Operation withAccessMap(Operation op, AffineMap map, List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    if (isWrite(op)) {
      operands.add(op.operand(0));
    }
    operands.add(accessMemref(op));
    operands.addAll(indices);
    return op.withOperands(operands).withAttribute("map", new Attribute.AffineMapAttr(map));
  }

  // ---- affine.apply / min / max ----

  public static AffineMap map(Operation op) {
    return ((Attribute.AffineMapAttr) op.attr("map")).map();
  }

  public static Operation apply(AffineMap map, List<Value> operands) {
    return Operation.create(APPLY, operands, List.of(IndexType.INSTANCE),
        Map.of("map", new Attribute.AffineMapAttr(map)));
  }

  // ---- arith / vector ----

  public static Operation constantIndex(long v) {
    return Operation.create(CONSTANT, List.of(), List.of(IndexType.INSTANCE),
        Map.of("value", Attribute.index(v)));
  }

  /** A float constant (scalar {@code FloatAttr}, or a splat for a vector type). */
  public static Operation constantFloat(double v, Type type) {
    Attribute value = type instanceof dev.colt.ir.VectorType
        ? new Attribute.DenseElementsAttr(type, new double[] {v})
        : new Attribute.FloatAttr(v, (dev.colt.ir.FloatType) type);
    return Operation.create(CONSTANT, List.of(), List.of(type), Map.of("value", value));
  }

  /** A two-operand arith op whose result type is the lhs type. */
  public static Operation binary(String name, Value lhs, Value rhs) {
    return Operation.create(name, List.of(lhs, rhs), List.of(lhs.type()), Map.of());
  }

  public static Operation broadcast(Value scalar, Type vectorType) {
    return Operation.create(VECTOR_BROADCAST, List.of(scalar), List.of(vectorType), Map.of());
  }

  /** {@code vector.reduction <kind>, %v, %acc}: the horizontal reduction of a vector into acc. */
  public static Operation reduction(String kind, Value vector, Value acc) {
    List<Value> operands = acc == null ? List.of(vector) : List.of(vector, acc);
    return Operation.create(VECTOR_REDUCTION, operands,
        List.of(vector.type().elementTypeOrSelf()),
        Map.of("kind", new Attribute.StringAttr(kind)));
  }
}
