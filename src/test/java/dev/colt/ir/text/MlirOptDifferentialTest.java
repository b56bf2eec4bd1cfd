// Differential test: every testdata kernel printed by COLT is accepted by mlir-opt-22 unchanged.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.colt.analysis.LoopHandles;
import dev.colt.dialect.arith.ConstantOp;
import dev.colt.dialect.func.FuncOp;
import dev.colt.dialect.func.ReturnOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Tile;
import dev.colt.transform.UnrollAndJam;
import dev.colt.transform.Vectorize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For each {@code testdata/kernels/**}{@code /*.mlir} file without expected diagnostics or split markers:
 * parse and print it with COLT, feed the text to {@code /usr/bin/mlir-opt-22}, require that it is
 * accepted, parse mlir-opt's output back with COLT and require the same ops in the same order with
 * the same result types and attributes, and that COLT prints it exactly as before. The same for a
 * few random modules mixing every dialect's ops (also through COLT's generic form, which checks the
 * op layouts), for transformed kernels, and for float spellings. Skipped (visibly) when
 * mlir-opt-22 is not installed.
 */
class MlirOptDifferentialTest {
  private static final Path MLIR_OPT = Path.of("/usr/bin/mlir-opt-22");

  static List<Path> kernels() throws IOException {
    Path root = Path.of("testdata", "kernels");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".mlir")).sorted()
          .filter(p -> {
            try {
              String s = Files.readString(p);
              // Graph IR (COLT's own graph dialect, e.g. testdata/models) is not MLIR's.
              return !s.contains("expected-") && !s.contains("// -----")
                  && !s.contains(" = graph.");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> mlirOptAcceptsWhatColtPrints() throws IOException {
    List<Path> files = kernels();
    assertFalse(files.isEmpty(), "no testdata kernels found");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
  }

  @TestFactory
  Stream<DynamicTest> mlirOptAcceptsRandomModules() {
    return LongStream.range(100, 104).mapToObj(seed -> DynamicTest.dynamicTest(
        "random module " + seed, () -> check(new RandomIr(seed).module(), "seed " + seed, true)));
  }

  /**
   * Kernels after a loop transformation (tiling with affine_map bounds, vectorization,
   * unroll-and-jam): what the search produces must print in a form mlir-opt accepts as well.
   */
  @TestFactory
  Stream<DynamicTest> mlirOptAcceptsTransformedKernels() {
    record Case(String kernel, java.util.function.Function<List<String>, LoopTransform> make) {}
    List<Case> cases = List.of(
        new Case("matmul", loops -> new Tile(loops.subList(0, 2), List.of(16L, 8L))),
        new Case("softmax", loops -> new Vectorize(loops.get(loops.size() - 1), 8)),
        new Case("boundary", loops -> new UnrollAndJam(loops.get(0), 2)));
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.kernel(), () -> {
      Path file = Path.of("testdata/kernels/" + c.kernel() + ".mlir");
      Assumptions.assumeTrue(Files.exists(file), "kernel " + file + " not present");
      Operation module = Parser.parseModule(Files.readString(file), file.toString());
      Operation func = LoopHandles.assign(ModuleOp.body(module).get(0));
      List<String> loops = LoopHandles.names(func).stream().sorted().toList();
      LoopTransform t = c.make().apply(loops);
      Assumptions.assumeTrue(t.check(func).isEmpty(), () -> t + " refused");
      check(ModuleOp.create(List.of(t.apply(func))), c.kernel() + " after " + t, false);
    }));
  }

  /** Random float constants of every width; COLT must spell each exactly as mlir-opt does. */
  @Test
  void floatSpellingsMatchMlirOpt() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(MLIR_OPT),
        "mlir-opt-22 is not installed; differential test skipped");
    Random r = new Random(7);
    List<Operation> constants = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      FloatType t = List.of(FloatType.F16, FloatType.F32, FloatType.F64).get(i % 3);
      double v = switch (r.nextInt(4)) {
        case 0 -> FloatFormat.fromBits(r.nextLong(), t);
        case 1 -> FloatFormat.roundTo(r.nextInt(2001) / 8.0 - 125, t);
        case 2 -> FloatFormat.roundTo(Math.pow(10, r.nextInt(60) - 30) * r.nextDouble(), t);
        default -> FloatFormat.roundTo(r.nextGaussian(), t);
      };
      if (Double.isNaN(v)) {
        v = Double.POSITIVE_INFINITY;
      }
      constants.add(ConstantOp.create(new Attribute.FloatAttr(v, t)));
    }
    Operation f = FuncOp.create("floats", new FunctionType(List.of(), List.of()), b -> {
      constants.forEach(b::add);
      b.add(ReturnOp.create(List.of()));
    });
    String printed = Printer.print(ModuleOp.create(List.of(f)));
    assertEquals(printed, runMlirOpt(printed).stripTrailing() + "\n");
  }

  private static void check(Path file) throws Exception {
    check(Parser.parseModule(Files.readString(file), file.toString()), file.toString(), false);
  }

  /**
   * {@code alsoGeneric}: also feed COLT's generic form to mlir-opt (done for the random modules,
   * which use every dialect's ops; one mlir-opt run costs a few tenths of a second).
   */
  private static void check(Operation ours, String what, boolean alsoGeneric) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(MLIR_OPT),
        "mlir-opt-22 is not installed; differential test skipped");
    String printed = Printer.print(ours);
    String theirs = runMlirOpt(printed);
    Operation back = Parser.parseModule(theirs, "mlir-opt output of " + what);
    Operation reparsed = Parser.parseModule(printed, "printed " + what);
    assertEquals(signature(reparsed), signature(back), "structure after mlir-opt");
    assertEquals(printed, Printer.print(back), "COLT prints mlir-opt's output as it printed");
    // The generic form spells out every operand and attribute: mlir-opt reading it checks that
    // COLT's op layouts (attribute names, operand segments) are MLIR's.
    if (!alsoGeneric) {
      return;
    }
    String fromGeneric = runMlirOpt(Printer.printGeneric(ours));
    assertEquals(printed, Printer.print(Parser.parseModule(fromGeneric, "generic " + what)),
        "mlir-opt reads COLT's generic form as the same IR");
  }

  /** One line per op: name, result types and attributes, in walk order. */
  private static List<String> signature(Operation root) {
    List<String> out = new ArrayList<>();
    root.walk(op -> out.add(op.name() + " " + op.results().stream().map(Value::type).toList()
        + " " + op.attributes()));
    return out;
  }

  private static String runMlirOpt(String input) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("colt-mlir-opt");
    try {
      Path in = dir.resolve("in.mlir");
      Path out = dir.resolve("out.mlir");
      Path err = dir.resolve("err.txt");
      Files.writeString(in, input);
      Process p = new ProcessBuilder(MLIR_OPT.toString(), in.toString(), "-o", out.toString())
          .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mlir-opt-22 timed out");
      }
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "mlir-opt-22 rejected COLT's output:\n" + errors
          + "\n--- input ---\n" + input);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
