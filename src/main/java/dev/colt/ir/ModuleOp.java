// builtin.module: the top-level container of functions.
package dev.colt.ir;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code builtin.module} op: one region with one block of top-level ops, no terminator. */
public final class ModuleOp implements OpDefinition {
  public static final String NAME = "builtin.module";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.ISOLATED_FROM_ABOVE, OpTrait.SINGLE_BLOCK, OpTrait.NO_TERMINATOR,
        OpTrait.AFFINE_SCOPE);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!op.operands().isEmpty() || !op.results().isEmpty()) {
      sink.error(op, "'builtin.module' takes no operands and has no results");
    }
    if (op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
      sink.error(op, "'builtin.module' needs one region with one block");
    }
  }

  /** A module holding {@code ops}. */
  public static Operation create(List<Operation> ops) {
    return Operation.create(NAME, List.of(), List.of(), Map.of(),
        List.of(Region.of(new Block(List.of(), ops))), Location.UNKNOWN);
  }

  /** The top-level ops of a module; precondition: {@code module} is a builtin.module. */
  public static List<Operation> body(Operation module) {
    return module.body().operations();
  }
}
