// Round trips of every affine op's custom form, as mlir-opt-22 prints it.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AffineSyntaxTest {
  @ParameterizedTest
  @ValueSource(strings = {"affine_for.mlir", "affine_if.mlir", "affine_access.mlir"})
  void roundTripsLikeMlirOpt(String file) throws Exception {
    SyntaxRoundTrip.check(SyntaxRoundTrip.resource(file));
  }

  @Test
  void implicitYieldIsOmittedAndRestored() {
    String text = """
        func.func @f() {
          affine.for %arg0 = 0 to 4 {
            affine.yield
          }
          return
        }
        """;
    String printed = SyntaxRoundTrip.reprint(text);
    assertTrue(printed.contains("affine.for %arg0 = 0 to 4 {\n    }\n"), printed);
    assertTrue(!printed.contains("affine.yield"), printed);
  }

  @Test
  void loopFormsPrintAsMlirOptDoes() {
    String printed = SyntaxRoundTrip.reprint("""
        func.func @f(%A: memref<4x8xf32>, %n: index, %x: f32) -> f32 {
          affine.for %i = 0 to 512 step 4 {
            affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0)[s0] -> (d0 + 8, s0)>(%i)[%n] {
              %v = affine.load %A[%i + 1, %j] : memref<4x8xf32>
              affine.store %v, %A[%i, %j] : memref<4x8xf32>
            }
          }
          %r = affine.for %i = 0 to 10 iter_args(%acc = %x) -> (f32) {
            affine.yield %acc : f32
          }
          return %r : f32
        }
        """);
    assertTrue(printed.contains("affine.for %arg3 = 0 to 512 step 4 {"), printed);
    assertTrue(printed.contains("affine.for %arg4 = #map(%arg3) to min #map1(%arg3)[%arg1] {"),
        printed);
    assertTrue(printed.contains("= affine.load %arg0[%arg3 + 1, %arg4] : memref<4x8xf32>"),
        printed);
    assertTrue(printed.contains("= affine.for %arg3 = 0 to 10 iter_args(%arg4 = %arg2) -> (f32) {"),
        printed);
  }
}
