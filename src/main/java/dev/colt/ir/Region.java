// A region: a list of blocks owned by an operation.
package dev.colt.ir;

import java.util.List;

/** An immutable region; COLT's ops use single-block regions. */
public record Region(List<Block> blocks) {
  public Region {
    blocks = List.copyOf(blocks);
  }

  public static Region of(Block block) {
    return new Region(List.of(block));
  }

  /** The entry block; fails with IllegalStateException on an empty region. */
  public Block entry() {
    if (blocks.isEmpty()) {
      throw new IllegalStateException("empty region");
    }
    return blocks.get(0);
  }

  /** Deep copy with fresh block arguments and results, recorded in {@code mapping}. */
  public Region cloneWith(IRMapping mapping) {
    List<Block> out = new java.util.ArrayList<>(blocks.size());
    for (Block b : blocks) {
      List<Value> args = new java.util.ArrayList<>();
      for (Value a : b.arguments()) {
        Value na = new Value(a.type());
        mapping.map(a, na);
        args.add(na);
      }
      List<Operation> ops = new java.util.ArrayList<>(b.operations().size());
      for (Operation op : b.operations()) {
        ops.add(op.clone(mapping));
      }
      out.add(new Block(args, ops));
    }
    return new Region(out);
  }
}
