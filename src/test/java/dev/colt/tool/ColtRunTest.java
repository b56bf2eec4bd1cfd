// End-to-end tests of colt-run in process: checksums on pattern inputs, entry selection, errors.
package dev.colt.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ColtRunTest {
  static ColtOptTest.Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ColtRun.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new ColtOptTest.Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static final String TWO = """
      func.func @copy(%a: memref<2xf32>, %b: memref<2xf32>) {
        affine.for %i = 0 to 2 {
          %v = affine.load %a[%i] : memref<2xf32>
          affine.store %v, %b[%i] : memref<2xf32>
        }
        return
      }
      func.func @zero(%a: memref<2xf32>) {
        %z = arith.constant 0.000000e+00 : f32
        affine.store %z, %a[0] : memref<2xf32>
        affine.store %z, %a[1] : memref<2xf32>
        return
      }
      """;

  @Test
  void printsChecksumsOfTheEntry() {
    // Pattern: a[f] = (((7 f + 13 a) mod 17) - 8) / 8; a = 0 gives -1 and -0.125.
    ColtOptTest.Run r = run(TWO, "--entry", "copy", "--print-checksums");
    assertEquals(0, r.status(), r.err());
    assertEquals("arg0 sum=-1.125000e+00 abs=1.125000e+00\n"
        + "arg1 sum=-1.125000e+00 abs=1.125000e+00\n", r.out());
    ColtOptTest.Run z = run(TWO, "--entry=zero", "--print-checksums", "--interpret");
    assertEquals("arg0 sum=0.000000e+00 abs=0.000000e+00\n", z.out());
  }

  @Test
  void ambiguousOrUnknownEntriesAreErrors() {
    ColtOptTest.Run r = run(TWO, "--print-checksums");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("choose one with --entry NAME"), r.err());
    ColtOptTest.Run unknown = run(TWO, "--entry", "nope");
    assertEquals(1, unknown.status());
    assertTrue(unknown.err().contains("@nope"), unknown.err());
  }

  @Test
  void aPipelineRunsFirstAndItsErrorsAreLocated() {
    ColtOptTest.Run r = run(TWO, "--entry", "copy", "--print-checksums", "--pass-pipeline",
        "builtin.module(func.func(canonicalize,cse))");
    assertEquals(0, r.status(), r.err());
    ColtOptTest.Run bad = run(TWO, "--entry", "copy", "--pass-pipeline", "builtin.module(x)");
    assertEquals(1, bad.status());
    assertTrue(bad.err().startsWith("<pass-pipeline>:1:16: error: unknown pass 'x'"), bad.err());
  }
}
