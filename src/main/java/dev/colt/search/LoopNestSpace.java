// The search space of COLT: a function's loop nests and the schedule actions legal on them.
package dev.colt.search;

import dev.colt.analysis.IdentityMemo;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.StructuralHash;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Printer;
import dev.colt.schedule.Action;
import dev.colt.schedule.ActionMenu;
import dev.colt.schedule.Machine;
import dev.colt.schedule.Trace;
import dev.colt.transform.LoopTransform;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Programs are {@code func.func} ops with named loops; actions are {@link Action}s from the legal
 * menu sized for {@code machine}, parallelize excepted (see {@link #searched}). Applying runs the action's legality check first, so a refused
 * action raises {@link IllegalActionException} with the check's short message. Menus, apply
 * outcomes, hashes and renderings are cached per program object (the IR is immutable) in bounded
 * least-recently-used caches.
 */
public final class LoopNestSpace implements SearchSpace<Operation, Action> {
  private final Operation root;
  private final Machine machine;
  // By identity: an Operation record's hashCode walks the whole tree; an equal but distinct program
  // only misses the cache. Bounded, so a long search does not keep every program alive.
  private final IdentityMemo<Operation, Void, List<Action>> menus = new IdentityMemo<>(MENUS);
  private final IdentityMemo<Operation, Action, Applied> applies = new IdentityMemo<>(APPLIES);
  private final IdentityMemo<Operation, Void, String> hashes = new IdentityMemo<>(APPLIES);
  private final IdentityMemo<Operation, Void, String> renders = new IdentityMemo<>(MENUS);

  /** Entries kept of menus and renderings, and of applies and hashes. */
  static final int MENUS = 512;
  static final int APPLIES = 4096;

  /** The outcome of applying an action: the named result, or the refusal's short message. */
  private record Applied(Operation result, String refusal) {}

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
    return menus.get(program, null,
        () -> List.copyOf(ActionMenu.legalActions(program, machine, LoopNestSpace::searched)));
  }

  /**
   * The actions the search considers: all but parallelize, because candidates are measured on one
   * thread (loops marked parallel are lowered serially), so it cannot change a measurement and its
   * check (a full dependence analysis) is among the most expensive.
   */
  static boolean searched(Action a) {
    return !(a instanceof Action.Parallelize);
  }

  /**
   * Draws from the cached menu when there is one; otherwise checks candidates in random order until
   * one is legal (rejection sampling: uniform over the legal actions, like a draw from the menu,
   * but usually after a few checks instead of all).
   */
  @Override
  public Optional<Action> randomLegalAction(Operation program, Random random) {
    List<Action> menu = menus.peek(program, null);
    if (menu != null) {
      return menu.isEmpty() ? Optional.empty()
          : Optional.of(menu.get(random.nextInt(menu.size())));
    }
    Operation named = LoopHandles.assign(program);
    List<Action> candidates = new java.util.ArrayList<>(ActionMenu.candidates(named, machine)
        .stream().filter(LoopNestSpace::searched).toList());
    for (int left = candidates.size(); left > 0; left--) {
      int i = random.nextInt(left);
      Action a = candidates.get(i);
      if (ActionMenu.isLegal(a, named)) {
        return Optional.of(a);
      }
      candidates.set(i, candidates.get(left - 1));
    }
    return Optional.empty();
  }

  /**
   * From the cached menu when there is one; otherwise only the candidates with the same decision
   * key are checked.
   */
  @Override
  public List<Action> legalAlternatives(Operation program, Action action) {
    List<Action> menu = menus.peek(program, null);
    String key = decisionKey(action);
    if (menu != null) {
      return menu.stream().filter(a -> decisionKey(a).equals(key) && !a.equals(action)).toList();
    }
    Operation named = LoopHandles.assign(program);
    return ActionMenu.candidates(named, machine).stream()
        .filter(a -> searched(a) && decisionKey(a).equals(key) && !a.equals(action)
            && ActionMenu.isLegal(a, named)).toList();
  }

  /**
   * Applies {@code action}; the outcome is cached per (program identity, action), so an advisor's
   * lookahead and the search applying its pick pay once and get the same result object.
   */
  @Override
  public Operation apply(Operation program, Action action) throws IllegalActionException {
    Applied a = applies.get(program, action, () -> attempt(program, action));
    if (a.result() == null) {
      throw new IllegalActionException(a.refusal());
    }
    return a.result();
  }

  private static Applied attempt(Operation program, Action action) {
    LoopTransform.Outcome outcome;
    try {
      outcome = action.transform().attempt(program);
    } catch (RuntimeException e) {
      // An analysis or rewrite meeting IR it does not expect: a refusal, not a crash of the search.
      return new Applied(null, "internal error: " + e);
    }
    return switch (outcome) {
      case LoopTransform.Outcome.Applied a -> new Applied(LoopHandles.assign(a.func()), null);
      case LoopTransform.Outcome.Refused r -> new Applied(null, r.refusal().shortMessage());
    };
  }

  @Override
  public String structuralHash(Operation program) {
    return hashes.get(program, null, () -> String.format("%016x", StructuralHash.of(program)));
  }

  /** Parses one line of a text trace; empty for anything else (blank, several lines, bad text). */
  @Override
  public Optional<Action> parseAction(String text) {
    if (text == null || text.isBlank() || text.strip().contains("\n")) {
      return Optional.empty();
    }
    try {
      List<Action> actions = Trace.parseText(text.strip(), "<proposal>").actions();
      return actions.size() == 1 ? Optional.of(actions.get(0)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
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
    return renders.get(program, null, () -> Printer.print(program));
  }
}
