// Verifier errors on affine and memref text: same line, column and message as mlir-opt-22.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.text.Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AffineVerifierTextTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("""
            func.func @f(%A: memref<16xf32>) {
              affine.for %i = 0 to 4 {
                %x = arith.addi %i, %i : index
                %v = affine.load %A[%x] : memref<16xf32>
              }
              return
            }
            """, "4:10: error: 'affine.load' op operand cannot be used as a dimension id"),
        Arguments.of("""
            func.func @f(%A: memref<16xf32>) {
              affine.for %i = 0 to 4 {
                %v = affine.load %A[symbol(%i)] : memref<16xf32>
              }
              return
            }
            """, "3:10: error: 'affine.load' op operand cannot be used as a symbol"),
        Arguments.of("""
            func.func @f(%A: memref<16xf32>, %v: f32) {
              affine.for %i = 0 to 4 {
                %x = arith.addi %i, %i : index
                affine.store %v, %A[%x] : memref<16xf32>
              }
              return
            }
            """, "4:5: error: 'affine.store' op operand cannot be used as a dimension id"),
        Arguments.of("""
            func.func @f() {
              affine.for %i = 0 to 4 {
                affine.for %j = 0 to affine_map<()[s0] -> (s0)>()[%i] {
                }
              }
              return
            }
            """, "3:5: error: 'affine.for' op operand cannot be used as a symbol"),
        Arguments.of("""
            func.func @f(%x: f32) {
              %r = affine.for %i = 0 to 4 iter_args(%a = %x) -> (f32) {
                affine.yield %i : index
              }
              return
            }
            """, "3:5: error: 'affine.yield' op types mismatch between yield op and its parent"),
        Arguments.of("""
            func.func @f(%A: memref<16xf32>, %n: index) {
              affine.for %i = 0 to 4 {
                %m = affine.min affine_map<(d0)[s0] -> (d0 + 4, s0)>(%i)[%n]
                %v = affine.load %A[%m] : memref<16xf32>
              }
              return
            }
            """, "4:10: error: 'affine.load' op operand cannot be used as a dimension id"),
        Arguments.of("""
            func.func @f(%A: memref<16xf32>) {
              affine.for %i = 0 to 4 {
                %x = arith.addi %i, %i : index
                affine.if affine_set<(d0) : (d0 >= 0)>(%x) {
                }
              }
              return
            }
            """, "4:5: error: 'affine.if' op operand cannot be used as a dimension id"),
        Arguments.of("""
            func.func @f() {
              %w = memref.get_global @v : memref<4xf32>
              return
            }
            """, "2:8: error: 'memref.get_global' op 'v' does not reference a valid global memref"),
        Arguments.of("""
            memref.global "private" constant @v : memref<4xf32> = dense<1.0>
            func.func @f() {
              %w = memref.get_global @v : memref<8xf32>
              return
            }
            """, "3:8: error: 'memref.get_global' op result type 'memref<8xf32>' does not match "
                + "type 'memref<4xf32>' of the global memref @v"),
        Arguments.of("""
            func.func @f(%n: index) {
              %a = memref.alloc() : memref<?xf32>
              return
            }
            """,
            "2:8: error: 'memref.alloc' op incorrect number of dynamic sizes, has 0, expected 1"),
        Arguments.of("""
            func.func @f(%n: index) {
              %a = memref.alloca()[%n] : memref<4xf32>
              return
            }
            """, "2:8: error: 'memref.alloca' op symbol operand count does not equal memref "
                + "symbol count: expected 0, got 1"));
  }

  /** Errors raised while parsing the custom forms, located and worded as mlir-opt-22 does. */
  static Stream<Arguments> parseCases() {
    return Stream.of(
        Arguments.of("""
            func.func @f(%A: memref<4x8xf32>) {
              affine.for %i = 0 to 4 {
                %v = affine.load %A[%i] : memref<4x8xf32>
              }
              return
            }
            """, "3:10: error: 'affine.load' op affine map num results must equal memref rank"),
        Arguments.of("""
            func.func @f(%n: index) {
              affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0)>(%n) {
              }
              return
            }
            """, "2:3: error: custom op 'affine.if' symbol operand count and integer set symbol "
                + "count must match"),
        Arguments.of("""
            func.func @f(%n: index) {
              affine.if affine_set<(d0, d1) : (d0 - d1 >= 0)>(%n) {
              }
              return
            }
            """, "2:3: error: custom op 'affine.if' dim operand count and integer set dim count "
                + "must match"),
        Arguments.of("""
            func.func @f(%x: f32) {
              %r:2 = affine.for %i = 0 to 4 iter_args(%a = %x) -> (f32, f32) {
                affine.yield %a : f32
              }
              return
            }
            """, "2:10: error: custom op 'affine.for' mismatch between the number of loop-carried "
                + "values and results"),
        Arguments.of("""
            func.func @f() {
              affine.for %i = 0 to 4 step -1 {
              }
              return
            }
            """, "2:31: error: custom op 'affine.for' expected step to be representable as a "
                + "positive signed integer"),
        Arguments.of("""
            func.func @f(%A: memref<4xf32>) {
              %v = memref.load %A[] : memref<4xf32>
              return
            }
            """, "2:8: error: 'memref.load' op incorrect number of indices for load, expected 1 "
                + "but got 0"));
  }

  @ParameterizedTest
  @MethodSource("parseCases")
  void parseErrorsMatchMlirOpt(String text, String expected) throws Exception {
    firstDiagnosticMatchesMlirOpt(text, expected);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void firstDiagnosticMatchesMlirOpt(String text, String expected) throws Exception {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Parser.parseModule(text, "t.mlir"));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(expected, d.location().line() + ":" + d.location().column() + ": error: "
        + d.message());
    if (Files.isExecutable(SyntaxRoundTrip.MLIR_OPT)) {
      assertEquals(expected, mlirOptFirstError(text));
    }
  }

  /** The first {@code line:col: error: message} mlir-opt-22 reports for {@code text}. */
  private static String mlirOptFirstError(String text) throws Exception {
    Path in = Files.createTempFile("colt-verify", ".mlir");
    try {
      Files.writeString(in, text);
      Process p = new ProcessBuilder(List.of(SyntaxRoundTrip.MLIR_OPT.toString(), in.toString()))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      String first = out.lines().filter(l -> l.contains(": error: ")).findFirst()
          .orElse("(no error) " + out);
      return first.substring(first.indexOf(in.getFileName().toString())
          + in.getFileName().toString().length() + 1);
    } finally {
      Files.deleteIfExists(in);
    }
  }
}
