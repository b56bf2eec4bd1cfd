// Remembers measurements by program hash so that reruns and resumed searches do not re-measure.
package dev.colt.search;

import java.util.Optional;

/** Lookup of earlier measurements of the same program on the same target. */
public interface MeasurementStore {
  MeasurementStore NONE = hash -> Optional.empty();

  /** The stored evaluation of the program with structural hash {@code hash}, if any. */
  Optional<Evaluation> lookup(String hash);
}
