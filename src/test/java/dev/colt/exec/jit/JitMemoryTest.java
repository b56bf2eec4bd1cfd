// Many compile-and-free cycles on one Jit keep the process's resident memory flat.
package dev.colt.exec.jit;

import static org.junit.jupiter.api.Assertions.*;

import dev.colt.ir.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JitMemoryTest {
  /** Resident set size in kB from /proc/self/status, or -1 where unavailable. */
  static long residentKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }

  static void cycles(Jit jit, Operation module, int n) {
    for (int i = 0; i < n; i++) {
      try (JitModule m = jit.compile(module, "function(sroa,instcombine)")) {
        assertNotEquals(0, m.function("matmul").entry());
      }
    }
  }

  @Test
  void compileAndFreeCyclesStayFlat() throws IOException {
    Operation module = JitKernelTest.matmul(64);
    Jit jit = Jit.forCurrentThread();
    cycles(jit, module, 50);
    System.gc();
    long before = residentKb();
    cycles(jit, module, 200);
    System.gc();
    long after = residentKb();
    if (before > 0) {
      // Leaking one module per cycle (LLVM module, context and code) would add well over 16 MB in 200 cycles.
      assertTrue(after - before < 16_000, "RSS grew from " + before + " kB to " + after + " kB");
    }
  }

  @Test
  void modulesWithTheSameFunctionNamesCoexist() {
    Operation module = JitKernelTest.matmul(8);
    Jit jit = Jit.forCurrentThread();
    try (JitModule a = jit.compile(module); JitModule b = jit.compile(module)) {
      assertNotEquals(a.function("matmul").entry(), b.function("matmul").entry());
    }
  }

  @Test
  void aJitRefusesOtherThreads() throws Exception {
    Jit jit = Jit.forCurrentThread();
    Throwable[] seen = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        jit.compile(JitKernelTest.matmul(4));
      } catch (Throwable e) {
        seen[0] = e;
      }
    });
    t.start();
    t.join();
    assertInstanceOf(IllegalStateException.class, seen[0]);
  }
}
