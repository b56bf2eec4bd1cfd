// The isolated measurement worker: a process that compiles, checks and times candidates on request.
package dev.colt.exec.isolate;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.jit.Jit;
import dev.colt.exec.jit.JitModule;
import dev.colt.exec.measure.CandidateEvaluator;
import dev.colt.exec.measure.CandidateResult;
import dev.colt.exec.measure.Measurement;
import dev.colt.exec.measure.Measurer;
import dev.colt.exec.runtime.NativeRuntime;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Main class of the worker process started by {@link IsolatedRunner}. Reads requests from stdin
 * and answers on stdout (see {@link Protocol}); everything else the JVM or libraries print goes to
 * stderr. A candidate that faults kills this process, which is the point: the parent sees the
 * pipe close, records a crash and starts a new worker. Exits when stdin closes.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in = new DataInputStream(new BufferedInputStream(
        new FileInputStream(FileDescriptor.in)));
    NativeRuntime.load();
    Jit jit = Jit.forCurrentThread();
    out.writeInt(Protocol.MAGIC);
    out.writeInt(Protocol.READY);
    out.flush();
    while (true) {
      int kind;
      try {
        Protocol.expectMagic(in);
        kind = in.readInt();
      } catch (EOFException e) {
        return;
      }
      Protocol.Settings settings = Protocol.readSettings(in);
      if (kind == Protocol.EVALUATE) {
        evaluate(jit, settings, Protocol.readProgram(in), Protocol.readProgram(in), out);
      } else if (kind == Protocol.RUN) {
        run(jit, settings, Protocol.readProgram(in), out);
      } else {
        throw new IOException("unknown request kind " + kind);
      }
      out.flush();
    }
  }

  private static void evaluate(Jit jit, Protocol.Settings s, Protocol.Program reference,
      Protocol.Program candidate, DataOutputStream out) throws IOException {
    JitModule ref;
    JitModule cand;
    long t0 = System.nanoTime();
    try {
      ref = cachedReference(jit, reference, s);
    } catch (RuntimeException e) {
      compileError(out, "reference: " + e.getMessage());
      return;
    }
    try {
      cand = jit.compileLlvmIr(candidate.llvmIr(), Protocol.symbols(candidate, s.signature()),
          s.pipeline());
    } catch (RuntimeException e) {
      compileError(out, e.getMessage());
      return;
    }
    long compileNanos = System.nanoTime() - t0;
    try (cand) {
      CandidateResult r = new CandidateEvaluator(s.config(), s.tolerance(), s.dynamicSize())
          .evaluate(s.signature(), ref.function(reference.irName()),
              cand.function(candidate.irName()));
      out.writeInt(Protocol.MAGIC);
      switch (r) {
        case CandidateResult.Measured m -> {
          out.writeInt(Protocol.MEASURED);
          Protocol.writeMeasurement(out, m.comparison().baseline());
          Protocol.writeMeasurement(out, m.comparison().candidate());
          out.writeDouble(m.comparison().speedup());
          out.writeInt(m.comparison().rounds());
        }
        case CandidateResult.Wrong w -> {
          out.writeInt(Protocol.WRONG);
          Protocol.writeString(out, w.mismatch());
        }
        default -> throw new IllegalStateException("unexpected in-process result " + r);
      }
      out.writeLong(compileNanos);
    }
  }

  private static String cachedReferenceKey;
  private static JitModule cachedReference;

  /**
   * The reference of a search stays the same over many requests: it is compiled once and kept
   * until a request brings a different one (its symbols are the same, so the old one goes first).
   */
  private static JitModule cachedReference(Jit jit, Protocol.Program reference,
      Protocol.Settings s) {
    String key = s.pipeline() + "\n" + s.signature() + "\n" + reference.entry() + "\n"
        + reference.llvmIr();
    if (cachedReference != null && key.equals(cachedReferenceKey)) {
      return cachedReference;
    }
    if (cachedReference != null) {
      cachedReference.close();
      cachedReference = null;
    }
    cachedReference = jit.compileLlvmIr(reference.llvmIr(),
        Protocol.symbols(reference, s.signature()), s.pipeline());
    cachedReferenceKey = key;
    return cachedReference;
  }

  private static void run(Jit jit, Protocol.Settings s, Protocol.Program program,
      DataOutputStream out) throws IOException {
    JitModule module;
    try {
      module = jit.compileLlvmIr(program.llvmIr(), Protocol.symbols(program, s.signature()),
          s.pipeline());
    } catch (RuntimeException e) {
      compileError(out, e.getMessage());
      return;
    }
    try (module) {
      JitModule.Function f = module.function(program.irName());
      List<RuntimeValue> args = PatternInputs.forSignature(s.signature(), s.dynamicSize());
      long bits = f.call(args);
      List<Checksums.Checksum> sums = Checksums.of(args);
      Measurement timing = s.bench() ? new Measurer(s.config()).measure(f,
          PatternInputs.forSignature(s.signature(), s.dynamicSize())) : null;
      out.writeInt(Protocol.MAGIC);
      out.writeInt(Protocol.RAN);
      out.writeLong(bits);
      out.writeInt(sums.size());
      for (Checksums.Checksum c : sums) {
        out.writeInt(c.argument());
        out.writeDouble(c.sum());
        out.writeDouble(c.abs());
      }
      out.writeBoolean(timing != null);
      if (timing != null) {
        Protocol.writeMeasurement(out, timing);
      }
      out.writeLong(module.compileTimes().totalNanos());
    }
  }

  private static void compileError(DataOutputStream out, String message) throws IOException {
    out.writeInt(Protocol.MAGIC);
    out.writeInt(Protocol.COMPILE_ERROR);
    Protocol.writeString(out, message == null ? "unknown error" : message);
  }
}
