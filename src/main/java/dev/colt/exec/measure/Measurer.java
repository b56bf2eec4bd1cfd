// The measurement protocol in one place: warm-ups, calibrated batches, samples until count and time.
package dev.colt.exec.measure;

import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.jit.ArgumentSlots;
import dev.colt.exec.jit.JitModule;
import dev.colt.exec.runtime.NativeRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Times JIT'd functions with the native runtime (clock_gettime around batches of direct calls).
 * {@link #measure} times one function; {@link #compare} times two in alternating rounds so that
 * clock-frequency drift affects both alike. The arguments are reused across calls: kernels that
 * accumulate into an output (C += A*B) keep running on changing data, which does not change their
 * speed. A kernel that faults crashes the process: measure untrusted code through
 * dev.colt.exec.isolate.
 */
public final class Measurer {
  private final MeasureConfig config;

  public Measurer(MeasureConfig config) {
    this.config = config;
  }

  public MeasureConfig config() {
    return config;
  }

  private void pin() {
    if (config.pinCpu() >= 0) {
      NativeRuntime.pinCurrentThread(config.pinCpu());
    }
  }

  /** Calls per sample so that one sample lasts at least minBatchNanos (at least 1). */
  private int calibrate(long entry, long slots) {
    long[] one = new long[1];
    NativeRuntime.timeBatches(entry, slots, 1, 1, one);
    long perCall = Math.max(1, one[0]);
    long calls = Math.max(1, (config.minBatchNanos() + perCall - 1) / perCall);
    return (int) Math.min(1 << 20, calls);
  }

  /** Times {@code f} on {@code args}; see {@link MeasureConfig} for when sampling stops. */
  public Measurement measure(JitModule.Function f, List<? extends RuntimeValue> args) {
    pin();
    try (ArgumentSlots slots = new ArgumentSlots(f.convention(), args)) {
      long entry = f.entry();
      long[] warm = new long[Math.max(1, config.warmups())];
      if (config.warmups() > 0) {
        NativeRuntime.timeBatches(entry, slots.address(), config.warmups(), 1, warm);
      }
      int batch = calibrate(entry, slots.address());
      List<Double> perCall = new ArrayList<>();
      long timed = 0;
      long start = NativeRuntime.nowNanos();
      long[] out = new long[1];
      while (perCall.size() < config.minSamples() || timed < config.minNanos()) {
        timed += NativeRuntime.timeBatches(entry, slots.address(), 1, batch, out);
        perCall.add(out[0] / (double) batch);
        if (perCall.size() >= config.minSamples()
            && NativeRuntime.nowNanos() - start > config.maxNanos()) {
          break;
        }
      }
      return Measurement.of(perCall.stream().mapToDouble(Double::doubleValue).toArray(), batch);
    }
  }

  /**
   * Times {@code baseline} and {@code candidate} in rounds; each round times one sample of each,
   * alternating which goes first. Both are warmed up first.
   */
  public Comparison compare(JitModule.Function baseline, List<? extends RuntimeValue> baselineArgs,
      JitModule.Function candidate, List<? extends RuntimeValue> candidateArgs) {
    pin();
    try (ArgumentSlots a = new ArgumentSlots(baseline.convention(), baselineArgs);
        ArgumentSlots b = new ArgumentSlots(candidate.convention(), candidateArgs)) {
      long[] warm = new long[Math.max(1, config.warmups())];
      if (config.warmups() > 0) {
        NativeRuntime.timeBatches(baseline.entry(), a.address(), config.warmups(), 1, warm);
        NativeRuntime.timeBatches(candidate.entry(), b.address(), config.warmups(), 1, warm);
      }
      int batchA = calibrate(baseline.entry(), a.address());
      int batchB = calibrate(candidate.entry(), b.address());
      List<Double> timesA = new ArrayList<>();
      List<Double> timesB = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      long[] out = new long[1];
      long timed = 0;
      long start = NativeRuntime.nowNanos();
      int round = 0;
      while (round < config.minSamples() || timed < config.minNanos()) {
        double ta;
        double tb;
        if (round % 2 == 0) {
          timed += NativeRuntime.timeBatches(baseline.entry(), a.address(), 1, batchA, out);
          ta = out[0] / (double) batchA;
          timed += NativeRuntime.timeBatches(candidate.entry(), b.address(), 1, batchB, out);
          tb = out[0] / (double) batchB;
        } else {
          timed += NativeRuntime.timeBatches(candidate.entry(), b.address(), 1, batchB, out);
          tb = out[0] / (double) batchB;
          timed += NativeRuntime.timeBatches(baseline.entry(), a.address(), 1, batchA, out);
          ta = out[0] / (double) batchA;
        }
        timesA.add(ta);
        timesB.add(tb);
        ratios.add(ta / Math.max(1e-3, tb));
        round++;
        if (round >= config.minSamples() && NativeRuntime.nowNanos() - start > config.maxNanos()) {
          break;
        }
      }
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Comparison(
          Measurement.of(timesA.stream().mapToDouble(Double::doubleValue).toArray(), batchA),
          Measurement.of(timesB.stream().mapToDouble(Double::doubleValue).toArray(), batchB),
          Measurement.quantile(r, 0.5), round);
    }
  }
}
