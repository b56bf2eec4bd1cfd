// Checks the MLIR/clang oracle itself on a kernel whose checksums are known in closed form.
package dev.colt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlirClangReferenceTest {
  @Test
  void copyKernelChecksumsMatchThePatternFormula() throws Exception {
    assumeTrue(MlirClangReference.available(), "mlir-opt-22/clang-22 not installed");
    Path f = Files.createTempFile("copy", ".mlir");
    Files.writeString(f, """
        func.func @copy(%a: memref<10xf32>, %b: memref<10xf32>) {
          affine.for %i = 0 to 10 {
            %v = affine.load %a[%i] : memref<10xf32>
            affine.store %v, %b[%i] : memref<10xf32>
          }
          return
        }
        """);
    List<String> lines = MlirClangReference.checksums(f, "copy");
    double sum = 0;
    double abs = 0;
    for (int i = 0; i < 10; i++) {
      double v = (((i * 7 + 0 * 13) % 17) - 8) / 8.0;
      sum += v;
      abs += Math.abs(v);
    }
    String expected = String.format("sum=%.6e abs=%.6e", sum, abs);
    assertEquals(List.of("arg0 " + expected, "arg1 " + expected), lines);
    Files.delete(f);
  }
}
