// canonicalize and cse on every testdata kernel: the result verifies and computes the same checksums.
package dev.colt.transform.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Attribute;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CleanupOnKernelsTest {
  @TestFactory
  Stream<DynamicTest> cleanupPreservesResults() throws IOException {
    List<Path> kernels;
    try (Stream<Path> files = Files.list(Path.of("testdata", "kernels"))) {
      kernels = files.filter(f -> f.toString().endsWith(".mlir")).sorted().toList();
    }
    PassManager pm = new PassManager(PipelineParser.parse(
        "builtin.module(func.func(canonicalize,cse))", "<p>", PassRegistry.global()),
        PassManager.Config.of(Verifier::verify));
    return kernels.stream().map(k -> DynamicTest.dynamicTest(k.getFileName().toString(), () -> {
      Operation before = Parser.parseModule(Files.readString(k), k.toString());
      Operation after = pm.run(before);
      // Printing and re-parsing the result must work too (the text is what users see).
      Parser.parseModule(Printer.print(after), "after");
      for (Operation fn : ModuleOp.body(before)) {
        if (!fn.is("func.func")) {
          continue;
        }
        String name = ((Attribute.StringAttr) fn.attr("sym_name")).value();
        assertEquals(Checksums.lines(Interpreter.runWithPatternInputs(before, name)),
            Checksums.lines(Interpreter.runWithPatternInputs(after, name)), k + " @" + name);
      }
    }));
  }
}
