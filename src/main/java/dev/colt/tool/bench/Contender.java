// One implementation timed in the benchmark rounds: a JIT'd or linked entry point, or OpenBLAS.
package dev.colt.tool.bench;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.jit.ArgumentSlots;
import dev.colt.exec.jit.JitModule;
import dev.colt.exec.runtime.NativeRuntime;
import dev.colt.ir.FunctionType;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/** Something that computes C += A * B on its own pattern inputs and can be timed once. */
interface Contender extends AutoCloseable {
  String name();

  /** Runs once and returns the elapsed nanoseconds. */
  double runOnceNanos();

  /** Checksums of the arguments after one call on fresh pattern inputs. */
  List<Checksums.Checksum> checksumsAfterOneCall();

  @Override
  void close();

  /** A function with COLT's packed entry point (JIT'd or linked from clang's object files). */
  final class Entry implements Contender {
    private final String name;
    private final JitModule module;
    private final JitModule.Function function;
    private final FunctionType type;
    private final ArgumentSlots slots;
    private final long[] out = new long[1];

    Entry(String name, JitModule module, String function, FunctionType type) {
      this.name = name;
      this.module = module;
      this.function = module.function(function);
      this.type = type;
      this.slots = new ArgumentSlots(this.function.convention(),
          PatternInputs.forSignature(type));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public double runOnceNanos() {
      NativeRuntime.timeBatches(function.entry(), slots.address(), 1, 1, out);
      return out[0];
    }

    @Override
    public List<Checksums.Checksum> checksumsAfterOneCall() {
      List<RuntimeValue> args = PatternInputs.forSignature(type);
      function.call(args);
      return Checksums.of(args);
    }

    @Override
    public void close() {
      slots.close();
      module.close();
    }
  }

  /** OpenBLAS cblas_sgemm (row-major, beta = 1), threads set by OPENBLAS_NUM_THREADS. */
  final class OpenBlas implements Contender {
    private final int n;
    private final FunctionType type;
    private final List<RuntimeValue> args;
    private final FloatPointer a;
    private final FloatPointer b;
    private final FloatPointer c;

    OpenBlas(int n, FunctionType type) {
      this.n = n;
      this.type = type;
      this.args = PatternInputs.forSignature(type);
      a = pointer(args.get(0));
      b = pointer(args.get(1));
      c = pointer(args.get(2));
    }

    private static FloatPointer pointer(RuntimeValue v) {
      return new FloatPointer(((Buffer) v).byteBuffer().asFloatBuffer());
    }

    private static void sgemm(int n, FloatPointer a, FloatPointer b, FloatPointer c) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
          openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, n, n, n, 1f, a, n, b,
          n, 1f, c, n);
    }

    @Override
    public String name() {
      return "OpenBLAS sgemm";
    }

    @Override
    public double runOnceNanos() {
      long t0 = NativeRuntime.nowNanos();
      sgemm(n, a, b, c);
      return NativeRuntime.nowNanos() - t0;
    }

    @Override
    public List<Checksums.Checksum> checksumsAfterOneCall() {
      List<RuntimeValue> fresh = PatternInputs.forSignature(type);
      sgemm(n, pointer(fresh.get(0)), pointer(fresh.get(1)), pointer(fresh.get(2)));
      return Checksums.of(fresh);
    }

    @Override
    public void close() {
      a.close();
      b.close();
      c.close();
    }
  }
}
