// Values passed into and out of an executed function: buffers, scalars and vectors.
package dev.colt.exec.data;

import dev.colt.ir.FloatType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;

/**
 * A run-time value at the boundary of an executed function: a memref is a {@link Buffer}, a float
 * scalar a {@link FloatValue}, an integer or index scalar an {@link IntValue}, a vector a
 * {@link VectorValue}.
 */
public sealed interface RuntimeValue permits Buffer, RuntimeValue.FloatValue,
    RuntimeValue.IntValue, RuntimeValue.VectorValue {

  /** A float scalar; {@code value} is already rounded to {@code type}. */
  record FloatValue(FloatType type, double value) implements RuntimeValue {}

  /**
   * An integer or index scalar. {@code value} holds the signless bits: i1 as 0 or 1, narrower
   * integers sign-extended to 64 bits.
   */
  record IntValue(Type type, long value) implements RuntimeValue {
    public IntValue {
      if (!type.isIntOrIndex()) {
        throw new IllegalArgumentException("IntValue of type " + type);
      }
    }
  }

  /**
   * A vector in row-major order: {@code floats} for float elements, {@code ints} for integer/index
   * elements (the other array is null). The arrays are not copied; do not mutate them.
   */
  record VectorValue(VectorType type, double[] floats, long[] ints) implements RuntimeValue {}
}
