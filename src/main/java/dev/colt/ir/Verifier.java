// Structural IR verifier: registered ops, regions, terminators, dominance, then each op's own rules.
package dev.colt.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an operation tree: every op is registered; single-block ops have at most one block per
 * region; non-empty blocks end with a terminator (unless the op has {@link OpTrait#NO_TERMINATOR})
 * and terminators appear only last; every value is defined once; every operand is visible where it
 * is used (defined earlier in the same block or in an enclosing block before the enclosing op, not
 * across an {@link OpTrait#ISOLATED_FROM_ABOVE} op); then each {@link OpDefinition#verify} and,
 * when that passed, {@link OpDefinition#verifyInContext}. Messages
 * follow MLIR: {@code 'affine.load' op ...}, located at the op.
 */
public final class Verifier {
  private final OpRegistry registry = OpRegistry.global();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** Where each value is defined: its block and the index of the defining op (-1 for arguments). */
  private final Map<Value, Definition> definitions = new IdentityHashMap<>();
  /** Blocks on the path from the root to the op being checked, with the position reached. */
  private final List<Frame> path = new ArrayList<>();
  private OpContext context;

  private record Definition(Block block, int index) {}

  private static final class Frame {
    final Block block;
    final Operation owner;
    final boolean entry;
    final Block entryBlock;
    int position;

    Frame(Block block, Operation owner, boolean entry, Block entryBlock) {
      this.block = block;
      this.owner = owner;
      this.entry = entry;
      this.entryBlock = entryBlock;
    }
  }

  private Verifier() {}

  /** All problems found in {@code root}, in walk order; empty when it is valid. */
  public static List<Diagnostic> verify(Operation root) {
    Verifier v = new Verifier();
    v.context = OpContext.of(root);
    v.collectDefinitions(root);
    v.verifyOp(root);
    return List.copyOf(v.diagnostics);
  }

  /** Throws a {@link DiagnosticException} carrying every problem when {@code root} is invalid. */
  public static void verifyOrThrow(Operation root) {
    List<Diagnostic> ds = verify(root);
    if (!ds.isEmpty()) {
      throw new DiagnosticException(ds);
    }
  }

  private void error(Operation op, String message) {
    String text = message.startsWith("'") ? message : "'" + op.name() + "' op " + message;
    diagnostics.add(Diagnostic.error(op.location(), text));
  }

  private void collectDefinitions(Operation op) {
    for (Value r : op.results()) {
      if (definitions.put(r, new Definition(null, -1)) != null) {
        error(op, "defines a value that is already defined elsewhere");
      }
    }
    for (Region region : op.regions()) {
      for (Block b : region.blocks()) {
        for (Value a : b.arguments()) {
          if (definitions.put(a, new Definition(b, -1)) != null) {
            error(op, "has a block argument that is already defined elsewhere");
          }
        }
        for (int i = 0; i < b.operations().size(); i++) {
          Operation inner = b.operations().get(i);
          collectDefinitions(inner);
          for (Value r : inner.results()) {
            definitions.put(r, new Definition(b, i));
          }
        }
      }
    }
  }

  private void verifyOp(Operation op) {
    OpDefinition def = registry.lookup(op.name());
    if (def == null) {
      error(op, "'" + op.name() + "' is not a registered operation");
    }
    for (int i = 0; i < op.operands().size(); i++) {
      checkVisible(op, i);
    }
    boolean singleBlock = def != null && def.hasTrait(OpTrait.SINGLE_BLOCK);
    boolean noTerminator = def != null && def.hasTrait(OpTrait.NO_TERMINATOR);
    boolean isolated = def != null && def.hasTrait(OpTrait.ISOLATED_FROM_ABOVE);
    for (int r = 0; r < op.regions().size(); r++) {
      Region region = op.regions().get(r);
      if (singleBlock && region.blocks().size() > 1) {
        error(op, "expects region #" + r + " to have 0 or 1 blocks");
      }
      for (int bi = 0; bi < region.blocks().size(); bi++) {
        Block b = region.blocks().get(bi);
        verifyBlock(op, r, b, bi == 0, region.blocks().get(0), noTerminator, isolated);
      }
    }
    if (def != null) {
      int before = diagnostics.size();
      try {
        def.verify(op, this::error);
        if (diagnostics.size() == before) {
          def.verifyInContext(op, context, this::error);
        }
      } catch (RuntimeException e) {
        if (diagnostics.size() == before) {
          error(op, "is malformed: " + e.getMessage());
        }
      }
    }
  }

  private void verifyBlock(Operation owner, int regionIndex, Block b, boolean entry,
      Block entryBlock, boolean noTerminator, boolean isolated) {
    List<Operation> ops = b.operations();
    if (!noTerminator) {
      if (ops.isEmpty()) {
        error(owner, "region #" + regionIndex + " has an empty block: expected at least a"
            + " terminator");
      } else if (!registry.hasTrait(ops.get(ops.size() - 1), OpTrait.TERMINATOR)
          && registry.lookup(ops.get(ops.size() - 1).name()) != null) {
        error(ops.get(ops.size() - 1), "block in region #" + regionIndex + " of '"
            + owner.name() + "' must end with a terminator, not '"
            + ops.get(ops.size() - 1).name() + "'");
      }
    }
    Frame frame = new Frame(b, isolated ? owner : null, entry, entryBlock);
    path.add(frame);
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      frame.position = i;
      if (i < ops.size() - 1 && registry.hasTrait(op, OpTrait.TERMINATOR)) {
        error(op, "must be the last operation in the parent block");
      }
      verifyOp(op);
    }
    path.remove(path.size() - 1);
  }

  private void checkVisible(Operation op, int operandIndex) {
    Value v = op.operands().get(operandIndex);
    Definition d = definitions.get(v);
    if (d == null) {
      error(op, "operand #" + operandIndex + " is a value that is not defined in this IR");
      return;
    }
    Operation isolatedOwner = null;
    for (int k = path.size() - 1; k >= 0; k--) {
      Frame f = path.get(k);
      boolean sameBlock = d.block() == f.block;
      boolean fromEntry = !f.entry && d.block() == f.entryBlock;
      if (sameBlock || fromEntry) {
        if (isolatedOwner != null) {
          error(op, "operand #" + operandIndex + " uses a value defined outside the isolated"
              + " region of '" + isolatedOwner.name() + "'");
          return;
        }
        if (fromEntry || d.index() < f.position) {
          return;
        }
        error(op, "operand #" + operandIndex + " does not dominate this use");
        return;
      }
      if (f.owner != null && isolatedOwner == null) {
        isolatedOwner = f.owner;
      }
    }
    error(op, "operand #" + operandIndex + " uses a value that is not visible here (defined in"
        + " another region)");
  }
}
