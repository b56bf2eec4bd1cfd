// Throughputs, latencies and cache sizes of the CPU the analytical cost model predicts for.
package dev.colt.analysis;

/**
 * Parameters of a CPU core for {@link CostModel}. Times are in core cycles; line costs are the
 * cycles one 64-byte line costs when it has to come from the next level (bandwidth, not latency:
 * streams are prefetched).
 *
 * @param vectorBytes widest vector register in bytes (64 for AVX-512)
 * @param fpPipes float/vector arithmetic instructions issued per cycle
 * @param loadPorts loads per cycle
 * @param storePorts stores per cycle
 * @param addLatency latency of a float add (a loop-carried chain advances at most once per this)
 * @param fmaLatency latency of a fused multiply-add
 * @param vectorRegisters architectural vector registers before values spill
 * @param loopOverhead cycles of increment-compare-branch per loop iteration
 * @param transcendental cycles of one exp/log/tanh/erf/pow (scalar or vector instruction)
 * @param divide cycles of one divide or square root
 */
public record MachineModel(int vectorBytes, double fpPipes, double loadPorts, double storePorts,
    double addLatency, double fmaLatency, int vectorRegisters, double loopOverhead,
    double transcendental, double divide, long l1Bytes, long l2Bytes, long l3Bytes,
    double l2LineCycles, double l3LineCycles, double dramLineCycles) {

  /** AMD Zen 5 (one core), the machine these numbers were taken on. */
  public static MachineModel znver5() {
    return new MachineModel(64, 2, 2, 1, 3, 4, 32, 0.5, 12, 5, 48 * 1024, 1024 * 1024,
        32L * 1024 * 1024, 1.0, 2.5, 8.0);
  }

  /** Lanes of a vector of {@code elementBytes}-byte elements. */
  public int lanes(int elementBytes) {
    return Math.max(1, vectorBytes / Math.max(1, elementBytes));
  }
}
