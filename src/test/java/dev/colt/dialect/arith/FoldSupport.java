// Test helpers: build an op on fresh values and run its registered folder on given constants.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.Arrays;
import java.util.List;

/** Runs folders the way the canonicalizer does: through the op registry. */
final class FoldSupport {
  private FoldSupport() {}

  static OpDefinition def(Operation op) {
    return OpRegistry.global().lookup(op.name());
  }

  /** The single folded attribute, or null when the op does not fold. */
  static Attribute fold(Operation op, Attribute... constants) {
    List<Attribute> r = def(op).fold(op, Arrays.asList(constants));
    return r == null ? null : r.get(0);
  }

  static Value foldToValue(Operation op, Attribute... constants) {
    return def(op).foldToValue(op, Arrays.asList(constants));
  }

  static Value v(Type t) {
    return new Value(t);
  }

  static FloatAttr f32(float x) {
    return new FloatAttr(x, FloatType.F32);
  }

  static FloatAttr f64(double x) {
    return new FloatAttr(x, FloatType.F64);
  }

  static IntegerAttr intAttr(long x, Type t) {
    return new IntegerAttr(ArithSemantics.normalize(x, t), t);
  }

  /** The float value of a folded scalar, as a float (precondition: an f32 FloatAttr). */
  static float asF32(Attribute a) {
    return (float) ((FloatAttr) a).value();
  }

  static long asLong(Attribute a) {
    return ((IntegerAttr) a).value();
  }
}
