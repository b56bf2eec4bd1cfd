// A compiled candidate living in a Jit: its functions' entry addresses, freed by close().
package dev.colt.exec.jit;

import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.runtime.NativeRuntime;
import dev.colt.lower.llvm.CallingConvention;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;

/**
 * Code of one IR module in a {@link Jit}, under its own resource tracker. The entry addresses are
 * valid until {@link #close()}, which must run on the Jit's thread. Calling an address after close
 * crashes the process.
 */
public final class JitModule implements AutoCloseable {
  /** A JIT'd function: IR name, packed entry point address and calling convention. */
  public record Function(String name, long entry, CallingConvention convention) {
    /**
     * Calls the function once on {@code args} and returns the raw result slot (0 without a
     * result). Fails with IllegalArgumentException when the arguments do not match; a kernel that
     * faults takes the process down (use dev.colt.exec.isolate for untrusted code).
     */
    public long call(List<? extends RuntimeValue> args) {
      try (ArgumentSlots slots = new ArgumentSlots(convention, args)) {
        NativeRuntime.call(entry, slots.address());
        return convention.result() == null ? 0 : slots.resultBits();
      }
    }
  }

  /** Nanoseconds spent lowering, optimizing and generating machine code (incl. linking). */
  public record CompileTimes(long lowerNanos, long optimizeNanos, long codegenNanos) {
    public long totalNanos() {
      return lowerNanos + optimizeNanos + codegenNanos;
    }
  }

  private final Jit jit;
  private final LLVMOrcResourceTrackerRef tracker;
  private final Map<String, Function> functions;
  private final CompileTimes times;
  private boolean closed;

  JitModule(Jit jit, LLVMOrcResourceTrackerRef tracker, Map<String, Function> functions,
      CompileTimes times) {
    this.jit = jit;
    this.tracker = tracker;
    this.functions = Map.copyOf(functions);
    this.times = times;
  }

  /** The function named {@code name}; fails with IllegalArgumentException when absent. */
  public Function function(String name) {
    if (closed) {
      throw new IllegalStateException("JitModule closed");
    }
    Function f = functions.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no function @" + name + " in the compiled module; have "
          + functions.keySet());
    }
    return f;
  }

  public Map<String, Function> functions() {
    return functions;
  }

  public CompileTimes compileTimes() {
    return times;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      jit.release(tracker);
    }
  }
}
