// What one graph op's lowering may ask of the function being lowered.
package dev.colt.lower.graph;

import dev.colt.ir.Block;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * Services for lowering one graph op: the function body to append nests to, temporary buffers and
 * constant buffers. Buffers are row-major memrefs with the shape of the tensor they hold.
 */
interface LoweringContext {
  /** The function body (top level); scalar constants go here, before the nests that use them. */
  Block.Builder body();

  /** A new buffer freed at the end of the function. */
  Value alloc(MemRefType type);

  /** A read-only buffer holding {@code values} (row-major), backed by a private memref.global. */
  Value constantBuffer(MemRefType type, double[] values);

  /** A scalar float constant of {@code type} at the top of the nests. */
  default Value constant(double v, Type type) {
    return Scalars.constant(body(), v, type);
  }

  /** Lowers one graph op given its operand buffers and the buffer for its result. */
  @FunctionalInterface
  interface OpLowering {
    void lower(LoweringContext ctx, Operation op, List<Value> operands, Value result);
  }
}
