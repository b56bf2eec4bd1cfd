// End-to-end tests of colt-opt in process: output, exit codes, located diagnostics, modes.
package dev.colt.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColtOptTest {
  /** Exit status and both output streams of one run. */
  record Run(int status, String out, String err) {}

  static Run opt(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ColtOpt.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static final String KERNEL = """
      func.func @k(%A: memref<8xf32>) {
        %c1 = arith.constant 1 : index
        affine.for %i = 0 to 4 {
          %j = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%i)[%c1]
          %v = affine.load %A[%j] : memref<8xf32>
          affine.store %v, %A[%i] : memref<8xf32>
        }
        return
      }
      """;

  @Test
  void readsStdinRunsThePipelineAndPrints() {
    Run r = opt(KERNEL, "-", "--pass-pipeline=builtin.module(func.func(canonicalize))");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("affine.load %arg0[%arg1 + 1]"), r.out());
    assertFalse(r.out().contains("affine.apply"), r.out());
    // The output parses again and is a fixed point of the same pipeline.
    Run again = opt(r.out(), "--canonicalize");
    assertEquals(r.out(), again.out());
  }

  @Test
  void syntaxErrorsAreLocatedWithSourceLineAndCaret() {
    Run r = opt("func.func @f() {\n  %x = arith.addf %y, %y : f32\n  return\n}\n");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("<stdin>:2:19: error: "), r.err());
    assertTrue(r.err().contains("\n  %x = arith.addf %y, %y : f32\n                  ^\n"), r.err());
    assertFalse(r.err().contains("at dev.colt"), "no stack trace");
  }

  @Test
  void pipelineErrorsPointIntoThePipeline() {
    Run r = opt(KERNEL, "--pass-pipeline", "builtin.module(func.func(cse{x=1}))");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("<pass-pipeline>:1:30: error: pass 'cse' has no option 'x'"),
        r.err());
  }

  @Test
  void passFailuresNameThePassAtTheOp() {
    Run r = opt(KERNEL, "--pass-pipeline",
        "builtin.module(func.func(test-op-remark{op=affine.load fail=true}))");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(
        "<stdin>:5:10: error: pass 'test-op-remark' failed: found affine.load"), r.err());
  }

  @Test
  void remarksArePrintedButDoNotFail() {
    Run r = opt(KERNEL, "--pass-pipeline",
        "builtin.module(func.func(test-op-remark{op=affine.store}))");
    assertEquals(0, r.status());
    assertTrue(r.err().startsWith("<stdin>:6:5: remark: found affine.store"), r.err());
  }

  @Test
  void splitInputFileKeepsLinesAndReportsEveryBadChunk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.mlir");
    Files.writeString(file, "func.func @a() {\n  return\n}\n// -----\nfunc.func @b() {\n"
        + "  %x = arith.addf %q, %q : f32\n  return\n}\n// -----\nfunc.func @c() {\n"
        + "  return\n}\n");
    Run r = opt("", file.toString(), "--split-input-file");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(file + ":6:19: error:"), r.err());
    assertTrue(r.out().contains("@a") && r.out().contains("@c") && !r.out().contains("@b"),
        r.out());
    assertTrue(r.out().contains("// -----\n"), r.out());
  }

  @Test
  void verifyDiagnosticsChecksBothDirections() {
    String source = """
        func.func @f(%x: f32) {
          // expected-error@+1 {{undeclared SSA value name '%q'}}
          %y = arith.addf %q, %x : f32
          return
        }
        """;
    assertEquals(0, opt(source, "--verify-diagnostics").status());
    Run missing = opt(source.replace("%q, %x", "%x, %x"), "--verify-diagnostics");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("<stdin>:2:6: error: expected error "
        + "\"undeclared SSA value name '%q'\" was not produced (on line 3)"), missing.err());
    Run unexpected = opt(source.replace("// expected-error@+1", "// nothing expected"),
        "--verify-diagnostics");
    assertEquals(1, unexpected.status());
    assertTrue(unexpected.err().contains("<stdin>:3:19: error: unexpected error: use of "
        + "undeclared SSA value name '%q'"), unexpected.err());
  }

  @Test
  void pipelineFilesListingsAndOutputFiles(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.mlir");
    Run r = opt(KERNEL, "--pipeline-file", "passes/canonicalize.pipeline", "-o", out.toString(),
        "--dump-pass-pipeline");
    assertEquals(0, r.status(), r.err());
    assertEquals("builtin.module(func.func(canonicalize))\n", r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("affine.for"));

    Run list = opt("", "--list-passes");
    assertEquals(0, list.status());
    assertTrue(list.out().contains("  canonicalize (on func.func)"), list.out());
    assertTrue(list.out().contains("max-iterations=<int> (default 10)"), list.out());

    Run missing = opt("", dir.resolve("nope.mlir").toString());
    assertEquals(1, missing.status());
    assertTrue(missing.err().startsWith("colt-opt: error: cannot read"), missing.err());

    Run badFlag = opt("", "--no-such-flag");
    assertEquals(1, badFlag.status());
    assertTrue(badFlag.err().contains("unknown option or pass '--no-such-flag'"), badFlag.err());
  }

  @Test
  void irDumpsGoToStderr() {
    Run r = opt(KERNEL, "--cse", "--print-ir-before-all", "--print-ir-after-all");
    assertEquals(0, r.status());
    assertTrue(r.err().startsWith("// -----// IR Dump Before cse //----- //\n"), r.err());
    assertTrue(r.err().contains("// -----// IR Dump After cse //----- //\n"), r.err());
  }
}
