// Tests of the small FileCheck: each directive kind passing and failing, captures, regexes.
package dev.colt.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileCheckTest {
  private static final String INPUT = """
      func.func @f(%arg0: memref<8xf32>) {
        %c0 = arith.constant 0 : index
        %0 = affine.load %arg0[%c0] : memref<8xf32>
        affine.store %0, %arg0[3] : memref<8xf32>
        return
      }

      func.func @g() {
        %cst = arith.constant 1.000000e+00 : f32
        return
      }
      """;

  private static String run(String checks) {
    return FileCheck.check(checks, "t.mlir", INPUT, "CHECK");
  }

  private static void passes(String checks) {
    assertNull(run(checks), checks);
  }

  private static String fails(String checks, String expectedPart) {
    String report = run(checks);
    assertNotNull(report, "expected a failure for:\n" + checks);
    assertTrue(report.contains(expectedPart), report);
    return report;
  }

  @Test
  void plainChecksMatchInOrder() {
    passes("// CHECK: func.func @f\n// CHECK: affine.load\n// CHECK: return");
    fails("// CHECK: return\n// CHECK: affine.load", "expected string not found in input");
  }

  @Test
  void whitespaceRunsAreFlexible() {
    passes("// CHECK: %c0   =  arith.constant\t0 : index");
    fails("// CHECK: %c0=arith.constant", "expected string not found");
  }

  @Test
  void nextAndSameConstrainLines() {
    passes("// CHECK: arith.constant 0\n// CHECK-NEXT: affine.load\n// CHECK-SAME: memref<8xf32>");
    fails("// CHECK: arith.constant 0\n// CHECK-NEXT: affine.store",
        "is not on the line after the previous match");
    fails("// CHECK: affine.load\n// CHECK-SAME: affine.store",
        "CHECK-SAME: is not on the same line");
    fails("// CHECK: affine.load\n// CHECK-SAME: no-such-text", "expected string not found");
    fails("// CHECK: arith.constant 0\n// CHECK-SAME: affine.load",
        "is not on the same line");
  }

  @Test
  void emptyChecksTheNextLine() {
    passes("// CHECK: }\n// CHECK-EMPTY:\n// CHECK-NEXT: func.func @g");
    fails("// CHECK: return\n// CHECK-EMPTY:", "expected an empty line");
  }

  @Test
  void notExcludesBetweenMatches() {
    passes("// CHECK-LABEL: @g\n// CHECK-NOT: affine.load\n// CHECK: return");
    fails("// CHECK: @f\n// CHECK-NOT: affine.load\n// CHECK: return",
        "CHECK-NOT: excluded string found in input");
    fails("// CHECK: @g\n// CHECK-NOT: return", "excluded string found");
  }

  @Test
  void dagMatchesInAnyOrderWithoutOverlap() {
    passes("// CHECK-DAG: affine.store\n// CHECK-DAG: affine.load\n// CHECK: return");
    passes("// CHECK-DAG: memref<8xf32>\n// CHECK-DAG: memref<8xf32>\n"
        + "// CHECK-DAG: memref<8xf32>");
    fails("// CHECK-DAG: memref<8xf32>\n// CHECK-DAG: memref<8xf32>\n"
        + "// CHECK-DAG: memref<8xf32>\n// CHECK-DAG: memref<8xf32>",
        "CHECK-DAG: expected string not found");
    fails("// CHECK: return\n// CHECK-DAG: affine.load", "expected string not found");
  }

  @Test
  void labelsConfineChecksToTheirBlock() {
    passes("// CHECK-LABEL: @f\n// CHECK: affine.load\n// CHECK-LABEL: @g\n// CHECK: arith.constant");
    // The float constant lives in @g; it must not be found while checking @f's block.
    fails("// CHECK-LABEL: @f\n// CHECK: 1.000000e+00\n// CHECK-LABEL: @g",
        "expected string not found");
    fails("// CHECK-LABEL: @h", "CHECK-LABEL: expected string not found");
  }

  @Test
  void regexesAndCaptures() {
    passes("// CHECK: [[C:%[a-z0-9]+]] = arith.constant 0\n"
        + "// CHECK: affine.load %arg0{{\\[}}[[C]]]");
    passes("// CHECK: %{{[0-9]+}} = affine.load");
    passes("// CHECK: affine.store [[V:%[0-9]+]], %arg0[3]\n// CHECK-NOT: [[V]] =");
    fails("// CHECK: [[C:%[a-z0-9]+]] = arith.constant 0\n// CHECK: affine.store [[C]]",
        "expected string not found");
    fails("// CHECK: [[UNDEF]]", "uses undefined variable 'UNDEF'");
    fails("// CHECK: {{[a-}}", "invalid regular expression");
  }

  @Test
  void lineVariablesAreTheCheckLinesNumber() {
    assertNull(FileCheck.check("x\n// CHECK: line [[@LINE]] and [[@LINE-1]] and [[@LINE+2]]", "t",
        "line 2 and 1 and 4\n", "CHECK"));
    assertNotNull(FileCheck.check("// CHECK: line [[@LINE]]", "t", "line 2\n", "CHECK"));
  }

  @Test
  void aCaptureCanBeReusedInTheSamePattern() {
    assertNull(FileCheck.check("// CHECK: [[X:[a-z]+]] [[X]]", "t", "ab ab\n", "CHECK"));
    assertNotNull(FileCheck.check("// CHECK: [[X:[a-z]+]] [[X]]x", "t", "ab ab\n", "CHECK"));
  }

  @Test
  void reportNamesTheCheckLineAndTheInputPosition() {
    String report = fails("// CHECK: func.func @g\n// CHECK-NEXT: return", "t.mlir:2:");
    assertTrue(report.contains("CHECK-NEXT: return"), report);
    assertTrue(report.contains("<stdin>:"), report);
  }

  @Test
  void customPrefixesAndMissingDirectives() {
    assertNull(FileCheck.check("// FOO: @g\n// CHECK: nothing-like-this", "t", INPUT, "FOO"));
    assertTrue(FileCheck.check("// RUN: foo", "t", INPUT, "CHECK").contains("no check strings"));
    assertTrue(FileCheck.check("// CHECK:", "t", INPUT, "CHECK").contains("empty check string"));
    assertTrue(FileCheck.check("// CHECK-NEXT: x", "t", INPUT, "CHECK")
        .contains("without a previous"));
  }
}
