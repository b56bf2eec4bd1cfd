// Runs candidates in a worker process with a timeout, restarting it after a crash or a hang.
package dev.colt.exec.isolate;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.measure.CandidateResult;
import dev.colt.exec.measure.Comparison;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.exec.measure.Measurement;
import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.lower.llvm.LlvmIrEmitter;
import dev.colt.lower.llvm.LlvmOptimizer;
import dev.colt.lower.llvm.LoweredModule;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parent side of isolated measurement, like TVM's runner pool with one worker: IR is lowered to
 * LLVM IR here, and compiled, checked and timed in a child JVM ({@link WorkerMain}). A request
 * that does not answer within the timeout kills the worker ({@link CandidateResult.TimedOut}); a
 * worker that dies (a SIGSEGV from an out-of-bounds access) gives {@link CandidateResult.Crashed}.
 * Either way the next request starts a fresh worker, so the caller keeps working. Not thread-safe:
 * one runner per thread. The lowered reference is kept between requests with the same reference
 * operation (and the worker keeps it compiled), so a search pays for it once. Close it to stop
 * the worker.
 */
public final class IsolatedRunner implements AutoCloseable {
  private final Duration timeout;
  private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "colt-worker-reader");
    t.setDaemon(true);
    return t;
  });
  private Process process;
  private DataOutputStream toWorker;
  private DataInputStream fromWorker;
  private Path stderrLog;
  private int restarts;
  private Operation lastReference;
  private String lastReferenceFunction;
  private Protocol.Program lastReferenceProgram;
  private Times lastTimes = new Times(0, 0, 0, 0);

  /**
   * Where the time of the last {@link #evaluate} call went, in nanoseconds: lowering to LLVM IR in
   * this process, starting a worker (0 when one was running), compiling in the worker (reference
   * and candidate; for a compile error everything after lowering), and the whole call. The rest
   * of {@code total} is checking and timing, or waiting for a crash or a hang.
   */
  public record Times(long lowerNanos, long startNanos, long compileNanos, long totalNanos) {}

  /** The time split of the last {@link #evaluate} call. */
  public Times lastTimes() {
    return lastTimes;
  }

  /** A runner whose requests each get {@code timeout} (worker start-up is not counted). */
  public IsolatedRunner(Duration timeout) {
    this.timeout = timeout;
  }

  /** Workers started so far beyond the first (crashes and hangs restart it). */
  public int restarts() {
    return restarts;
  }

  private void ensureWorker() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    if (process != null) {
      restarts++;
      Files.deleteIfExists(stderrLog);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    stderrLog = Files.createTempFile("colt-worker", ".log");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:-CreateCoredumpOnCrash", "-XX:+DisplayVMOutputToStderr",
        "-XX:ErrorFile=" + stderrLog.getParent().resolve("colt-worker-crash-%p.log"),
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(stderrLog.toFile());
    process = pb.start();
    toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    Protocol.expectMagic(fromWorker);
    if (fromWorker.readInt() != Protocol.READY) {
      throw new IOException("worker did not report ready");
    }
  }

  private void killWorker() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String crashDetail() {
    StringBuilder sb = new StringBuilder();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        killWorker();
      }
      sb.append("worker exited with status ").append(process.exitValue());
      if (stderrLog != null && Files.exists(stderrLog)) {
        List<String> lines = Files.readAllLines(stderrLog);
        String signal = lines.stream().filter(l -> l.contains(" SIG")).findFirst().orElse(null);
        if (signal != null) {
          sb.append("; ").append(signal.replaceFirst("^#\\s*", "").trim());
        } else {
          lines.stream().filter(l -> !l.isBlank()).limit(3)
              .forEach(l -> sb.append("; ").append(l.trim()));
        }
      }
      Files.deleteIfExists(stderrLog.getParent().resolve("colt-worker-crash-" + process.pid()
          + ".log"));
    } catch (IOException | InterruptedException e) {
      sb.append("; ").append(e.getMessage());
    }
    return sb.toString();
  }

  /** One request/response exchange, or the crash/timeout that replaced it. */
  private sealed interface Exchange {}

  private record Answered(int status) implements Exchange {}

  private record Failed(CandidateResult result) implements Exchange {}

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private Exchange exchange(Writer request) throws IOException {
    ensureWorker();
    try {
      toWorker.writeInt(Protocol.MAGIC);
      request.write(toWorker);
      toWorker.flush();
    } catch (IOException e) {
      return new Failed(new CandidateResult.Crashed(crashDetail()));
    }
    Future<Integer> status = reader.submit(() -> {
      Protocol.expectMagic(fromWorker);
      return fromWorker.readInt();
    });
    try {
      return new Answered(status.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      killWorker();
      status.cancel(true);
      return new Failed(new CandidateResult.TimedOut(timeout.toMillis()));
    } catch (ExecutionException e) {
      return new Failed(new CandidateResult.Crashed(crashDetail()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killWorker();
      throw new IOException("interrupted while waiting for the worker", e);
    }
  }

  private static FunctionType signature(Operation module, String function) {
    List<Operation> ops = module.is(ModuleOp.NAME) ? ModuleOp.body(module) : List.of(module);
    for (Operation op : ops) {
      if (op.is("func.func") && op.attr("sym_name") instanceof Attribute.StringAttr n
          && n.value().equals(function)
          && op.attr("function_type") instanceof Attribute.TypeAttr t
          && t.type() instanceof FunctionType ft) {
        return ft;
      }
    }
    throw new IllegalArgumentException("no function @" + function + " in the module");
  }

  private static Protocol.Program program(Operation module, String function, String suffix) {
    LlvmIrEmitter.LoweredText text = LlvmIrEmitter.lowerToText(module, suffix);
    LoweredModule.Symbols s = text.functions().get(function);
    if (s == null) {
      throw new IllegalArgumentException("no function @" + function + " in the module");
    }
    return new Protocol.Program(text.llvmIr(), function, s.symbol(), s.entry());
  }

  /**
   * Checks {@code candidate}'s function against {@code reference}'s on pattern inputs and times
   * both (see dev.colt.exec.measure.CandidateEvaluator), in the worker. Lowering failures of the
   * candidate give {@link CandidateResult.CompileError}; I/O failures starting the worker fail
   * with IOException.
   */
  public CandidateResult evaluate(Operation reference, Operation candidate, String function,
      MeasureConfig config, double tolerance) throws IOException {
    long t0 = System.nanoTime();
    long[] split = new long[3];
    try {
      return evaluate(reference, candidate, function, config, tolerance, split);
    } finally {
      lastTimes = new Times(split[0], split[1], split[2], System.nanoTime() - t0);
    }
  }

  /** {@link #evaluate}, filling {@code split} with lowering, worker start and compile nanos. */
  private CandidateResult evaluate(Operation reference, Operation candidate, String function,
      MeasureConfig config, double tolerance, long[] split) throws IOException {
    long t0 = System.nanoTime();
    FunctionType sig = signature(reference, function);
    if (reference != lastReference || !function.equals(lastReferenceFunction)) {
      lastReferenceProgram = program(reference, function, "_ref");
      lastReference = reference;
      lastReferenceFunction = function;
    }
    Protocol.Program ref = lastReferenceProgram;
    Protocol.Program cand;
    try {
      cand = program(candidate, function, "_cand");
    } catch (DiagnosticException | IllegalStateException e) {
      return new CandidateResult.CompileError(e.getMessage());
    } finally {
      split[0] = System.nanoTime() - t0;
    }
    Protocol.Settings settings = new Protocol.Settings(sig, LlvmOptimizer.DEFAULT_PIPELINE, 16,
        tolerance, false, config);
    long t1 = System.nanoTime();
    if (process == null || !process.isAlive()) {
      ensureWorker();
      split[1] = System.nanoTime() - t1;
    }
    long t2 = System.nanoTime();
    Exchange x = exchange(out -> {
      out.writeInt(Protocol.EVALUATE);
      Protocol.writeSettings(out, settings);
      Protocol.writeProgram(out, ref);
      Protocol.writeProgram(out, cand);
    });
    if (x instanceof Failed f) {
      return f.result();
    }
    int status = ((Answered) x).status();
    return switch (status) {
      case Protocol.MEASURED -> {
        Measurement a = Protocol.readMeasurement(fromWorker);
        Measurement b = Protocol.readMeasurement(fromWorker);
        Comparison c = new Comparison(a, b, fromWorker.readDouble(), fromWorker.readInt());
        split[2] = fromWorker.readLong();
        yield new CandidateResult.Measured(c);
      }
      case Protocol.WRONG -> {
        String mismatch = Protocol.readString(fromWorker);
        split[2] = fromWorker.readLong();
        yield new CandidateResult.Wrong(mismatch);
      }
      case Protocol.COMPILE_ERROR -> {
        split[2] = System.nanoTime() - t2;
        yield new CandidateResult.CompileError(Protocol.readString(fromWorker));
      }
      default -> throw new IOException("unexpected worker status " + status);
    };
  }

  /** The outcome of {@link #run}: a result, or why there is none. */
  public sealed interface RunOutcome {
    record Ran(RunResult result) implements RunOutcome {}

    record NotRun(CandidateResult reason) implements RunOutcome {}
  }

  /**
   * Runs {@code function} once on pattern inputs in the worker (dynamic dims take
   * {@code dynamicSize}), returning checksums, and times it when {@code bench} is set. Lowering
   * failures throw DiagnosticException here, in the caller.
   */
  public RunOutcome run(Operation module, String function, long dynamicSize, boolean bench,
      MeasureConfig config, String pipeline) throws IOException {
    FunctionType sig = signature(module, function);
    Protocol.Program p = program(module, function, "_run");
    Protocol.Settings settings = new Protocol.Settings(sig, pipeline, dynamicSize, 0, bench,
        config);
    Exchange x = exchange(out -> {
      out.writeInt(Protocol.RUN);
      Protocol.writeSettings(out, settings);
      Protocol.writeProgram(out, p);
    });
    if (x instanceof Failed f) {
      return new RunOutcome.NotRun(f.result());
    }
    int status = ((Answered) x).status();
    if (status == Protocol.COMPILE_ERROR) {
      return new RunOutcome.NotRun(new CandidateResult.CompileError(
          Protocol.readString(fromWorker)));
    }
    if (status != Protocol.RAN) {
      throw new IOException("unexpected worker status " + status);
    }
    long bits = fromWorker.readLong();
    int n = fromWorker.readInt();
    List<Checksums.Checksum> sums = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sums.add(new Checksums.Checksum(fromWorker.readInt(), fromWorker.readDouble(),
          fromWorker.readDouble()));
    }
    Measurement timing = fromWorker.readBoolean() ? Protocol.readMeasurement(fromWorker) : null;
    return new RunOutcome.Ran(new RunResult(sums, bits, timing, fromWorker.readLong()));
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      try {
        toWorker.close();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          killWorker();
        }
      } catch (IOException | InterruptedException e) {
        killWorker();
      }
    }
    reader.shutdownNow();
    if (stderrLog != null) {
      try {
        Files.deleteIfExists(stderrLog);
      } catch (IOException ignored) {
        // A leftover temporary log is harmless.
      }
    }
  }
}
