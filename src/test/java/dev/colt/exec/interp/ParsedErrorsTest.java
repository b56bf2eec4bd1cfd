// Run-time errors in parsed IR point at the source line and column of the failing op.
package dev.colt.exec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.colt.ir.Location;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import org.junit.jupiter.api.Test;

class ParsedErrorsTest {
  @Test
  void outOfBoundsStoreIsLocatedInTheSource() {
    String src = """
        func.func @shift(%a: memref<8xf32>, %b: memref<8xf32>) {
          affine.for %i = 0 to 8 {
            %v = affine.load %a[%i] : memref<8xf32>
            affine.store %v, %b[%i + 1] : memref<8xf32>
          }
          return
        }
        """;
    Operation module = Parser.parseModule(src, "shift.mlir");
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> Interpreter.runWithPatternInputs(module, "shift"));
    Location loc = e.diagnostics().get(0).location();
    assertEquals("shift.mlir", loc.file());
    assertEquals(4, loc.line());
    assertEquals(5, loc.column());
    assertEquals("shift.mlir:4:5: error: 'affine.store' op index 8 is out of bounds [0, 8) in "
        + "dimension 0 of memref<8xf32>", e.getMessage());
  }

  @Test
  void integerDivisionByZeroIsLocatedInTheSource() {
    String src = """
        func.func @div(%a: memref<4xi32>, %k: i32) {
          %zero = arith.constant 0 : i32
          affine.for %i = 0 to 4 {
            %v = affine.load %a[%i] : memref<4xi32>
            %q = arith.divsi %v, %zero : i32
            affine.store %q, %a[%i] : memref<4xi32>
          }
          return
        }
        """;
    Operation module = Parser.parseModule(src, "div.mlir");
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> Interpreter.runWithPatternInputs(module, "div"));
    assertEquals("div.mlir:5:10: error: 'arith.divsi' op integer division by zero",
        e.getMessage());
  }
}
