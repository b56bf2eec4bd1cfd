// Recognizes float constants that make arith ops exact identities (1.0, +0.0, -0.0).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.FloatAttr;

/** Tests on possibly-null float constants (scalars or splat vectors), bit-exact on zeros. */
final class FloatIdentities {
  private FloatIdentities() {}

  static boolean isOne(Attribute a) {
    return bitsEqual(a, 1.0);
  }

  static boolean isPosZero(Attribute a) {
    return bitsEqual(a, 0.0);
  }

  static boolean isNegZero(Attribute a) {
    return bitsEqual(a, -0.0);
  }

  private static boolean bitsEqual(Attribute a, double value) {
    double v;
    switch (a) {
      case FloatAttr f -> v = f.value();
      case DenseElementsAttr d when d.isSplat() && d.type().elementTypeOrSelf().isFloat() ->
          v = d.get(0);
      case null, default -> {
        return false;
      }
    }
    return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(value);
  }
}
