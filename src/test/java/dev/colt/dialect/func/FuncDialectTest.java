// Tests of the func dialect: builders, accessors, custom syntax and verifier messages.
package dev.colt.dialect.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuncDialectTest {
  private static final FunctionType F_TO_F =
      new FunctionType(List.of(FloatType.F32), List.of(FloatType.F32));

  @Test
  void accessorsOfBuiltAndParsedFunctions() {
    Operation f = FuncOp.create("id", F_TO_F, b -> b.add(ReturnOp.create(b.arguments())));
    Operation m = ModuleOp.create(List.of(f, FuncOp.declare("ext", F_TO_F)));
    assertEquals(List.of(), Verifier.verify(m));
    assertSame(f, FuncOp.lookup(m, "id"));
    assertNull(FuncOp.lookup(m, "missing"));
    assertEquals("id", FuncOp.name(f));
    assertEquals(F_TO_F, FuncOp.functionType(f));
    assertTrue(FuncOp.isDeclaration(FuncOp.lookup(m, "ext")));

    Operation parsed = Parser.parseModule(Printer.print(m), "m.mlir");
    Operation g = FuncOp.lookup(parsed, "id");
    assertEquals(F_TO_F, FuncOp.functionType(g));
    assertSame(FuncOp.arguments(g).get(0), g.body().terminator().operand(0));
  }

  @Test
  void callPrintsAndParsesWithItsCallee() {
    Operation m = Parser.parseModule("""
        func.func private @ext(f32) -> f32
        func.func @f(%x: f32) -> f32 {
          %y = call @ext(%x) {tail} : (f32) -> f32
          return %y : f32
        }
        """, "c.mlir");
    Operation call = FuncOp.lookup(m, "f").body().operations().get(0);
    assertEquals("ext", CallOp.callee(call));
    assertEquals(Attribute.UnitAttr.INSTANCE, call.attr("tail"));
    assertTrue(Printer.print(m).contains("%0 = call @ext(%arg0) {tail} : (f32) -> f32"));
  }

  @Test
  void visibilityAndAttributesRoundTrip() {
    String text = """
        module {
          func.func nested @n() attributes {a = 1 : i32} {
            return
          }
          func.func private @p(index, f32)
        }
        """;
    assertEquals(text, Printer.print(Parser.parseModule(text, "v.mlir")));
  }

  @Test
  void returnTypesMustMatchTheSignature() {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> Parser.parseModule("""
        func.func @f(%x: f32, %i: index) -> f32 {
          return %i : index
        }
        """, "r.mlir"));
    assertEquals("'func.return' op has operand types (index) but the enclosing function (@f)"
        + " returns operand types (f32)", e.diagnostics().get(0).message());
    assertEquals(2, e.diagnostics().get(0).location().line());
  }

  @Test
  void entryArgumentsMustMatchTheFunctionType() {
    Operation bad = FuncOp.create("f", F_TO_F, b -> b.add(ReturnOp.create(b.arguments())))
        .withBody(new Block(List.of(new dev.colt.ir.Value(IndexType.INSTANCE)),
            List.of(ReturnOp.create(List.of()))));
    List<String> ms = Verifier.verify(ModuleOp.create(List.of(bad))).stream()
        .map(d -> d.message()).toList();
    assertTrue(ms.get(0).contains("entry block argument types [index] do not match"), ms.toString());
  }

  @Test
  void publicDeclarationsAreRejected() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Parser.parseModule("func.func @decl(f32)\n", "d.mlir"));
    assertTrue(e.diagnostics().get(0).message().contains("cannot have public visibility"));
  }

  @Test
  void mixedNamedAndUnnamedArgumentsAreLocated() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Parser.parseModule("func.func @f(%a: f32, f32) {\n  return\n}\n", "m.mlir"));
    assertEquals(1, e.diagnostics().get(0).location().line());
    assertEquals(23, e.diagnostics().get(0).location().column());
  }
}
