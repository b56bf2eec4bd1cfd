// A value passed to a JIT'd function: a memref's buffer with its shape, or a scalar.
package dev.colt.exec.jit;

import java.nio.ByteBuffer;

/** One actual argument of a JIT'd call, matched positionally to the IR function's arguments. */
public sealed interface Argument {
  /**
   * A memref: a direct buffer (64-byte aligned by COLT's calling contract) holding the elements in
   * row-major order, and the actual sizes (used for the dynamic dimensions).
   */
  record MemRef(ByteBuffer data, long[] shape) implements Argument {
    public MemRef {
      if (!data.isDirect()) {
        throw new IllegalArgumentException("memref arguments need a direct buffer");
      }
      shape = shape.clone();
    }
  }

  /** An integer or index scalar. */
  record IntScalar(long value) implements Argument {}

  /** A float scalar (f32 arguments are rounded to float). */
  record FloatScalar(double value) implements Argument {}
}
