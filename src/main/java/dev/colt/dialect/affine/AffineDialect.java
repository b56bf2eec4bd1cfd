// The affine dialect: loops, conditionals and memory accesses with affine subscripts.
package dev.colt.dialect.affine;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers the affine ops COLT uses. */
public final class AffineDialect implements Dialect {
  @Override
  public String namespace() {
    return "affine";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new AffineForOp(), new AffineIfOp(), new AffineYieldOp(), new AffineLoadOp(),
        new AffineStoreOp(), new AffineVectorLoadOp(), new AffineVectorStoreOp(),
        new AffineApplyOp(), new AffineMinOp(), new AffineMaxOp());
  }
}
