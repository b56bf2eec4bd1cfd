// The lowered model blocks run through the LLVM JIT and give the interpreter's checksums.
package dev.colt.lower.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.exec.jit.JitRunner;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each testdata/models block, lowered by lower-graph-to-affine, JIT-compiled (LLVM O3) and run on
 * pattern inputs, gives the checksums of the reference interpreter on the same lowered IR.
 */
class LoweredModelsJitTest {
  @TestFactory
  Stream<DynamicTest> loweredBlocksRunInTheJit() {
    return ModelBlocks.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Operation graph = Parser.parseModule(Files.readString(Path.of("testdata/models",
          name + ".mlir")), name + ".mlir");
      Operation lowered = GraphToAffine.lowerModule(graph);
      String fn = ((Attribute.StringAttr) GraphRunner.function(graph).attr("sym_name")).value();
      List<String> expected = Checksums.lines(Interpreter.runWithPatternInputs(lowered, fn));
      List<String> actual = Checksums.lines(JitRunner.runWithPatternInputs(lowered, fn));
      assertEquals(List.of(), Checksums.differences(expected, actual, 1e-4));
    }));
  }
}
