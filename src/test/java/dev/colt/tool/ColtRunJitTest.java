// colt-run on the JIT: same checksums as the interpreter, --bench line, --isolate; colt-opt --emit=llvm.
package dev.colt.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ColtRunJitTest {
  static String matmul() throws Exception {
    return Files.readString(Path.of("testdata/kernels/matmul.mlir"));
  }

  @Test
  void jitIsTheDefaultAndAgreesWithTheInterpreter() throws Exception {
    ColtOptTest.Run jit = ColtRunTest.run(matmul(), "--print-checksums");
    ColtOptTest.Run interp = ColtRunTest.run(matmul(), "--print-checksums", "--interpret");
    assertEquals(0, jit.status(), jit.err());
    assertEquals(interp.out(), jit.out());
  }

  @Test
  void benchPrintsMedianAndGflops() throws Exception {
    ColtOptTest.Run r = ColtRunTest.run(matmul(), "--bench");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().matches("median_ms=\\d+\\.\\d+ gflops=\\d+\\.\\d+\\n"), r.out());
    ColtOptTest.Run bad = ColtRunTest.run(matmul(), "--bench", "--interpret");
    assertEquals(1, bad.status());
  }

  @Test
  void isolatedRunGivesTheSameChecksums() throws Exception {
    ColtOptTest.Run iso = ColtRunTest.run(matmul(), "--print-checksums", "--isolate");
    ColtOptTest.Run local = ColtRunTest.run(matmul(), "--print-checksums");
    assertEquals(0, iso.status(), iso.err());
    assertEquals(local.out(), iso.out());
  }

  @Test
  void coltOptEmitsLlvmIrForTheHost() throws Exception {
    ColtOptTest.Run r = ColtOptTest.opt(matmul(), "--emit=llvm");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("define void @matmul(ptr noalias"), r.out());
    assertTrue(r.out().contains("target triple"), r.out());
    ColtOptTest.Run lowered = ColtOptTest.opt(matmul(), "--emit=llvm-lowered");
    assertTrue(lowered.out().contains("for.header"), lowered.out());
    ColtOptTest.Run bad = ColtOptTest.opt("func.func @f(%a: memref<2xf32>) -> memref<2xf32> {\n"
        + "  return %a : memref<2xf32>\n}\n", "--emit=llvm");
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("error: cannot lower"), bad.err());
  }
}
