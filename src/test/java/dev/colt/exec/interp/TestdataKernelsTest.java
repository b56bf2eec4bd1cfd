// Runs every testdata kernel in the interpreter and checks its checksums against mlir-opt-22 + clang-22.
package dev.colt.exec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.Attribute;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.testing.MlirClangReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TestdataKernelsTest {
  private static final Path KERNELS = Path.of("testdata", "kernels").toAbsolutePath();

  /** Every (file, function with a body) pair of testdata/kernels. */
  private static List<Object[]> kernels() throws IOException {
    List<Object[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(KERNELS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".mlir")).sorted().toList()) {
        Operation module = Parser.parseModule(Files.readString(p), p.toString());
        for (Operation op : ModuleOp.body(module)) {
          if (op.is("func.func") && !op.regions().isEmpty()
              && !op.region(0).blocks().isEmpty()) {
            out.add(new Object[] {p, module,
                ((Attribute.StringAttr) op.attr("sym_name")).value()});
          }
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyKernelRunsAndWritesFiniteResults() throws IOException {
    List<Object[]> all = kernels();
    assertTrue(all.size() >= 8, "testdata/kernels has the issue's kernels");
    return all.stream().map(k -> DynamicTest.dynamicTest(k[0] + " @" + k[2], () -> {
      List<RuntimeValue> args = Interpreter.runWithPatternInputs((Operation) k[1],
          (String) k[2]);
      List<Checksums.Checksum> sums = Checksums.of(args);
      assertFalse(sums.isEmpty(), "kernel has memref arguments");
      for (Checksums.Checksum c : sums) {
        assertTrue(Double.isFinite(c.sum()) && c.abs() > 0, c.format());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> checksumsMatchMlirOptAndClang() throws IOException {
    List<Object[]> all = kernels();
    return all.stream().map(k -> DynamicTest.dynamicTest(k[0] + " @" + k[2], () -> {
      assumeTrue(MlirClangReference.available(), "mlir-opt-22/clang-22 not installed");
      List<String> expected = MlirClangReference.checksums((Path) k[0], (String) k[2]);
      List<String> actual = Checksums.lines(Interpreter.runWithPatternInputs((Operation) k[1],
          (String) k[2]));
      assertEquals(List.of(), Checksums.differences(expected, actual, 1e-5),
          "reference " + expected + " vs interpreter " + actual);
    }));
  }
}
