// colt-bench: JIT'd matmul vs mlir-opt-22 + clang-22 vs OpenBLAS, compile throughput, memory, first call.
package dev.colt.tool.bench;

import dev.colt.analysis.WorkEstimate;
import dev.colt.exec.jit.Jit;
import dev.colt.exec.jit.JitModule;
import dev.colt.exec.runtime.NativeRuntime;
import dev.colt.ir.Attribute;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.lower.llvm.HostTarget;
import dev.colt.lower.llvm.LlvmOptimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The benchmark command behind {@code bin/colt-bench}. In one process it times, side by side in
 * interleaved rounds, the untransformed JIT'd matmul (ijk and ikj loop orders) against the same IR
 * lowered by mlir-opt-22 and compiled by clang-22 -O3 -march=native (linked into the same JIT) and
 * against OpenBLAS sgemm; then compile throughput at O3, resident memory over many
 * compile-and-free cycles, and (in a fresh JVM) the latency of the first JIT'd call. Prints a
 * Markdown report. Options: {@code --sizes 256,512,1024}, {@code --budget-seconds S} (timing
 * budget per size), {@code --compile-cycles N}, {@code --memory-cycles N}, {@code --out FILE}.
 * Subcommand {@code schedules}: see {@link ScheduleBench}. Subcommand {@code pool}: the simulated
 * advisor-pool benchmark ({@link SimulatedPoolBench}).
 */
public final class ColtBench {
  private ColtBench() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "--first-call-probe" -> {
        firstCallProbe();
        return;
      }
      case "schedules" -> {
        ScheduleBench.main(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      case "pool" -> {
        SimulatedPoolBench.main(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      default -> { }
    }
    Map<String, String> o = options(args, "colt-bench", "--sizes", "--budget-seconds",
        "--compile-cycles", "--memory-cycles", "--out");
    List<Integer> sizes = sizes(o, "256,512,1024");
    double budget = Double.parseDouble(o.getOrDefault("--budget-seconds", "20"));
    int compileCycles = Integer.parseInt(o.getOrDefault("--compile-cycles", "100"));
    int memoryCycles = Integer.parseInt(o.getOrDefault("--memory-cycles", "5000"));
    Path out = o.containsKey("--out") ? Path.of(o.get("--out")) : null;
    StringBuilder md = new StringBuilder();
    machine(md);
    firstCall(md);
    Jit jit = Jit.forCurrentThread();
    for (int n : sizes) {
      matmul(md, jit, n, budget);
      flush(md, out);
    }
    compileThroughput(md, jit, compileCycles);
    flush(md, out);
    memory(md, jit, memoryCycles);
    flush(md, out);
  }

  /**
   * The values of {@code --key value} options among {@code known}; an unknown option or a
   * missing value prints a message naming {@code command} and exits with status 2.
   */
  static Map<String, String> options(String[] args, String command, String... known) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!Arrays.asList(known).contains(args[i]) || i + 1 == args.length) {
        System.err.println(command + ": unknown option or missing value: " + args[i]);
        System.exit(2);
      }
      out.put(args[i], args[++i]);
    }
    return out;
  }

  /** The comma-separated {@code --sizes} option, or {@code fallback}. */
  static List<Integer> sizes(Map<String, String> options, String fallback) {
    return Arrays.stream(options.getOrDefault("--sizes", fallback).split(","))
        .map(Integer::parseInt).toList();
  }

  static void flush(StringBuilder md, Path out) throws IOException {
    System.out.print(md);
    System.out.flush();
    if (out != null) {
      Files.writeString(out, md.toString(), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    md.setLength(0);
  }

  static String fmt(String f, Object... xs) {
    return String.format(Locale.ROOT, f, xs);
  }

  static void machine(StringBuilder md) throws IOException {
    HostTarget t = HostTarget.get();
    String model = "unknown";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    md.append("## Machine\n\n");
    md.append(fmt("- CPU: %s, %d hardware threads; LLVM host CPU `%s`, triple `%s`%n", model,
        Runtime.getRuntime().availableProcessors(), t.cpu(), t.triple()));
    md.append(fmt("- AVX-512F in LLVM host features: %s%n", t.features().contains("+avx512f")));
    md.append(fmt("- Load average at start (1/5/15 min, running/total): %s%n", load));
    md.append(fmt("- OPENBLAS_CORETYPE=%s OPENBLAS_NUM_THREADS=%s%n",
        System.getenv("OPENBLAS_CORETYPE"), System.getenv("OPENBLAS_NUM_THREADS")));
    md.append(fmt("- Date: %s%n%n", Instant.now()));
  }

  static Operation parse(String text, String name) {
    return Parser.parseModule(text, name + ".mlir");
  }

  static FunctionType signature(Operation module) {
    Operation f = ModuleOp.body(module).get(0);
    return (FunctionType) ((Attribute.TypeAttr) f.attr("function_type")).type();
  }

  private static void matmul(StringBuilder md, Jit jit, int n, double budgetSeconds)
      throws IOException {
    List<Contender> cs = new ArrayList<>();
    long flops = 0;
    for (String order : List.of("ijk", "ikj")) {
      String name = MatmulKernels.name(order, n);
      String text = MatmulKernels.text(order, n);
      Operation module = parse(text, name);
      FunctionType type = signature(module);
      flops = WorkEstimate.of(module).flops();
      cs.add(new Contender.Entry("COLT JIT, " + order, jit.compile(module), name, type));
      if (ClangBaseline.available()) {
        cs.add(new Contender.Entry("mlir-opt-22 + clang-22 -O3 -march=native, " + order,
            ClangBaseline.build(jit, text, name, type), name, type));
      }
      if (order.equals("ijk")) {
        cs.add(new Contender.OpenBlas(n, type));
      }
    }
    Interleaved t = Interleaved.time(cs, budgetSeconds);
    int rounds = t.rounds(0);
    md.append(fmt("## matmul %dx%dx%d fp32 (C += A*B), single thread%n%n", n, n, n));
    md.append(fmt("%d interleaved rounds (each round runs every row once, rotating the order); "
        + "all rows' checksums agreed before timing. Ratio = median over rounds of this row's "
        + "time / the clang row's time of the same loop order (OpenBLAS: / COLT JIT ikj).%n%n",
        rounds));
    md.append("| implementation | median ms | GFLOP/s | IQR/median | time ratio |\n");
    md.append("|---|---|---|---|---|\n");
    for (int i = 0; i < cs.size(); i++) {
      int ref = referenceRow(cs, i);
      String ratio = ref >= 0 ? fmt("%.3f", t.timeRatio(i, ref)) : "-";
      md.append(fmt("| %s | %.3f | %.1f | %.1f%% | %s |%n", cs.get(i).name(), t.median(i) / 1e6,
          flops / t.median(i), 100 * t.spread(i), ratio));
    }
    md.append('\n');
    for (Contender c : cs) {
      c.close();
    }
  }

  private static int referenceRow(List<Contender> cs, int i) {
    String name = cs.get(i).name();
    String target;
    if (name.startsWith("COLT JIT, ")) {
      target = "clang-22 -O3 -march=native, " + name.substring("COLT JIT, ".length());
    } else if (name.startsWith("OpenBLAS")) {
      target = "COLT JIT, ikj";
    } else {
      return -1;
    }
    for (int k = 0; k < cs.size(); k++) {
      if (cs.get(k).name().endsWith(target)) {
        return k;
      }
    }
    return -1;
  }

  private static void compileThroughput(StringBuilder md, Jit jit, int cycles) {
    md.append("## Compile throughput (one thread)\n\n");
    md.append("| kernel | pipeline | candidates/s | median ms (lower / optimize / codegen) |\n");
    md.append("|---|---|---|---|\n");
    for (String order : List.of("ijk", "ikj")) {
      Operation module = parse(MatmulKernels.text(order, 512), "m");
      for (String pipeline : List.of(LlvmOptimizer.DEFAULT_PIPELINE,
          "function(sroa,instcombine,loop-mssa(licm))")) {
        double[] total = new double[cycles];
        double[][] parts = new double[3][cycles];
        long start = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
          try (JitModule m = jit.compile(module, pipeline)) {
            JitModule.CompileTimes t = m.compileTimes();
            total[i] = t.totalNanos();
            parts[0][i] = t.lowerNanos();
            parts[1][i] = t.optimizeNanos();
            parts[2][i] = t.codegenNanos();
          }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        for (double[] p : parts) {
          Arrays.sort(p);
        }
        Arrays.sort(total);
        md.append(fmt("| matmul 512 %s | `%s` | %.1f | %.2f (%.2f / %.2f / %.2f) |%n", order,
            pipeline, cycles / wall, median(total) / 1e6, median(parts[0]) / 1e6,
            median(parts[1]) / 1e6, median(parts[2]) / 1e6));
      }
    }
    md.append(fmt("%n%d compile-and-free cycles per row (lower + optimize + link + look up, "
        + "then free).%n%n", cycles));
  }

  private static double median(double[] sorted) {
    return Interleaved.quantile(sorted, 0.5);
  }

  private static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }

  private static void memory(StringBuilder md, Jit jit, int cycles) throws IOException {
    Operation module = parse(MatmulKernels.text("ikj", 512), "m");
    md.append(fmt("## Memory over %d compile-and-free cycles (matmul 512 ikj, O3)%n%n", cycles));
    md.append("| cycles done | resident MB |\n|---|---|\n");
    int step = Math.max(1, cycles / 10);
    for (int i = 0; i <= cycles; i++) {
      if (i % step == 0) {
        System.gc();
        md.append(fmt("| %d | %.1f |%n", i, residentKb() / 1024.0));
      }
      if (i < cycles) {
        try (JitModule m = jit.compile(module)) {
          m.function(MatmulKernels.name("ikj", 512));
        }
      }
    }
    md.append('\n');
  }

  private static void firstCall(StringBuilder md) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xss16m", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ColtBench.class.getName(),
        "--first-call-probe").redirectErrorStream(true);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    md.append("## First JIT'd call in a fresh JVM\n\n");
    md.append("Milliseconds since the JVM started (matmul 256 ijk, O3): ").append(text)
        .append("\n\n");
  }

  /** Runs in a fresh JVM: prints the milliseconds from JVM start to each step of a first call. */
  private static void firstCallProbe() {
    Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    long t0 = System.nanoTime();
    HostTarget.get();
    long t1 = System.nanoTime();
    NativeRuntime.load();
    long t2 = System.nanoTime();
    String name = MatmulKernels.name("ijk", 256);
    Operation module = parse(MatmulKernels.text("ijk", 256), name);
    Jit jit = Jit.forCurrentThread();
    try (JitModule m = jit.compile(module)) {
      long t3 = System.nanoTime();
      m.function(name).call(dev.colt.exec.data.PatternInputs.forSignature(signature(module)));
      long t4 = System.nanoTime();
      double toMain = Duration.between(start, Instant.now()).toNanos() / 1e6 - (t4 - t0) / 1e6;
      System.out.println(fmt("main entered at %.0f; LLVM loaded +%.0f; native runtime loaded "
          + "+%.0f; first module compiled +%.0f; first call done +%.0f; total %.0f ms",
          toMain, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
          toMain + (t4 - t0) / 1e6));
    }
  }
}
