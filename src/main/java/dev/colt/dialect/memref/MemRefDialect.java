// The memref dialect: buffers, their allocation, shapes, element access, globals and copies.
package dev.colt.dialect.memref;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers the memref ops COLT uses. */
public final class MemRefDialect implements Dialect {
  @Override
  public String namespace() {
    return "memref";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new MemRefAllocOp(), new MemRefAllocaOp(), new MemRefDeallocOp(),
        new MemRefDimOp(), new MemRefCastOp(), new MemRefLoadOp(), new MemRefStoreOp(),
        new MemRefGlobalOp(), new MemRefGetGlobalOp(), new MemRefCopyOp());
  }
}
