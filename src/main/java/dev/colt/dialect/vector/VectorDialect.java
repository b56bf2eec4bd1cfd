// The vector dialect subset: vector memory access, broadcast, fma, reduction, extract and insert.
package dev.colt.dialect.vector;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers COLT's {@code vector.*} ops. */
public final class VectorDialect implements Dialect {
  @Override
  public String namespace() {
    return "vector";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new VectorLoadOp(), new VectorStoreOp(), new TransferReadOp(),
        new TransferWriteOp(), new BroadcastOp(), new VectorFmaOp(), new VectorReductionOp(),
        new VectorExtractOp(), new VectorInsertOp());
  }
}
