// The common shape of COLT's loop transformations: a pure legality check and an apply returning new IR.
package dev.colt.transform;

import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import java.util.Optional;

/**
 * A loop transformation with its parameters, targeting loops by their {@code colt.loop} handles.
 * {@link #check} is pure and cheap enough for a search to call on every candidate; {@link #apply}
 * is only valid for an accepted transformation. Both accept a function whose loops are not named
 * yet (they name them first with {@link LoopHandles#assign}).
 */
public sealed interface LoopTransform
    permits Permute, Tile, Unroll, UnrollAndJam, Vectorize, ScalarReplace, HoistInvariants, Pack,
        Parallelize, Fuse, Normalize, Skew {

  /** Empty when the transformation is legal on {@code func}, else why not. */
  Optional<Refusal> check(Operation func);

  /**
   * The transformed function. Fails with IllegalStateException carrying the refusal's detail when
   * {@link #check} refuses.
   */
  default Operation apply(Operation func) {
    return switch (attempt(func)) {
      case Outcome.Applied a -> a.func();
      case Outcome.Refused r -> throw new IllegalStateException(r.refusal().detail());
    };
  }

  /** What {@link #attempt} gives: the transformed function, or why it was refused. */
  sealed interface Outcome {
    record Applied(Operation func) implements Outcome {}

    record Refused(Refusal refusal) implements Outcome {}
  }

  /**
   * Checks and, when accepted, applies in one go (the check runs once), for callers that handle a
   * refusal themselves. Never throws for a refused transformation.
   */
  default Outcome attempt(Operation func) {
    Operation named = LoopHandles.assign(func);
    Optional<Refusal> r = check(named);
    if (r.isPresent()) {
      return new Outcome.Refused(r.get());
    }
    return new Outcome.Applied(IrRewrite.foldApplies(rewrite(named)));
  }

  /** The rewrite itself; precondition: {@code namedFunc} has named loops and check accepted it. */
  Operation rewrite(Operation namedFunc);
}
