// Creates the scalar arith and math ops the graph lowering needs, in MLIR 22's generic layout.
package dev.colt.lower.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;

/**
 * Scalar float arithmetic appended to a block: {@code arith.constant/addf/subf/mulf/divf/negf/
 * maximumf/cmpf/select} and {@code math.exp/tanh/sqrt/erf}. Preconditions: operands are scalar
 * floats of one type.
 */
final class Scalars {
  /** MLIR's arith.cmpf predicate number for "ordered and less than". */
  static final long CMPF_OLT = 4;

  private Scalars() {}

  static Value constant(Block.Builder b, double v, Type type) {
    return b.addValue(Operation.create("arith.constant", List.of(), List.of(type),
        Map.of("value", new Attribute.FloatAttr(round(v, type), (FloatType) type))));
  }

  /** {@code v} rounded to the precision of {@code type}, so printed constants are exact. */
  static double round(double v, Type type) {
    return type.equals(FloatType.F32) ? (double) (float) v : v;
  }

  static Value binary(Block.Builder b, String name, Value x, Value y) {
    return b.addValue(Operation.create(name, List.of(x, y), List.of(x.type()), Map.of()));
  }

  static Value unary(Block.Builder b, String name, Value x) {
    return b.addValue(Operation.create(name, List.of(x), List.of(x.type()), Map.of()));
  }

  static Value add(Block.Builder b, Value x, Value y) {
    return binary(b, "arith.addf", x, y);
  }

  static Value sub(Block.Builder b, Value x, Value y) {
    return binary(b, "arith.subf", x, y);
  }

  static Value mul(Block.Builder b, Value x, Value y) {
    return binary(b, "arith.mulf", x, y);
  }

  static Value div(Block.Builder b, Value x, Value y) {
    return binary(b, "arith.divf", x, y);
  }

  static Value max(Block.Builder b, Value x, Value y) {
    return binary(b, "arith.maximumf", x, y);
  }

  /** {@code x < y} (ordered: false when either is NaN), an i1. */
  static Value lessThan(Block.Builder b, Value x, Value y) {
    return b.addValue(Operation.create("arith.cmpf", List.of(x, y), List.of(IntegerType.I1),
        Map.of("predicate", new Attribute.IntegerAttr(CMPF_OLT, IntegerType.I64))));
  }

  static Value select(Block.Builder b, Value cond, Value x, Value y) {
    return b.addValue(Operation.create("arith.select", List.of(cond, x, y), List.of(x.type()),
        Map.of()));
  }
}
