// Tests that pattern inputs follow DESIGN.md's formula for every element type and argument kind.
package dev.colt.exec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternInputsTest {
  @Test
  void memrefElementsFollowTheFormulaForEveryElementType() {
    List<Type> elems = List.of(FloatType.F16, FloatType.F32, FloatType.F64, IntegerType.I8,
        IntegerType.I16, IntegerType.I32, IntegerType.I64, IndexType.INSTANCE);
    List<Type> inputs = elems.stream().map(e -> (Type) MemRefType.of(e, 5, 7)).toList();
    List<RuntimeValue> args = PatternInputs.forSignature(new FunctionType(inputs, List.of()));
    for (int a = 0; a < args.size(); a++) {
      Buffer b = (Buffer) args.get(a);
      assertArrayEquals(new long[] {5, 7}, b.shape());
      for (long f = 0; f < 35; f++) {
        long raw = ((f * 7 + a * 13) % 17) - 8;
        if (elems.get(a).isFloat()) {
          assertEquals(raw / 8.0, b.getDouble(f), "arg " + a + " element " + f);
        } else {
          assertEquals(raw, b.getLong(f), "arg " + a + " element " + f);
        }
      }
    }
  }

  @Test
  void i1ElementsKeepTheLowBit() {
    Buffer b = (Buffer) PatternInputs.forArgument(2, MemRefType.of(IntegerType.I1, 20));
    for (long f = 0; f < 20; f++) {
      assertEquals((((f * 7 + 26) % 17) - 8) & 1, b.getLong(f));
    }
  }

  @Test
  void scalarsFollowTheFormula() {
    FunctionType t = new FunctionType(List.of(FloatType.F32, IndexType.INSTANCE,
        MemRefType.of(FloatType.F32, 2), FloatType.F64, IntegerType.I32, FloatType.F16),
        List.of());
    List<RuntimeValue> args = PatternInputs.forSignature(t);
    assertEquals(new RuntimeValue.FloatValue(FloatType.F32, 0.5), args.get(0));
    assertEquals(new RuntimeValue.IntValue(IndexType.INSTANCE, 2), args.get(1));
    assertEquals(new RuntimeValue.FloatValue(FloatType.F64, 7 / 8.0), args.get(3));
    assertEquals(new RuntimeValue.IntValue(IntegerType.I32, 5), args.get(4));
    assertEquals(new RuntimeValue.FloatValue(FloatType.F16, 9 / 8.0), args.get(5));
  }

  @Test
  void dynamicDimensionsTakeTheRequestedSize() {
    MemRefType t = new MemRefType(List.of(ShapedType.DYNAMIC, 3L), FloatType.F32);
    Buffer byDefault = (Buffer) PatternInputs.forArgument(0, t);
    assertArrayEquals(new long[] {PatternInputs.DEFAULT_DYNAMIC_DIM, 3}, byDefault.shape());
    Buffer sized = (Buffer) PatternInputs.forArgument(0, t, 5);
    assertArrayEquals(new long[] {5, 3}, sized.shape());
    assertEquals(-1.0, sized.getDouble(0));
  }

  @Test
  void unsupportedArgumentsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PatternInputs.forArgument(0, VectorType.of(FloatType.F32, 4)));
    assertTrue(e.getMessage().contains("vector<4xf32>"));
  }
}
