// Test oracle: runs a kernel lowered by mlir-opt-22 and compiled by clang-22 on the pattern inputs.
package dev.colt.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the reference checksums of DESIGN.md's contract for a function in an .mlir file, using the
 * real MLIR toolchain: mlir-opt-22 lowers it to the LLVM dialect, mlir-translate-22 to LLVM IR,
 * clang-22 compiles it with a generated C driver that fills the pattern inputs, calls the function
 * once and prints one {@code arg<a> sum=.. abs=..} line per memref argument.
 *
 * <p>Supported signatures: memrefs with static shapes of f32, f64, i32, i64 elements and scalar
 * f32, f64, i32, i64, index arguments. {@link #available()} tells whether the tools are installed.
 */
public final class MlirClangReference {
  public static final String MLIR_OPT = "/usr/bin/mlir-opt-22";
  public static final String MLIR_TRANSLATE = "/usr/bin/mlir-translate-22";
  public static final String CLANG = "/usr/bin/clang-22";
  private static final String LOWERING = "builtin.module(lower-affine,convert-scf-to-cf,"
      + "convert-vector-to-llvm,convert-math-to-llvm,convert-math-to-libm,convert-to-llvm,"
      + "reconcile-unrealized-casts)";

  private MlirClangReference() {}

  /** True when mlir-opt-22, mlir-translate-22 and clang-22 are all installed. */
  public static boolean available() {
    return Files.isExecutable(Path.of(MLIR_OPT)) && Files.isExecutable(Path.of(MLIR_TRANSLATE))
        && Files.isExecutable(Path.of(CLANG));
  }

  /** One function argument as parsed from mlir-opt's canonical signature. */
  record Arg(String elementType, List<Long> shape, boolean memref) {}

  /**
   * Returns the checksum lines (one per memref argument) of {@code function} in {@code mlirFile}.
   * Fails with IOException when a tool fails (its stderr is in the message) or the signature has an
   * unsupported argument type.
   */
  public static List<String> checksums(Path mlirFile, String function) throws IOException {
    Path dir = Files.createTempDirectory("colt-mlir-ref");
    try {
      String canonical = run(dir, List.of(MLIR_OPT, mlirFile.toString()), null);
      List<Arg> args = signature(canonical, function);
      String lowered = run(dir, List.of(MLIR_OPT, mlirFile.toString(),
          "--pass-pipeline=" + LOWERING), null);
      Files.writeString(dir.resolve("k.ll.mlir"), lowered);
      String llvm = run(dir, List.of(MLIR_TRANSLATE, "--mlir-to-llvmir", "k.ll.mlir"), null);
      Files.writeString(dir.resolve("k.ll"), llvm);
      Files.writeString(dir.resolve("driver.c"), driver(function, args));
      run(dir, List.of(CLANG, "-O2", "-Wno-override-module", "-o", "k.exe", "driver.c", "k.ll",
          "-lm"), null);
      String out = run(dir, List.of(dir.resolve("k.exe").toString()), null);
      return out.lines().filter(l -> l.startsWith("arg")).toList();
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static List<Arg> signature(String canonical, String function) throws IOException {
    Matcher m = Pattern.compile("func\\.func (?:private )?@" + Pattern.quote(function)
        + "\\((.*?)\\)( ->|\\s*\\{|\\s*attributes)").matcher(canonical);
    if (!m.find()) {
      throw new IOException("function @" + function + " not found");
    }
    List<Arg> args = new ArrayList<>();
    if (m.group(1).isBlank()) {
      return args;
    }
    for (String part : m.group(1).split(",\\s*(?=%)")) {
      String type = part.substring(part.indexOf(':') + 1).trim();
      Matcher mm = Pattern.compile("memref<((?:\\d+x)*)(\\w+)>").matcher(type);
      if (mm.matches()) {
        List<Long> shape = new ArrayList<>();
        for (String d : mm.group(1).split("x")) {
          if (!d.isEmpty()) {
            shape.add(Long.parseLong(d));
          }
        }
        args.add(new Arg(mm.group(2), shape, true));
      } else if (type.matches("f32|f64|i32|i64|index")) {
        args.add(new Arg(type, List.of(), false));
      } else {
        throw new IOException("unsupported argument type for the reference driver: " + type);
      }
    }
    return args;
  }

  private static String cType(String t) throws IOException {
    return switch (t) {
      case "f32" -> "float";
      case "f64" -> "double";
      case "i32" -> "int32_t";
      case "i64", "index" -> "int64_t";
      default -> throw new IOException("unsupported element type " + t);
    };
  }

  static String driver(String function, List<Arg> args) throws IOException {
    StringBuilder decl = new StringBuilder();
    StringBuilder setup = new StringBuilder();
    StringBuilder call = new StringBuilder();
    StringBuilder report = new StringBuilder();
    for (int a = 0; a < args.size(); a++) {
      Arg arg = args.get(a);
      String ct = cType(arg.elementType());
      boolean isFloat = arg.elementType().startsWith("f");
      if (!arg.memref()) {
        decl.append(decl.isEmpty() ? "" : ", ").append(ct);
        call.append(call.isEmpty() ? "" : ", ")
            .append(isFloat ? "(" + ct + ")((" + a + " + 4) / 8.0)" : "(" + ct + ")(" + a + " + 1)");
        continue;
      }
      long n = 1;
      for (long d : arg.shape()) {
        n *= d;
      }
      setup.append("  ").append(ct).append(" *b").append(a).append(" = aligned_alloc(64, ((")
          .append(n).append(" * sizeof(").append(ct).append(") + 63) / 64) * 64);\n")
          .append("  for (int64_t f = 0; f < ").append(n).append("; f++) b").append(a)
          .append("[f] = ").append(isFloat
              ? "(" + ct + ")(((double)(((f * 7 + " + a + " * 13) % 17) - 8)) / 8.0)"
              : "(" + ct + ")(((f * 7 + " + a + " * 13) % 17) - 8)").append(";\n");
      decl.append(decl.isEmpty() ? "" : ", ").append(ct).append("*, ").append(ct)
          .append("*, int64_t");
      call.append(call.isEmpty() ? "" : ", ").append("b").append(a).append(", b").append(a)
          .append(", 0");
      for (int i = 0; i < arg.shape().size(); i++) {
        decl.append(", int64_t");
        call.append(", ").append(arg.shape().get(i));
      }
      for (int i = 0; i < arg.shape().size(); i++) {
        long stride = 1;
        for (int j = i + 1; j < arg.shape().size(); j++) {
          stride *= arg.shape().get(j);
        }
        decl.append(", int64_t");
        call.append(", ").append(stride);
      }
      report.append("  { double s = 0, t = 0; for (int64_t f = 0; f < ").append(n)
          .append("; f++) { double v = (double)b").append(a)
          .append("[f]; s += v; t += fabs(v); }\n    printf(\"arg").append(a)
          .append(" sum=%.6e abs=%.6e\\n\", s, t); }\n");
    }
    return "#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <math.h>\n"
        + "void " + function + "(" + decl + ");\n"
        + "int main(void) {\n" + setup + "  " + function + "(" + call + ");\n" + report
        + "  return 0;\n}\n";
  }

  private static String run(Path dir, List<String> command, String stdin) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Path err = dir.resolve("stderr.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
          + Files.readString(err));
    }
    return out;
  }
}
