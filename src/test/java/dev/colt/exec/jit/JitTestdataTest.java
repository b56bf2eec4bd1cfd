// Every testdata kernel: JIT checksums equal the interpreter's and mlir-opt-22 + clang-22's.
package dev.colt.exec.jit;

import static org.junit.jupiter.api.Assertions.*;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Attribute;
import dev.colt.ir.FunctionType;
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

class JitTestdataTest {
  static final double TOLERANCE = 1e-5;

  static List<Path> kernels() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("testdata"))) {
      return files.filter(p -> p.toString().endsWith(".mlir")).sorted().toList();
    }
  }

  /** Public functions of a module with their signatures. */
  static List<Operation> functions(Operation module) {
    List<Operation> out = new ArrayList<>();
    for (Operation op : ModuleOp.body(module)) {
      if (op.is("func.func") && !op.region(0).blocks().isEmpty()
          && !(op.attr("sym_visibility") instanceof Attribute.StringAttr v
              && v.value().equals("private"))) {
        out.add(op);
      }
    }
    return out;
  }

  static String name(Operation f) {
    return ((Attribute.StringAttr) f.attr("sym_name")).value();
  }

  static List<Checksums.Checksum> jit(Operation module, String name) {
    Operation f = functions(module).stream().filter(x -> name(x).equals(name)).findFirst()
        .orElseThrow();
    FunctionType t = (FunctionType) ((Attribute.TypeAttr) f.attr("function_type")).type();
    List<RuntimeValue> args = PatternInputs.forSignature(t);
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      m.function(name).call(args);
    }
    return Checksums.of(args);
  }

  static void assertAgree(List<Checksums.Checksum> expected, List<Checksums.Checksum> actual,
      String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(expected.get(i).agrees(actual.get(i), TOLERANCE), what + ": expected "
          + expected.get(i).format() + " got " + actual.get(i).format());
    }
  }

  @TestFactory
  List<DynamicTest> jitMatchesInterpreter() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : kernels()) {
      Operation module = Parser.parseModule(Files.readString(p), p.toString());
      for (Operation f : functions(module)) {
        String name = name(f);
        tests.add(DynamicTest.dynamicTest(p.getFileName() + " @" + name, () -> assertAgree(
            Checksums.of(Interpreter.runWithPatternInputs(module, name)), jit(module, name),
            "interpreter vs JIT")));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> jitMatchesMlirOptAndClang() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : kernels()) {
      Operation module = Parser.parseModule(Files.readString(p), p.toString());
      for (Operation f : functions(module)) {
        String name = name(f);
        tests.add(DynamicTest.dynamicTest(p.getFileName() + " @" + name, () -> {
          org.junit.jupiter.api.Assumptions.assumeTrue(MlirClangReference.available(),
              "mlir-opt-22 / clang-22 not installed");
          List<Checksums.Checksum> expected = MlirClangReference.checksums(p.toAbsolutePath(),
              name).stream().map(Checksums::parse).toList();
          assertAgree(expected, jit(module, name), "mlir-opt+clang vs JIT");
        }));
      }
    }
    return tests;
  }
}
