// memref.alloc: allocates a buffer on the heap; free it with memref.dealloc.
package dev.colt.dialect.memref;

import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code %0 = memref.alloc(%n) {alignment = 64 : i64} : memref<?xf32>}; see
 * {@link MemRefAllocLike}.
 */
public final class MemRefAllocOp extends MemRefAllocLike {
  public static final String NAME = "memref.alloc";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Allocates {@code type}; {@code dynamicSizes} gives one index per {@code ?} dimension and
   * {@code alignment} (bytes, null for the default) must be a power of two.
   *
   * @throws IllegalArgumentException when the sizes do not match the dynamic dimensions
   */
  public static Operation build(MemRefType type, List<Value> dynamicSizes, Long alignment) {
    return create(NAME, type, dynamicSizes, alignment);
  }

  /** Allocates a statically shaped {@code type} with the default alignment. */
  public static Operation build(MemRefType type) {
    return create(NAME, type, List.of(), null);
  }

  public static List<Value> dynamicSizes(Operation op) {
    return sizes(op);
  }

  /** The requested alignment in bytes, or null when unspecified. */
  public static Long alignment(Operation op) {
    return alignmentOf(op);
  }

  public static MemRefType type(Operation op) {
    return (MemRefType) op.result().type();
  }
}
