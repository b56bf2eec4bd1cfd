// Appends the scalar arith and math ops the graph lowering needs, through the dialects' builders.
package dev.colt.lower.graph;

import dev.colt.dialect.arith.AddFOp;
import dev.colt.dialect.arith.CmpFOp;
import dev.colt.dialect.arith.ConstantOp;
import dev.colt.dialect.arith.DivFOp;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.dialect.arith.MaximumFOp;
import dev.colt.dialect.arith.MulFOp;
import dev.colt.dialect.arith.NegFOp;
import dev.colt.dialect.arith.SelectOp;
import dev.colt.dialect.arith.SubFOp;
import dev.colt.dialect.math.ErfOp;
import dev.colt.dialect.math.ExpOp;
import dev.colt.dialect.math.SqrtOp;
import dev.colt.dialect.math.TanhOp;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;

/**
 * Scalar float arithmetic appended to a block. Preconditions: operands are scalar floats of one
 * type (the verifier checks the result).
 */
final class Scalars {
  private Scalars() {}

  /** {@code arith.constant v : type}, with v rounded to the type's precision. */
  static Value constant(Block.Builder b, double v, Type type) {
    FloatType t = (FloatType) type;
    return b.addValue(ConstantOp.floating(t.equals(FloatType.F32) ? (double) (float) v : v, t));
  }

  /** The elementwise arith op named {@code name} (e.g. {@code arith.addf}) on x and y. */
  static Value binary(Block.Builder b, String name, Value x, Value y) {
    return b.addValue(ElementwiseOp.build(name, x, y));
  }

  static Value add(Block.Builder b, Value x, Value y) {
    return b.addValue(AddFOp.create(x, y));
  }

  static Value sub(Block.Builder b, Value x, Value y) {
    return b.addValue(SubFOp.create(x, y));
  }

  static Value mul(Block.Builder b, Value x, Value y) {
    return b.addValue(MulFOp.create(x, y));
  }

  static Value div(Block.Builder b, Value x, Value y) {
    return b.addValue(DivFOp.create(x, y));
  }

  /** {@code arith.maximumf}: NaN when either operand is NaN. */
  static Value max(Block.Builder b, Value x, Value y) {
    return b.addValue(MaximumFOp.create(x, y));
  }

  static Value neg(Block.Builder b, Value x) {
    return b.addValue(NegFOp.create(x));
  }

  static Value exp(Block.Builder b, Value x) {
    return b.addValue(ExpOp.create(x));
  }

  static Value tanh(Block.Builder b, Value x) {
    return b.addValue(TanhOp.create(x));
  }

  static Value sqrt(Block.Builder b, Value x) {
    return b.addValue(SqrtOp.create(x));
  }

  static Value erf(Block.Builder b, Value x) {
    return b.addValue(ErfOp.create(x));
  }

  /** {@code x < y} (ordered: false when either is NaN), an i1. */
  static Value lessThan(Block.Builder b, Value x, Value y) {
    return b.addValue(CmpFOp.create(CmpFOp.Predicate.OLT, x, y));
  }

  static Value select(Block.Builder b, Value cond, Value x, Value y) {
    return b.addValue(SelectOp.create(cond, x, y));
  }
}
