// The same kernel lowered by mlir-opt-22 and compiled by clang-22 -O3 -march=native, linked into a Jit.
package dev.colt.tool.bench;

import dev.colt.exec.jit.Jit;
import dev.colt.exec.jit.JitModule;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.lower.llvm.CallingConvention;
import dev.colt.lower.llvm.LoweredModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the MLIR-toolchain baseline of a kernel whose arguments are static fp32 memrefs: mlir-opt-22
 * (lower-affine ... convert-to-llvm), mlir-translate-22, then clang-22 -O3 -march=native -c, plus a
 * small C wrapper giving it COLT's packed entry point (MLIR passes each memref as allocated
 * pointer, aligned pointer, offset, sizes, strides). Both objects are linked into the caller's Jit,
 * so the baseline is called and timed exactly like JIT'd code. Fails with IOException when a tool
 * is missing or fails.
 */
final class ClangBaseline {
  static final String MLIR_OPT = "/usr/bin/mlir-opt-22";
  static final String MLIR_TRANSLATE = "/usr/bin/mlir-translate-22";
  static final String CLANG = "/usr/bin/clang-22";
  private static final String LOWERING = "builtin.module(lower-affine,convert-scf-to-cf,"
      + "convert-vector-to-llvm,convert-math-to-llvm,convert-to-llvm,reconcile-unrealized-casts)";

  private ClangBaseline() {}

  static boolean available() {
    return Files.isExecutable(Path.of(MLIR_OPT)) && Files.isExecutable(Path.of(MLIR_TRANSLATE))
        && Files.isExecutable(Path.of(CLANG));
  }

  static JitModule build(Jit jit, String mlirText, String function, FunctionType type)
      throws IOException {
    Path dir = Files.createTempDirectory("colt-clang");
    try {
      Files.writeString(dir.resolve("k.mlir"), mlirText);
      run(dir, MLIR_OPT, "k.mlir", "--pass-pipeline=" + LOWERING, "-o", "k.llvm.mlir");
      run(dir, MLIR_TRANSLATE, "--mlir-to-llvmir", "k.llvm.mlir", "-o", "k.ll");
      String entry = CallingConvention.entrySymbol(function + "_clang");
      Files.writeString(dir.resolve("wrapper.c"), wrapper(function, entry, type));
      run(dir, CLANG, "-O3", "-march=native", "-Wno-override-module", "-c", "k.ll", "-o", "k.o");
      run(dir, CLANG, "-O3", "-march=native", "-c", "wrapper.c", "-o", "wrapper.o");
      List<byte[]> objects = List.of(Files.readAllBytes(dir.resolve("k.o")),
          Files.readAllBytes(dir.resolve("wrapper.o")));
      return jit.linkObjects(objects, Map.of(function, new LoweredModule.Symbols(function, entry,
          CallingConvention.of(type))));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String wrapper(String function, String entry, FunctionType type) {
    StringBuilder decl = new StringBuilder();
    StringBuilder call = new StringBuilder();
    for (int a = 0; a < type.inputs().size(); a++) {
      MemRefType m = (MemRefType) type.inputs().get(a);
      String sep = a == 0 ? "" : ", ";
      decl.append(sep).append("float*, float*, int64_t");
      call.append(sep).append("(float*) s[").append(a).append("], (float*) s[").append(a)
          .append("], 0");
      for (long d : m.shape()) {
        decl.append(", int64_t");
        call.append(", ").append(d);
      }
      for (int i = 0; i < m.rank(); i++) {
        long stride = 1;
        for (int j = i + 1; j < m.rank(); j++) {
          stride *= m.shape().get(j);
        }
        decl.append(", int64_t");
        call.append(", ").append(stride);
      }
    }
    return "#include <stdint.h>\nvoid " + function + "(" + decl + ");\nvoid " + entry
        + "(int64_t *s) { " + function + "(" + call + "); }\n";
  }

  private static void run(Path dir, String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
