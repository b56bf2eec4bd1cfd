// The target facts that size action menus: vector lanes per element width and cache sizes.
package dev.colt.schedule;

/**
 * What the menus need to know about the machine: the vector register width in bits and the data
 * cache sizes in bytes. {@link #host()} is this project's reference machine (AVX-512: 16 fp32
 * lanes).
 */
public record Machine(int vectorBits, long l1Bytes, long l2Bytes) {

  public static Machine host() {
    return new Machine(512, 48 * 1024, 1024 * 1024);
  }

  /** Lanes of a vector register for elements of {@code elementBits}. */
  public int lanes(int elementBits) {
    return vectorBits / elementBits;
  }
}
