// Recognizes integer constants that make arith ops identities (0, 1, all ones).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.Operation;

/** Tests on possibly-null integer constants (scalars or splat vectors). */
final class IntIdentities {
  private IntIdentities() {}

  /** Bit width of the op's result element type. */
  static int width(Operation op) {
    return ArithSemantics.bitWidth(op.result().type().elementTypeOrSelf());
  }

  static boolean isZero(Attribute a) {
    return is(a, 0);
  }

  static boolean isOne(Attribute a) {
    Long v = splatValue(a);
    return v != null && v == 1 && !isI1(a);
  }

  /** All bits set: -1 in the signed view (true for i1). */
  static boolean isAllOnes(Attribute a) {
    Long v = splatValue(a);
    return v != null && (v == -1 || (isI1(a) && v == 1));
  }

  private static boolean is(Attribute a, long value) {
    Long v = splatValue(a);
    return v != null && v == value;
  }

  private static boolean isI1(Attribute a) {
    return switch (a) {
      case IntegerAttr n -> ArithSemantics.bitWidth(n.type()) == 1;
      case DenseElementsAttr d -> ArithSemantics.bitWidth(d.type().elementTypeOrSelf()) == 1;
      default -> false;
    };
  }

  /** The value of a scalar or splat integer constant as held; null otherwise. */
  private static Long splatValue(Attribute a) {
    return switch (a) {
      case IntegerAttr n -> n.value();
      case DenseElementsAttr d when d.isSplat() && d.type().elementTypeOrSelf().isIntOrIndex() ->
          (long) d.get(0);
      case null, default -> null;
    };
  }
}
