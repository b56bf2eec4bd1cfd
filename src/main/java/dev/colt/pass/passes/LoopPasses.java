// Shared plumbing of the loop transformation passes: naming loops, applying or remarking, tidying names.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.pass.PassContext;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Refusal;
import java.util.List;
import java.util.function.Function;

/** Helpers for passes that apply one transformation to selected loops of a function. */
final class LoopPasses {
  private LoopPasses() {}

  /**
   * Applies the transformation {@code make} builds for each loop {@code select} picks (by handle,
   * on the current function, so earlier rewrites are seen). Refusals become remarks on the loop,
   * except "nothing to do" when {@code quietWhenNothingToDo}. Loop handles the input did not have
   * are removed from the result.
   */
  static Operation applyToLoops(Operation func, PassContext context,
      Function<LoopForest, List<LoopForest.Loop>> select,
      Function<String, LoopTransform> make, boolean quietWhenNothingToDo) {
    boolean hadNames = !LoopHandles.names(func).isEmpty();
    Operation cur = LoopHandles.assign(func);
    List<String> targets = select.apply(LoopForest.of(cur)).stream()
        .map(l -> LoopHandles.nameOf(l.op())).toList();
    for (String name : targets) {
      Operation loop = LoopHandles.find(cur, name);
      if (loop == null) {
        continue;
      }
      cur = attemptOrRemark(cur, context, make.apply(name), loop, quietWhenNothingToDo);
    }
    return hadNames ? cur : LoopHandles.strip(cur);
  }

  /** Applies one transformation; a refusal becomes a remark on {@code anchor}. */
  static Operation applyOnce(Operation func, PassContext context, LoopTransform t,
      Operation anchor) {
    return applyOnce(func, context, t, anchor, false);
  }

  /** Like the four-argument form; "nothing to do" stays silent when {@code quietWhenNothingToDo}. */
  static Operation applyOnce(Operation func, PassContext context, LoopTransform t,
      Operation anchor, boolean quietWhenNothingToDo) {
    boolean hadNames = !LoopHandles.names(func).isEmpty();
    Operation named = LoopHandles.assign(func);
    Operation cur = attemptOrRemark(named, context, t, anchor, quietWhenNothingToDo);
    if (cur == named) {
      return func;
    }
    return hadNames ? cur : LoopHandles.strip(cur);
  }

  /**
   * Checks and applies {@code t} once: the new function, or {@code func} itself (the same
   * instance) after remarking the refusal on {@code anchor}, unless it is "nothing to do" and
   * {@code quietWhenNothingToDo}.
   */
  private static Operation attemptOrRemark(Operation func, PassContext context, LoopTransform t,
      Operation anchor, boolean quietWhenNothingToDo) {
    return switch (t.attempt(func)) {
      case LoopTransform.Outcome.Applied applied -> applied.func();
      case LoopTransform.Outcome.Refused refused -> {
        Refusal r = refused.refusal();
        if (!(quietWhenNothingToDo && r instanceof Refusal.NothingToDo)) {
          context.remark(anchor, r.detail());
        }
        yield func;
      }
    };
  }

  /** Loops without nested loops. */
  static List<LoopForest.Loop> innermost(LoopForest f) {
    return f.loops().stream().filter(l -> l.children().isEmpty()).toList();
  }

  /** The outermost loop of each maximal band. */
  static List<LoopForest.Loop> bandHeads(LoopForest f) {
    return f.bands().stream().map(b -> b.get(0)).toList();
  }
}
