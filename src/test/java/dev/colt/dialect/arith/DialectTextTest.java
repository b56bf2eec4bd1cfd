// Custom text of every arith, math and vector op: exact round trip, mlir-opt-22 agreement, diagnostics.
package dev.colt.dialect.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.math.MathDialect;
import dev.colt.dialect.vector.VectorDialect;
import dev.colt.ir.Attribute;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DialectTextTest {
  private static final Path MLIR_OPT = Path.of("/usr/bin/mlir-opt-22");

  static String allOps() throws IOException {
    try (InputStream in = DialectTextTest.class.getResourceAsStream("all-ops.mlir")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyOpRoundTripsExactly() throws IOException {
    String text = allOps();
    assertEquals(text, Printer.print(Parser.parseModule(text, "all-ops.mlir")));
  }

  @Test
  void theRoundTripFileCoversEveryOp() throws IOException {
    Set<String> seen = new HashSet<>();
    Parser.parseModule(allOps(), "all-ops.mlir").walk(op -> seen.add(op.name()));
    for (List<OpDefinition> defs : List.of(new ArithDialect().operations(),
        new MathDialect().operations(), new VectorDialect().operations())) {
      for (OpDefinition d : defs) {
        assertTrue(seen.contains(d.name()), d.name() + " missing from all-ops.mlir");
      }
    }
  }

  /**
   * mlir-opt-22 accepts our text, and its generic form (which spells out every attribute and
   * operand segment) parses back to the same module: our op layout is MLIR's.
   */
  @Test
  void mlirOptGenericFormMatchesOurLayout() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(MLIR_OPT), "mlir-opt-22 not installed");
    String text = allOps();
    Path in = Files.createTempFile("colt-arith", ".mlir");
    try {
      Files.writeString(in, text);
      Process p = new ProcessBuilder(MLIR_OPT.toString(), "--mlir-print-op-generic",
          in.toString()).redirectErrorStream(true).start();
      String generic = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), generic);
      assertTrue(generic.contains("predicate = 3 : i64}"), "cmpf oge is MLIR's predicate 3");
      assertTrue(generic.contains("predicate = 14 : i64}"), "cmpf uno is MLIR's predicate 14");
      assertTrue(generic.contains("<{predicate = 9 : i64}>"), "cmpi uge is MLIR's predicate 9");
      assertTrue(generic.contains("operandSegmentSizes = array<i32: 1, 2, 1, 1>"));
      // Integer overflow flags are not modelled; MLIR prints them on arith.trunci only as none.
      String stripped = generic.replace("<{overflowFlags = #arith.overflow<none>}> ", "");
      assertEquals(text, Printer.print(Parser.parseModule(stripped, "generic.mlir")));
    } finally {
      Files.deleteIfExists(in);
    }
  }

  @Property(tries = 200)
  void floatConstantsRoundTripBitExactly(@ForAll float f, @ForAll double d, @ForAll long n) {
    checkConstant(ConstantOp.f32(f));
    checkConstant(ConstantOp.f64(d));
    checkConstant(ConstantOp.floating(f, FloatType.F16));
    for (Type t : List.of(IntegerType.I1, IntegerType.I8, IntegerType.I32, IntegerType.I64)) {
      checkConstant(ConstantOp.integer(n, t));
    }
    checkConstant(ConstantOp.index(n));
  }

  private static void checkConstant(Operation c) {
    String text = Printer.print(ModuleOp.create(List.of(c)));
    Operation back = ModuleOp.body(Parser.parseModule(text, "c.mlir")).get(0);
    Attribute want = ConstantOp.value(c);
    Attribute got = ConstantOp.value(back);
    if (want instanceof Attribute.FloatAttr wf && Double.isNaN(wf.value())) {
      assertTrue(got instanceof Attribute.FloatAttr gf && Double.isNaN(gf.value()), text);
    } else {
      assertEquals(want, got, text);
    }
  }

  private static Diagnostic error(String body) {
    String text = "func.func @f(%a: f32, %b: f32, %i: index, %x: i32, %v: vector<8xf32>,"
        + " %A: memref<4x8xf32>) {\n" + body + "\n  return\n}\n";
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Parser.parseModule(text, "bad.mlir"));
    return e.diagnostics().get(0);
  }

  private static void assertError(String body, int column, String message) {
    Diagnostic d = error(body);
    assertEquals(message, d.message());
    assertEquals(2, d.location().line(), d.toString());
    assertEquals(column, d.location().column(), d.toString());
  }

  @Test
  void verifierAndParserErrorsAreLocated() {
    assertError("  %0 = arith.addi %a, %b : f32", 8,
        "'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'");
    assertError("  %0 = arith.cmpf lt, %a, %b : f32", 19, "unknown cmpf predicate 'lt'");
    assertError("  %0 = arith.cmpi olt, %i, %i : index", 19, "unknown cmpi predicate 'olt'");
    assertError("  %0 = arith.extf %a : f32 to f16", 8, "'arith.extf' op operand type 'f32'"
        + " and result type 'f16' are cast incompatible (expected a wider float type)");
    assertError("  %0 = arith.sitofp %i : index to f32", 8, "'arith.sitofp' op operand type"
        + " 'index' and result type 'f32' are cast incompatible (expected integer to float)");
    assertError("  %0 = vector.load %A[%i] : memref<4x8xf32>, vector<8xf32>", 8,
        "'vector.load' op requires 2 indices, but found 1");
    assertError("  %0 = vector.reduction <sum>, %v : vector<8xf32> into f32", 26,
        "unknown combining kind 'sum'");
    assertError("  %0 = vector.reduction <xor>, %v : vector<8xf32> into f32", 8,
        "'vector.reduction' op unsupported reduction type 'f32' for kind 'xor'");
    assertError("  %0 = vector.extract %v[8] : f32 from vector<8xf32>", 8,
        "'vector.extract' op expected position attribute #1 to be a non-negative integer"
            + " smaller than the corresponding vector dimension");
    assertError("  %0 = vector.broadcast %i : index to vector<8xf32>", 8,
        "'vector.broadcast' op source type 'index' must be the result element type 'f32'");
    assertError("  %0 = vector.transfer_read %A[%i, %i], %i : memref<4x8xf32>, vector<8xf32>", 41,
        "use of value '%i' expects different type than prior uses: 'f32' vs 'index'");
    assertError("  %0 = vector.load %A[%i, %i] : f32, vector<8xf32>", 33,
        "expected a memref type, but got 'f32'");
  }
}
