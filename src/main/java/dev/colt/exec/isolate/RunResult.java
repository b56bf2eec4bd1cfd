// The result of running one function once (and optionally timing it), in or out of process.
package dev.colt.exec.isolate;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.measure.Measurement;
import java.util.List;

/**
 * Checksums of the memref arguments after one call on fresh pattern inputs, the raw result slot,
 * the timing when requested (null otherwise) and the compile time in nanoseconds.
 */
public record RunResult(List<Checksums.Checksum> checksums, long resultBits,
    Measurement timing, long compileNanos) {
  public RunResult {
    checksums = List.copyOf(checksums);
  }
}
