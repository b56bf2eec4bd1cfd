// The search space of COLT: a function's loop nests and the schedule actions legal on them.
package dev.colt.search;

import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.StructuralHash;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Printer;
import dev.colt.schedule.Action;
import dev.colt.schedule.ActionMenu;
import dev.colt.schedule.Machine;
import dev.colt.transform.LoopTransform;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Programs are {@code func.func} ops with named loops; actions are {@link Action}s from the legal
 * menu sized for {@code machine}. Applying runs the action's legality check first, so a refused
 * action raises {@link IllegalActionException} with the check's short message. Menus are cached per
 * program object (the IR is immutable).
 */
public final class LoopNestSpace implements SearchSpace<Operation, Action> {
  private final Operation root;
  private final Machine machine;
  // By identity: an Operation record's hashCode walks the whole tree; an equal but distinct program
  // only misses the cache.
  private final Map<Operation, List<Action>> menus = new IdentityHashMap<>();

  /** @param func the function to tune; its loops are named if they are not yet */
  public LoopNestSpace(Operation func, Machine machine) {
    this.root = LoopHandles.assign(func);
    this.machine = machine;
  }

  @Override
  public Operation root() {
    return root;
  }

  @Override
  public List<Action> legalActions(Operation program) {
    return menus.computeIfAbsent(program, p -> List.copyOf(ActionMenu.legalActions(p, machine)));
  }

  @Override
  public Operation apply(Operation program, Action action) throws IllegalActionException {
    LoopTransform.Outcome outcome;
    try {
      outcome = action.transform().attempt(program);
    } catch (IllegalStateException e) {
      throw new IllegalActionException(e.getMessage());
    }
    return switch (outcome) {
      case LoopTransform.Outcome.Applied a -> LoopHandles.assign(a.func());
      case LoopTransform.Outcome.Refused r ->
          throw new IllegalActionException(r.refusal().shortMessage());
    };
  }

  @Override
  public String structuralHash(Operation program) {
    return String.format("%016x", StructuralHash.of(program));
  }

  @Override
  public String describe(Action action) {
    return action.text();
  }

  @Override
  public String decisionKey(Action action) {
    String text = action.text();
    int eq = text.indexOf('=');
    if (eq < 0 || action instanceof Action.Permute) {
      return action.kind();
    }
    int space = text.lastIndexOf(' ', eq);
    return space < 0 ? text : text.substring(0, space);
  }

  @Override
  public String render(Operation program) {
    return Printer.print(program);
  }
}
