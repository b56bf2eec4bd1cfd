// Differential tests: interpreter checksums of vector, integer and math kernels vs mlir-opt-22 + clang-22.
package dev.colt.exec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.colt.exec.data.Checksums;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.testing.MlirClangReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DifferentialKernelsTest {
  private static final Path DIR = Path.of("src", "test", "resources", "interp").toAbsolutePath();

  @ParameterizedTest(name = "{0} @{1}")
  @CsvSource({"vector_dot.mlir, vdot", "int_arith.mlir, ints", "math_mixed.mlir, mathmix"})
  void interpreterAgreesWithCompiledMlir(String file, String function) throws Exception {
    Path p = DIR.resolve(file);
    Operation module = Parser.parseModule(Files.readString(p), p.toString());
    List<String> actual = Checksums.lines(Interpreter.runWithPatternInputs(module, function));
    assumeTrue(MlirClangReference.available(), "mlir-opt-22/clang-22 not installed");
    List<String> expected = MlirClangReference.checksums(p, function);
    assertEquals(List.of(), Checksums.differences(expected, actual, 1e-5),
        "reference " + expected + " vs interpreter " + actual);
  }
}
