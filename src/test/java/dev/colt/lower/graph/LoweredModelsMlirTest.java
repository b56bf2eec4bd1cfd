// Differential test: lowered model blocks give the same checksums in the interpreter and via mlir-opt-22 + clang-22.
package dev.colt.lower.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import dev.colt.testing.MlirClangReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each testdata/models block, lowered by lower-graph-to-affine and printed, is accepted by
 * mlir-opt-22; compiled through MLIR's own lowering and clang-22 it gives the checksums the
 * reference interpreter gives on pattern inputs. Skipped (visibly) without the MLIR tools.
 */
class LoweredModelsMlirTest {
  @TestFactory
  Stream<DynamicTest> loweredBlocksAgreeWithMlir() {
    return ModelBlocks.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Assumptions.assumeTrue(MlirClangReference.available(), "mlir-opt-22/clang-22 not installed");
      Operation graph = Parser.parseModule(Files.readString(Path.of("testdata/models",
          name + ".mlir")), name + ".mlir");
      Operation lowered = GraphToAffine.lowerModule(graph);
      String fn = ((Attribute.StringAttr) GraphRunner.function(graph).attr("sym_name")).value();
      Path file = Files.createTempFile("colt-" + name, ".mlir");
      try {
        Files.writeString(file, Printer.print(lowered));
        List<String> expected = MlirClangReference.checksums(file, fn);
        List<String> actual = Checksums.lines(Interpreter.runWithPatternInputs(lowered, fn));
        assertEquals(List.of(), Checksums.differences(expected, actual, 1e-4));
      } finally {
        Files.deleteIfExists(file);
      }
    }));
  }
}
