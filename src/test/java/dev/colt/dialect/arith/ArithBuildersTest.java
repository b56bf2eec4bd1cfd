// Builders produce ops the verifier accepts; malformed ops get the expected verifier messages.
package dev.colt.dialect.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArithBuildersTest {
  static List<String> errors(Operation op) {
    OpDefinition def = OpRegistry.global().lookup(op.name());
    assertNotNull(def, "registered: " + op.name());
    List<String> out = new ArrayList<>();
    def.verify(op, (o, m) -> out.add(m));
    return out;
  }

  static void valid(Operation op) {
    assertEquals(List.of(), errors(op), op.name());
  }

  final Value f = new Value(FloatType.F32);
  final Value g = new Value(FloatType.F32);
  final Value i = new Value(IndexType.INSTANCE);
  final Value x = new Value(IntegerType.I32);
  final Value c = new Value(IntegerType.I1);
  final VectorType v8 = VectorType.of(FloatType.F32, 8);
  final Value v = new Value(v8);
  final Value w = new Value(v8);

  @Test
  void everyArithOpIsRegisteredWithTraits() {
    for (OpDefinition d : new ArithDialect().operations()) {
      assertTrue(d.name().startsWith("arith."), d.name());
      assertTrue(d.hasTrait(OpTrait.PURE), d.name());
      assertEquals(d.getClass(), OpRegistry.global().lookup(d.name()).getClass());
    }
    assertTrue(new AddFOp().hasTrait(OpTrait.COMMUTATIVE));
    assertTrue(!new SubFOp().hasTrait(OpTrait.COMMUTATIVE));
    assertTrue(new ConstantOp().hasTrait(OpTrait.CONSTANT_LIKE));
  }

  @Test
  void buildersMakeValidOps() {
    valid(ConstantOp.index(7));
    valid(ConstantOp.f32(1.0f));
    valid(ConstantOp.bool(true));
    valid(ConstantOp.integer(300, IntegerType.I8));
    valid(ConstantOp.splat(v8, 0.0));
    valid(AddFOp.create(f, g));
    valid(AddFOp.create(v, w));
    valid(NegFOp.create(f));
    valid(AddIOp.create(i, i));
    valid(XOrIOp.create(x, x));
    valid(CmpFOp.create(CmpFOp.Predicate.OLT, f, g));
    valid(CmpFOp.create(CmpFOp.Predicate.UNE, v, w));
    valid(CmpIOp.create(CmpIOp.Predicate.SLT, i, i));
    valid(SelectOp.create(c, f, g));
    valid(SelectOp.create(c, v, w));
    Operation mask = CmpFOp.create(CmpFOp.Predicate.OGT, v, w);
    valid(SelectOp.create(mask.result(), v, w));
    valid(IndexCastOp.create(i, IntegerType.I32));
    valid(IndexCastOp.create(x, IndexType.INSTANCE));
    valid(SIToFPOp.create(x, FloatType.F32));
    valid(UIToFPOp.create(x, FloatType.F64));
    valid(FPToSIOp.create(f, IntegerType.I64));
    valid(ExtFOp.create(f, FloatType.F64));
    valid(TruncFOp.create(f, FloatType.F16));
    valid(ExtSIOp.create(x, IntegerType.I64));
    valid(TruncIOp.create(x, IntegerType.I8));
  }

  @Test
  void constantHelpersReadBack() {
    assertEquals(7L, ConstantOp.intValue(ConstantOp.index(7)));
    assertEquals(44L, ConstantOp.intValue(ConstantOp.integer(300, IntegerType.I8)));
    assertEquals(-1L, ConstantOp.intValue(ConstantOp.integer(255, IntegerType.I8)));
    assertEquals(1.5, ConstantOp.floatValue(ConstantOp.f32(1.5f)));
    assertEquals(IndexType.INSTANCE, ConstantOp.index(1).result().type());
    assertEquals(4L, ((Attribute.IntegerAttr) CmpFOp.create(CmpFOp.Predicate.OLT, f, g)
        .attr("predicate")).value());
    assertEquals(13, CmpFOp.Predicate.UNE.number());
    assertEquals(2, CmpIOp.Predicate.SLT.number());
    assertEquals(CmpIOp.Predicate.UGE, CmpIOp.Predicate.fromSpelling("uge"));
  }

  @Test
  void verifierRejectsMismatches() {
    assertEquals(List.of("'arith.addf' op requires the same type for all operands and results"),
        errors(Operation.create(AddFOp.NAME, List.of(f, v), List.of(FloatType.F32), Map.of())));
    assertEquals(List.of("'arith.addi' op operand #0 must be signless-integer-like, but got"
        + " 'f32'"), errors(AddIOp.create(f, g)));
    assertEquals(List.of("'arith.addf' op operand #0 must be floating-point-like, but got"
        + " 'index'"), errors(AddFOp.create(i, i)));
    assertEquals(List.of("'arith.extf' op operand type 'f32' and result type 'f16' are cast"
        + " incompatible (expected a wider float type)"), errors(ExtFOp.create(f, FloatType.F16)));
    assertEquals(List.of("'arith.index_cast' op operand type 'i32' and result type 'i64' are cast"
        + " incompatible (expected index to integer or integer to index)"),
        errors(IndexCastOp.create(x, IntegerType.I64)));
    assertEquals(List.of("'arith.select' op expected condition type to be i1 or 'i1', but got"
        + " 'i32'"), errors(SelectOp.create(x, f, g)));
    assertEquals(List.of("'arith.cmpi' op requires all operands to have the same type"),
        errors(CmpIOp.create(CmpIOp.Predicate.EQ, i, x)));
    assertEquals(List.of("'arith.constant' op value type 'f32' must match result type 'f64'"),
        errors(Operation.create(ConstantOp.NAME, List.of(), List.of(FloatType.F64),
            Map.of("value", new Attribute.FloatAttr(1.0, FloatType.F32)))));
    assertEquals(List.of("'arith.constant' op dense element 0.1 is not a value of type 'f32'"),
        errors(ConstantOp.create(new Attribute.DenseElementsAttr(v8, new double[] {0.1}))));
    assertEquals(List.of("'arith.constant' op dense element 256.0 is not a value of type 'i8'"),
        errors(ConstantOp.create(new Attribute.DenseElementsAttr(VectorType.of(IntegerType.I8,
            2), new double[] {-128, 256}))));
    valid(ConstantOp.create(new Attribute.DenseElementsAttr(VectorType.of(IntegerType.I8, 2),
        new double[] {-128, 255})));
    valid(ConstantOp.create(new Attribute.DenseElementsAttr(VectorType.of(IntegerType.I1, 2),
        new double[] {1, 0})));
    assertEquals(List.of("'arith.cmpf' op requires attribute 'predicate' (an i64 predicate"
        + " number)"), errors(Operation.create(CmpFOp.NAME, List.of(f, g),
            List.of(IntegerType.I1), Map.of("predicate", Attribute.i64(16)))));
  }
}
