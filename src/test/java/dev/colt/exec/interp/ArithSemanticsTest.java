// Scalar arith/math semantics of the interpreter: rounding, wrapping, signed division, compares, casts.
package dev.colt.exec.interp;

import static dev.colt.exec.interp.TestIr.func;
import static dev.colt.exec.interp.TestIr.module;
import static dev.colt.exec.interp.TestIr.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.data.RuntimeValue.FloatValue;
import dev.colt.exec.data.RuntimeValue.IntValue;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArithSemanticsTest {
  private static RuntimeValue apply(String name, Map<String, Attribute> attrs, Type result,
      RuntimeValue... args) {
    List<Type> inputs = java.util.Arrays.stream(args).map(ArithSemanticsTest::typeOf).toList();
    var fn = func("f", inputs, List.of(result), b -> List.of(op(b, name, result, attrs,
        b.arguments().toArray(dev.colt.ir.Value[]::new))));
    return new Interpreter(module(fn)).call("f", List.of(args)).get(0);
  }

  private static Type typeOf(RuntimeValue v) {
    return switch (v) {
      case FloatValue f -> f.type();
      case IntValue i -> i.type();
      default -> throw new IllegalArgumentException();
    };
  }

  private static double f(String name, FloatType t, double... xs) {
    RuntimeValue[] args = java.util.Arrays.stream(xs).mapToObj(x -> new FloatValue(t, x))
        .toArray(RuntimeValue[]::new);
    return ((FloatValue) apply(name, Map.of(), t, args)).value();
  }

  private static long i(String name, Type t, long... xs) {
    RuntimeValue[] args = java.util.Arrays.stream(xs).mapToObj(x -> new IntValue(t, x))
        .toArray(RuntimeValue[]::new);
    return ((IntValue) apply(name, Map.of(), t, args)).value();
  }

  private static long cmpf(int predicate, double a, double b) {
    return ((IntValue) apply("arith.cmpf", TestIr.predicate(predicate), IntegerType.I1,
        new FloatValue(FloatType.F32, a), new FloatValue(FloatType.F32, b))).value();
  }

  private static long cmpi(int predicate, Type t, long a, long b) {
    return ((IntValue) apply("arith.cmpi", TestIr.predicate(predicate), IntegerType.I1,
        new IntValue(t, a), new IntValue(t, b))).value();
  }

  @Test
  void f32ArithmeticRoundsEveryOp() {
    assertEquals(16777216.0, f("arith.addf", FloatType.F32, 16777216.0, 1.0));
    assertEquals(16777217.0, f("arith.addf", FloatType.F64, 16777216.0, 1.0));
    assertEquals((double) (0.1f * 3.0f), f("arith.mulf", FloatType.F32, 0.1f, 3.0));
    assertEquals((double) (1.0f / 3.0f), f("arith.divf", FloatType.F32, 1.0, 3.0));
    assertEquals(2048.0, f("arith.addf", FloatType.F16, 2048.0, 1.0), "f16 rounds to even");
    assertEquals((double) (float) Math.exp(0.5), f("math.exp", FloatType.F32, 0.5));
    assertEquals((double) (float) (1 / Math.sqrt(3)), f("math.rsqrt", FloatType.F32, 3.0));
    assertEquals((double) Math.fma(0.1f, 10f, -1f),
        f("math.fma", FloatType.F32, (double) 0.1f, 10.0, -1.0), "fused: one rounding");
    assertEquals(-1.5, f("math.absf", FloatType.F64, 1.5) * -1);
    assertEquals((double) (float) Math.pow(1.5, 2.5), f("math.powf", FloatType.F32, 1.5, 2.5));
    assertEquals(1.0, f("arith.remf", FloatType.F32, 7.0, 3.0));
    assertEquals(-1.0, f("arith.remf", FloatType.F32, -7.0, 3.0), "remf takes the dividend's sign");
  }

  @Test
  void erfMatchesKnownValues() {
    assertEquals(0.0, MathOps.erf(0.0));
    assertEquals(0.8427007929497149, MathOps.erf(1.0), 1e-15);
    assertEquals(-0.9953222650189527, MathOps.erf(-2.0), 1e-15);
    assertEquals(0.9999999845827421, MathOps.erf(4.0), 1e-15);
    assertEquals(1.0, MathOps.erf(7.0));
    assertEquals((double) (float) 0.5204998778130465, f("math.erf", FloatType.F32, 0.5));
  }

  @Test
  void roundGoesHalfAwayFromZero() {
    assertEquals(3.0, MathOps.roundHalfAway(2.5));
    assertEquals(-3.0, MathOps.roundHalfAway(-2.5));
    assertEquals(0.0, MathOps.roundHalfAway(0.49999999999999994));
    assertEquals(2.0, f("math.roundeven", FloatType.F32, 2.5));
  }

  @Test
  void maximumAndMinimumPropagateNaNAndOrderZeros() {
    assertTrue(Double.isNaN(f("arith.maximumf", FloatType.F32, Double.NaN, 1.0)));
    assertEquals(1.0, f("arith.maxnumf", FloatType.F32, Double.NaN, 1.0));
    assertEquals(Double.doubleToLongBits(0.0),
        Double.doubleToLongBits(f("arith.maximumf", FloatType.F32, -0.0, 0.0)));
    assertEquals(Double.doubleToLongBits(-0.0),
        Double.doubleToLongBits(f("arith.minimumf", FloatType.F32, 0.0, -0.0)));
  }

  @Test
  void cmpfOrderedAndUnorderedPredicates() {
    double nan = Double.NaN;
    // false oeq ogt oge olt ole one ord ueq ugt uge ult ule une uno true
    long[] withNaN = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
    long[] oneTwo = {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1};
    long[] equal = {0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1};
    for (int p = 0; p < 16; p++) {
      assertEquals(withNaN[p], cmpf(p, nan, 1.0), "predicate " + p + " with NaN");
      assertEquals(oneTwo[p], cmpf(p, 1.0, 2.0), "predicate " + p + " on 1, 2");
      assertEquals(equal[p], cmpf(p, 2.0, 2.0), "predicate " + p + " on 2, 2");
    }
  }

  @Test
  void cmpiSignedAndUnsigned() {
    Type i8 = IntegerType.I8;
    // eq ne slt sle sgt sge ult ule ugt uge on (-1, 1): -1 is 255 unsigned
    long[] expected = {0, 1, 1, 1, 0, 0, 0, 0, 1, 1};
    for (int p = 0; p < 10; p++) {
      assertEquals(expected[p], cmpi(p, i8, -1, 1), "predicate " + p);
    }
    assertEquals(1, cmpi(6, IndexType.INSTANCE, 5, -1), "ult with index -1 as max unsigned");
  }

  @Test
  void integerArithmeticWrapsAtTheWidth() {
    assertEquals(Integer.MIN_VALUE, i("arith.addi", IntegerType.I32, Integer.MAX_VALUE, 1));
    assertEquals(-128, i("arith.addi", IntegerType.I8, 127, 1));
    assertEquals(0, i("arith.addi", IntegerType.I1, 1, 1));
    assertEquals(Long.MIN_VALUE, i("arith.addi", IndexType.INSTANCE, Long.MAX_VALUE, 1));
    assertEquals(0, i("arith.muli", IntegerType.I16, 256, 256));
    assertEquals(-2, i("arith.shli", IntegerType.I8, 127, 1));
    assertEquals(127, i("arith.shrui", IntegerType.I8, -1, 1));
    assertEquals(-1, i("arith.shrsi", IntegerType.I8, -1, 1));
  }

  @Test
  void signedDivisionRounding() {
    Type t = IntegerType.I32;
    assertEquals(-2, i("arith.divsi", t, -7, 3), "divsi truncates");
    assertEquals(-1, i("arith.remsi", t, -7, 3), "remsi takes the dividend's sign");
    assertEquals(1, i("arith.remsi", t, 7, -3));
    assertEquals(-3, i("arith.floordivsi", t, -7, 3));
    assertEquals(-3, i("arith.floordivsi", t, 7, -3));
    assertEquals(2, i("arith.floordivsi", t, 7, 3));
    assertEquals(3, i("arith.ceildivsi", t, 7, 3));
    assertEquals(-2, i("arith.ceildivsi", t, -7, 3));
    assertEquals(3, i("arith.ceildivsi", t, -7, -3));
    assertEquals(0x7FFFFFFF, i("arith.divui", t, -1, 2), "divui sees -1 as 2^32-1");
    assertEquals(1, i("arith.remui", t, -1, 2));
  }

  @Test
  void divisionByZeroAndOverflowAreReported() {
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> i("arith.divsi", IntegerType.I32, 1, 0));
    assertTrue(e.getMessage().contains("'arith.divsi' op integer division by zero"),
        e.getMessage());
    assertThrows(InterpreterException.class,
        () -> i("arith.divsi", IntegerType.I8, -128, -1));
    assertThrows(InterpreterException.class, () -> i("arith.remui", IntegerType.I8, 1, 0));
    assertThrows(InterpreterException.class, () -> i("arith.shli", IntegerType.I8, 1, 8));
  }

  @Test
  void castsBetweenKinds() {
    assertEquals(-1.0, ((FloatValue) apply("arith.sitofp", Map.of(), FloatType.F32,
        new IntValue(IntegerType.I1, 1))).value(), "i1 true is -1 when signed");
    assertEquals(1.0, ((FloatValue) apply("arith.uitofp", Map.of(), FloatType.F32,
        new IntValue(IntegerType.I1, 1))).value());
    assertEquals((double) (float) 16777217L, ((FloatValue) apply("arith.sitofp", Map.of(),
        FloatType.F32, new IntValue(IntegerType.I64, 16777217L))).value());
    assertEquals(-3, ((IntValue) apply("arith.fptosi", Map.of(), IntegerType.I32,
        new FloatValue(FloatType.F32, -3.75))).value());
    assertThrows(InterpreterException.class, () -> apply("arith.fptosi", Map.of(),
        IntegerType.I8, new FloatValue(FloatType.F32, 300.0)));
    assertEquals(-56, ((IntValue) apply("arith.index_cast", Map.of(), IntegerType.I8,
        new IntValue(IndexType.INSTANCE, 200))).value());
    assertEquals(-1, ((IntValue) apply("arith.index_cast", Map.of(), IndexType.INSTANCE,
        new IntValue(IntegerType.I32, -1))).value());
    assertEquals(0xFFFFFFFFL, ((IntValue) apply("arith.index_castui", Map.of(),
        IndexType.INSTANCE, new IntValue(IntegerType.I32, -1))).value());
    assertEquals(255, ((IntValue) apply("arith.extui", Map.of(), IntegerType.I32,
        new IntValue(IntegerType.I8, -1))).value());
    assertEquals(-1, ((IntValue) apply("arith.extsi", Map.of(), IntegerType.I32,
        new IntValue(IntegerType.I1, 1))).value());
    assertEquals(0x34, ((IntValue) apply("arith.trunci", Map.of(), IntegerType.I8,
        new IntValue(IntegerType.I32, 0x1234))).value());
    assertEquals((double) 0.1f, ((FloatValue) apply("arith.truncf", Map.of(), FloatType.F32,
        new FloatValue(FloatType.F64, 0.1))).value());
    assertEquals(0x3F800000L, ((IntValue) apply("arith.bitcast", Map.of(), IntegerType.I32,
        new FloatValue(FloatType.F32, 1.0))).value());
  }

  @Test
  void selectPicksByCondition() {
    var fn = func("f", List.of(IntegerType.I1, FloatType.F32, FloatType.F32),
        List.of(FloatType.F32), b -> List.of(op(b, "arith.select", FloatType.F32,
            b.arguments().get(0), b.arguments().get(1), b.arguments().get(2))));
    Interpreter in = new Interpreter(module(fn));
    assertEquals(new FloatValue(FloatType.F32, 2), in.call("f", List.of(
        new IntValue(IntegerType.I1, 1), new FloatValue(FloatType.F32, 2),
        new FloatValue(FloatType.F32, 3))).get(0));
    assertEquals(new FloatValue(FloatType.F32, 3), in.call("f", List.of(
        new IntValue(IntegerType.I1, 0), new FloatValue(FloatType.F32, 2),
        new FloatValue(FloatType.F32, 3))).get(0));
  }
}
