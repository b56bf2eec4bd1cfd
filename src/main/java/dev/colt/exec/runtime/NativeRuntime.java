// JavaCPP binding of native/colt_runtime.h, the C runtime that calls and times JIT-compiled kernels.
package dev.colt.exec.runtime;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * Static bindings of the C runtime in {@code native/colt_runtime.h}, compiled into a JNI library by
 * the JavaCPP Maven plugin (goal {@code build}) at build time. Addresses (code and data) are passed
 * as {@code long}. Calling {@link #call} or {@link #timeBatches} with an address that is not a live
 * entry point of the form {@code void(int64_t*)} or with too few slots crashes the process: run
 * untrusted candidates through {@code dev.colt.exec.isolate}.
 */
@Platform(include = "colt_runtime.h")
public final class NativeRuntime {
  static {
    Loader.load();
  }

  private NativeRuntime() {}

  /** Forces the native library to load (about a second on the first call of a process). */
  public static void load() {
    // The static initializer did the work.
  }

  /** CLOCK_MONOTONIC_RAW in nanoseconds. */
  @Name("colt_now_ns")
  public static native long nowNanos();

  /** Calls {@code entry(slots)} once. */
  @Name("colt_call")
  public static native void call(long entry, long slots);

  /**
   * Runs {@code batches} batches of {@code callsPerBatch} calls and stores each batch's nanoseconds
   * in {@code outNanos[0..batches)}; returns the total. Precondition: {@code outNanos.length >=
   * batches}.
   */
  @Name("colt_time_batches")
  public static native long timeBatches(long entry, long slots, int batches, int callsPerBatch,
      @Cast("long long*") long[] outNanos);

  /** Pins the calling thread to {@code cpu}; returns 0 or the errno value. */
  @Name("colt_pin_current_thread")
  public static native int pinCurrentThread(int cpu);

  /** The CPU the calling thread runs on, or -1. */
  @Name("colt_current_cpu")
  public static native int currentCpu();

  /** Zero-filled memory aligned to {@code alignment} (a power of two); 0 when out of memory. */
  @Name("colt_aligned_alloc")
  public static native long alignedAlloc(long alignment, long bytes);

  /** Frees memory from {@link #alignedAlloc}; 0 is ignored. */
  @Name("colt_free")
  public static native void free(long address);

  /** Touches every cache line of {@code bytes} bytes at {@code scratch}. */
  @Name("colt_flush_cache")
  public static native void flushCache(long scratch, long bytes);
}
