// Unit tests for the IR parser: structure of parsed modules and located errors.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.func.FuncOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.TensorType;
import dev.colt.ir.VectorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  static Operation parse(String s) {
    return Parser.parseModule(s, "t.mlir");
  }

  /** The first diagnostic of parsing {@code s}, which must fail. */
  static Diagnostic failure(String s) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> parse(s));
    return e.diagnostics().get(0);
  }

  static void assertAt(Diagnostic d, int line, int column, String messagePart) {
    assertEquals(line + ":" + column, d.location().line() + ":" + d.location().column(),
        "location of: " + d.message());
    assertTrue(d.message().contains(messagePart), d.message());
  }

  @Test
  void bareTopLevelOpsAreWrappedInAModule() {
    Operation m = parse("func.func private @g(f32) -> f32\nfunc.func private @h()\n");
    assertEquals(ModuleOp.NAME, m.name());
    assertEquals(2, ModuleOp.body(m).size());
    assertEquals(new FunctionType(List.of(FloatType.F32), List.of(FloatType.F32)),
        FuncOp.functionType(FuncOp.lookup(m, "g")));
  }

  @Test
  void explicitModuleWithAttributes() {
    Operation m = parse("module attributes {a = 1 : i32} {\n}\n");
    assertEquals(new Attribute.IntegerAttr(1, IntegerType.I32), m.attr("a"));
    assertTrue(ModuleOp.body(m).isEmpty());
  }

  @Test
  void functionArgumentsBindToBlockArguments() {
    Operation m = parse("""
        func.func @id(%a: f32, %b: index) -> f32 {
          return %a : f32
        }
        """);
    Operation f = FuncOp.lookup(m, "id");
    Operation ret = f.body().operations().get(0);
    assertSame(f.body().arguments().get(0), ret.operand(0));
    assertEquals(IndexType.INSTANCE, f.body().arguments().get(1).type());
  }

  @Test
  void genericFormWithPropertiesRegionsAndResultGroups() {
    Operation m = parse("""
        func.func @f(%n: index) {
          %p:2 = "test.two_results"(%n) <{k = 1 : index}> {d = "x"} : (index) -> (f32, i32)
          "test.loop"(%p#1) ({
          ^bb0(%i: index):
            "test.op"(%i, %p#0) : (index, f32) -> ()
            "test.yield"() : () -> ()
          }) : (i32) -> ()
          return
        }
        """);
    List<Operation> ops = FuncOp.lookup(m, "f").body().operations();
    Operation two = ops.get(0);
    assertEquals(2, two.results().size());
    assertEquals(Attribute.index(1), two.attr("k"), "properties land in the attributes");
    assertEquals(new Attribute.StringAttr("x"), two.attr("d"));
    Operation loop = ops.get(1);
    assertSame(two.result(1), loop.operand(0));
    Operation inner = loop.body().operations().get(0);
    assertSame(loop.body().arguments().get(0), inner.operand(0));
    assertSame(two.result(0), inner.operand(1));
  }

  @Test
  void typesOfEveryKind() {
    Operation m = parse("""
        func.func private @t(f16, f32, f64, i1, i8, i64, index, none, memref<4x?xf32>,
            vector<8xf32>, tensor<2x3xi32>, (i32) -> f32, memref<f32>, vector<2x4xindex>)
        """);
    FunctionType ft = FuncOp.functionType(ModuleOp.body(m).get(0));
    assertEquals(new MemRefType(List.of(4L, ShapedType.DYNAMIC), FloatType.F32),
        ft.inputs().get(8));
    assertEquals(VectorType.of(FloatType.F32, 8), ft.inputs().get(9));
    assertEquals(TensorType.of(IntegerType.I32, 2, 3), ft.inputs().get(10));
    assertEquals(new FunctionType(List.of(IntegerType.I32), List.of(FloatType.F32)),
        ft.inputs().get(11));
    assertEquals(MemRefType.of(FloatType.F32), ft.inputs().get(12));
    assertEquals(VectorType.of(IndexType.INSTANCE, 2, 4), ft.inputs().get(13));
  }

  private static Attribute attr(String text) {
    Operation m = parse("\"test.op\"() {a = " + text + "} : () -> ()\n");
    return ModuleOp.body(m).get(0).attr("a");
  }

  @Test
  void attributesOfEveryKind() {
    assertEquals(Attribute.i64(-5), attr("-5"));
    assertEquals(new Attribute.IntegerAttr(7, IntegerType.I8), attr("7 : i8"));
    assertEquals(new Attribute.IntegerAttr(1, IntegerType.I1), attr("true"));
    assertEquals(new Attribute.FloatAttr(1.5, FloatType.F64), attr("1.5"));
    assertEquals(new Attribute.FloatAttr(1.0, FloatType.F32), attr("0x3F800000 : f32"));
    assertEquals(new Attribute.FloatAttr((float) 0.1, FloatType.F32), attr("0.1 : f32"));
    assertEquals(new Attribute.StringAttr("q\"\n"), attr("\"q\\\"\\n\""));
    assertEquals(new Attribute.TypeAttr(FloatType.F16), attr("f16"));
    assertEquals(new Attribute.SymbolRefAttr("foo"), attr("@foo"));
    assertEquals(Attribute.UnitAttr.INSTANCE, attr("unit"));
    assertEquals(Attribute.DenseArrayAttr.i32(1, 2), attr("array<i32: 1, 2>"));
    assertEquals(new Attribute.ArrayAttr(List.of(Attribute.i64(1), new Attribute.StringAttr("s"))),
        attr("[1, \"s\"]"));
    assertEquals(Attribute.DictionaryAttr.of(java.util.Map.of("x", Attribute.i64(2),
        "u", Attribute.UnitAttr.INSTANCE)), attr("{x = 2, u}"));
    assertEquals(new Attribute.DenseElementsAttr(VectorType.of(FloatType.F32, 4),
        new double[] {0.0}), attr("dense<0.0> : vector<4xf32>"));
    assertEquals(new Attribute.DenseElementsAttr(TensorType.of(IntegerType.I32, 2, 2),
        new double[] {1, 2, 3, -4}), attr("dense<[[1, 2], [3, -4]]> : tensor<2x2xi32>"));
    assertEquals(new Attribute.AffineMapAttr(AffineMap.of(2, 1,
        AffineExpr.add(AffineExpr.dim(0), AffineExpr.mul(AffineExpr.symbol(0),
            AffineExpr.constant(2))), AffineExpr.floorDiv(AffineExpr.dim(1),
            AffineExpr.constant(4)))), attr("affine_map<(i, j)[n] -> (i + n * 2, j floordiv 4)>"));
    assertInstanceOf(Attribute.IntegerSetAttr.class,
        attr("affine_set<(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0, d0 mod 2 == 0)>"));
  }

  @Test
  void aliasesAndLocationsAreResolvedAndSkipped() {
    Operation m = parse("""
        #map = affine_map<(d0) -> (d0 + 1)>
        #loc = loc("x.py":3:4)
        "test.op"() {m = #map} : () -> () loc(#loc)
        """);
    assertEquals(new Attribute.AffineMapAttr(AffineMap.of(1, 0, AffineExpr.dim(0).plus(1))),
        ModuleOp.body(m).get(0).attr("m"));
  }

  @Test
  void returnAndCallWithAndWithoutDialectPrefix() {
    Operation m = parse("""
        func.func private @g(f32) -> f32
        func.func @f(%a: f32) -> f32 {
          %0 = call @g(%a) : (f32) -> f32
          %1 = func.call @g(%0) : (f32) -> f32
          func.return %1 : f32
        }
        """);
    List<Operation> ops = FuncOp.lookup(m, "f").body().operations();
    assertEquals("func.call", ops.get(0).name());
    assertEquals("func.call", ops.get(1).name());
    assertEquals("func.return", ops.get(2).name());
  }

  @Test
  void namesInSiblingRegionsMayRepeat() {
    parse("""
        func.func @f(%n: index) {
          "test.loop"() ({
            %x = "test.op"() : () -> f32
            "test.yield"() : () -> ()
          }) : () -> ()
          "test.loop"() ({
            %x = "test.op"() : () -> i32
            "test.yield"() : () -> ()
          }) : () -> ()
          %x = "test.op"() : () -> index
          return
        }
        """);
  }

  // Located errors ------------------------------------------------------------------------------

  @Test
  void undefinedValue() {
    Diagnostic d = failure("""
        func.func @f(%a: f32) -> f32 {
          return %b : f32
        }
        """);
    assertAt(d, 2, 10, "use of undeclared SSA value name '%b'");
  }

  @Test
  void typeMismatchInGenericForm() {
    Diagnostic d = failure("""
        func.func @f(%a: f32) {
          %0 = "test.op"(%a) : (i32) -> f32
          return
        }
        """);
    assertAt(d, 2, 18, "expects different type than prior uses: 'i32' vs 'f32'");
  }

  @Test
  void badMapUndeclaredDimension() {
    Diagnostic d = failure("#m = affine_map<(d0) -> (d0 + d1)>\n");
    assertAt(d, 1, 31, "use of undeclared identifier 'd1'");
  }

  @Test
  void badMapNonAffineProduct() {
    Diagnostic d = failure("#m = affine_map<(d0, d1) -> (d0 * d1)>\n");
    assertAt(d, 1, 33, "non-affine expression");
  }

  @Test
  void badMapNonConstantDivisor() {
    Diagnostic d = failure("#m = affine_map<(d0, d1) -> (d0 floordiv d1)>\n");
    assertAt(d, 1, 42, "right operand of floordiv has to be a constant");
  }

  @Test
  void unterminatedRegionAtEndOfFile() {
    Diagnostic d = failure("""
        func.func @f() {
          "test.loop"() ({
            "test.yield"() : () -> ()
        """);
    assertAt(d, 2, 18, "unterminated region");
  }

  @Test
  void unknownOperation() {
    Diagnostic d = failure("""
        func.func @f() {
          foo.bar
          return
        }
        """);
    assertAt(d, 2, 3, "'foo.bar' is not a registered operation");
    Diagnostic g = failure("\"foo.baz\"() : () -> ()\n");
    assertAt(g, 1, 1, "'foo.baz' is not a registered operation");
  }

  @Test
  void redefinitionOfAVisibleName() {
    Diagnostic d = failure("""
        func.func @f(%a: f32) {
          "test.loop"() ({
            %a = "test.op"() : () -> f32
            "test.yield"() : () -> ()
          }) : () -> ()
          return
        }
        """);
    assertAt(d, 3, 5, "redefinition of SSA value '%a'");
  }

  @Test
  void isolatedRegionsDoNotSeeOuterValues() {
    Diagnostic d = failure("""
        %x = "test.op"() : () -> f32
        "test.isolated"() ({
          "test.op"(%x) : (f32) -> ()
        }) : () -> ()
        """);
    assertAt(d, 3, 13, "defined outside the isolated region of 'test.isolated'");
  }

  @Test
  void resultCountMismatch() {
    Diagnostic d = failure("%a, %b = \"test.op\"() : () -> f32\n");
    assertAt(d, 1, 1, "operation defines 1 results but was provided 2 to bind");
  }

  @Test
  void verifierErrorsAreReportedAtTheOp() {
    Diagnostic d = failure("""
        func.func @f() -> f32 {
          return
        }
        """);
    assertAt(d, 2, 3, "'func.return' op has no operands but the enclosing function (@f) returns");
  }

  @Test
  void opsAreLocatedAtTheirNameLikeMlir() {
    Diagnostic d = failure("func.func @f() {\n  %p = \"test.two_results\"() : () -> f32\n  return\n}\n");
    assertAt(d, 2, 8, "'test.two_results' op expects two results, got 1");
  }

  @Test
  void integerLiteralForFloatIsRejected() {
    Diagnostic d = failure("\"test.op\"() {a = 1 : f32} : () -> ()\n");
    assertAt(d, 1, 18, "unexpected decimal integer literal for a floating point value");
  }

  @Test
  void missingTypeInDense() {
    Diagnostic d = failure("\"test.op\"() {a = dense<1.0>} : () -> ()\n");
    assertAt(d, 1, 28, "expected ':'");
  }

  @Test
  void denseShapeMismatch() {
    Diagnostic d = failure("\"test.op\"() {a = dense<[1, 2, 3]> : vector<2xi32>} : () -> ()\n");
    assertAt(d, 1, 24, "expected 2 elements in dimension 0, got 3");
  }

  @Test
  void emptyInputIsAnEmptyModule() {
    Operation m = parse("// nothing here\n");
    assertFalse(m.regions().isEmpty());
    assertTrue(ModuleOp.body(m).isEmpty());
  }

  // Affine services used by custom forms (through the affine dialect) --------------------------

  @Test
  void mapApplicationOperandCountIsChecked() {
    Diagnostic d = failure("""
        #m = affine_map<(d0) -> (d0)>
        func.func @f(%n: index) {
          affine.for %i = #m(%n, %n) to 10 {
          }
          return
        }
        """);
    assertAt(d, 3, 19, "dim operand count and affine map dim count must match (2 vs 1)");
  }

  @Test
  void multiResultBoundNeedsMaxOrMin() {
    Diagnostic d = failure("""
        func.func @f(%n: index) {
          affine.for %i = affine_map<(d0) -> (d0, 0)>(%n) to 10 {
          }
          return
        }
        """);
    assertAt(d, 2, 19, "requires the 'max' prefix");
  }

  @Test
  void nonAffineSubscriptIsLocatedAtTheOperator() {
    Diagnostic d = failure("""
        func.func @f(%A: memref<8x8xf32>, %n: index) {
          affine.for %i = 0 to 8 {
            %v = affine.load %A[%i * %i, symbol(%n)] : memref<8x8xf32>
          }
          return
        }
        """);
    assertAt(d, 3, 28, "non-affine expression");
  }

  @Test
  void subscriptsWithSymbolsAndBoundsWithMinMax() {
    Operation m = parse("""
        func.func @f(%A: memref<8x8xf32>, %n: index) {
          affine.for %i = 0 to 8 {
            %v = affine.load %A[%i floordiv 2, symbol(%n) + %i - 1] : memref<8x8xf32>
            affine.for %j = max affine_map<(d0)[s0] -> (d0, s0 - 3)>(%i)[%n] to min affine_map<()[s0] -> (s0, 8)>()[%n] step 2 {
              affine.store %v, %A[%j, -%i + 7] : memref<8x8xf32>
            }
          }
          return
        }
        """);
    Operation outer = FuncOp.lookup(m, "f").body().operations().get(0);
    Operation load = outer.body().operations().get(0);
    Operation iv = outer;
    assertEquals(new Attribute.AffineMapAttr(AffineMap.of(1, 1,
        AffineExpr.floorDiv(AffineExpr.dim(0), AffineExpr.constant(2)),
        AffineExpr.add(AffineExpr.dim(0), AffineExpr.symbol(0)).plus(-1))), load.attr("map"));
    assertSame(iv.body().arguments().get(0), load.operand(1), "dims first");
    assertSame(FuncOp.lookup(m, "f").body().arguments().get(1), load.operand(2), "then symbols");
    assertEquals("""
        #map = affine_map<(d0)[s0] -> (d0, s0 - 3)>
        #map1 = affine_map<()[s0] -> (s0, 8)>
        module {
          func.func @f(%arg0: memref<8x8xf32>, %arg1: index) {
            affine.for %arg2 = 0 to 8 {
              %0 = affine.load %arg0[%arg2 floordiv 2, %arg2 + symbol(%arg1) - 1] : memref<8x8xf32>
              affine.for %arg3 = max #map(%arg2)[%arg1] to min #map1()[%arg1] step 2 {
                affine.store %0, %arg0[%arg3, -%arg2 + 7] : memref<8x8xf32>
              }
            }
            return
          }
        }
        """, Printer.print(m));
  }
}
