// Math ops: registration, verification and which folds are exact.
package dev.colt.dialect.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MathOpsTest {
  final Value x = new Value(FloatType.F32);

  static List<String> errors(Operation op) {
    List<String> out = new ArrayList<>();
    OpRegistry.global().lookup(op.name()).verify(op, (o, m) -> out.add(m));
    return out;
  }

  static Attribute fold(Operation op, Attribute... c) {
    List<Attribute> r = OpRegistry.global().lookup(op.name()).fold(op, Arrays.asList(c));
    return r == null ? null : r.get(0);
  }

  static FloatAttr f32(float v) {
    return new FloatAttr(v, FloatType.F32);
  }

  @Test
  void registeredPureAndVerified() {
    for (OpDefinition d : new MathDialect().operations()) {
      assertTrue(d.hasTrait(OpTrait.PURE), d.name());
      assertEquals(d.getClass(), OpRegistry.global().lookup(d.name()).getClass());
    }
    Value v = new Value(VectorType.of(FloatType.F32, 8));
    for (Operation op : List.of(ExpOp.create(x), LogOp.create(x), SqrtOp.create(v),
        RsqrtOp.create(x), TanhOp.create(x), ErfOp.create(x), AbsFOp.create(x),
        FmaOp.create(x, x, x), PowFOp.create(x, x), ExpOp.create(v))) {
      assertEquals(List.of(), errors(op), op.name());
    }
    Value i = new Value(IndexType.INSTANCE);
    assertEquals(List.of("'math.exp' op operand #0 must be floating-point-like, but got"
        + " 'index'"), errors(ExpOp.create(i)));
  }

  @Test
  void inexactFunctionsDoNotFold() {
    assertNull(fold(ExpOp.create(x), f32(1)));
    assertNull(fold(PowFOp.create(x, x), f32(2), f32(3)));
    assertNull(fold(FmaOp.create(new Value(FloatType.F16), new Value(FloatType.F16),
        new Value(FloatType.F16)), new FloatAttr(1, FloatType.F16),
        new FloatAttr(1, FloatType.F16), new FloatAttr(1, FloatType.F16)));
  }

  @Property(tries = 200)
  void exactFunctionsFoldLikeJava(@ForAll float a, @ForAll float b, @ForAll float c) {
    assertEquals(Float.floatToIntBits((float) Math.sqrt(a)),
        Float.floatToIntBits((float) ((FloatAttr) fold(SqrtOp.create(x), f32(a))).value()));
    assertEquals(Float.floatToIntBits(Math.abs(a)),
        Float.floatToIntBits((float) ((FloatAttr) fold(AbsFOp.create(x), f32(a))).value()));
    assertEquals(Float.floatToIntBits(Math.fma(a, b, c)), Float.floatToIntBits((float)
        ((FloatAttr) fold(FmaOp.create(x, x, x), f32(a), f32(b), f32(c))).value()));
  }
}
