// The slot-indexed storage of one function activation in the interpreter.
package dev.colt.exec.interp;

/**
 * Values of one function call, each in the slot the compiler gave it: integers and index values
 * in {@link #ints}, float scalars in {@link #floats}, buffers and vectors in {@link #refs}.
 */
final class Frame {
  final long[] ints;
  final double[] floats;
  final Object[] refs;

  Frame(int nInts, int nFloats, int nRefs) {
    ints = new long[nInts];
    floats = new double[nFloats];
    refs = new Object[nRefs];
  }
}
