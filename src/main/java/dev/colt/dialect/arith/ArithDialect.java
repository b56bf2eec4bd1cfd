// The arith dialect: integer and floating-point arithmetic, comparisons, select and casts.
package dev.colt.dialect.arith;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers every {@code arith.*} op. */
public final class ArithDialect implements Dialect {
  @Override
  public String namespace() {
    return "arith";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new ConstantOp(), new AddFOp(), new SubFOp(), new MulFOp(), new DivFOp(),
        new RemFOp(), new NegFOp(), new MaximumFOp(), new MinimumFOp(), new CmpFOp(),
        new CmpIOp(), new SelectOp(), new AddIOp(), new SubIOp(), new MulIOp(), new DivSIOp(),
        new RemSIOp(), new FloorDivSIOp(), new CeilDivSIOp(), new MinSIOp(), new MaxSIOp(),
        new AndIOp(), new OrIOp(), new XOrIOp(), new IndexCastOp(), new SIToFPOp(),
        new FPToSIOp(), new UIToFPOp(), new ExtFOp(), new TruncFOp(), new ExtSIOp(),
        new TruncIOp());
  }
}
