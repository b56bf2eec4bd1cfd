// What a dialect declares about one operation: its name, traits and op-specific verifier.
package dev.colt.ir;

import java.util.List;
import java.util.Set;

/**
 * Declaration of an operation kind. Dialects implement one per op (usually alongside its text
 * syntax, see {@code ir.text.OpSyntax}) and list them in their {@link Dialect}.
 */
public interface OpDefinition {
  /** Full name, {@code dialect.op}. */
  String name();

  /** The op's traits; empty by default. */
  default Set<OpTrait> traits() {
    return Set.of();
  }

  default boolean hasTrait(OpTrait trait) {
    return traits().contains(trait);
  }

  /**
   * Checks the op's own invariants (operand and result counts and types, attributes, region shapes).
   * Structural rules (dominance, terminators) are checked by the generic verifier. Reports each
   * problem through {@code sink}; never throws for malformed input.
   */
  void verify(Operation op, VerificationSink sink);

  /**
   * Checks invariants that depend on the op's surroundings (its ancestors, the ops defining its
   * operands), such as MLIR's affine dim/symbol rules. Generic verifiers call it after
   * {@link #verify} with a context indexing the whole tree being verified. Default: nothing.
   */
  default void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
  }

  /**
   * Constant folding: given the constant value of each operand (null where unknown), returns one
   * attribute per result, or null when the op does not fold. Default: no folding.
   */
  default List<Attribute> fold(Operation op, List<Attribute> constantOperands) {
    return null;
  }

  /**
   * Folding to an existing value ({@code x * 1 -> x}, {@code select true, a, b -> a}): given the
   * constant value of each operand (null where unknown), returns a value that the op's single result
   * always equals and that is defined before the op (in practice one of its operands), or null.
   * Callers try {@link #fold} first and replace every use of the result with the returned value.
   * Default: no folding.
   */
  default Value foldToValue(Operation op, List<Attribute> constantOperands) {
    return null;
  }
}
