// Shared plumbing of the loop transformation passes: naming loops, applying or remarking, tidying names.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.pass.PassContext;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
    return withHandles(func, named -> {
      Operation cur = named;
      List<String> targets = select.apply(LoopForest.of(cur)).stream()
          .map(l -> LoopHandles.nameOf(l.op())).toList();
      for (String name : targets) {
        Operation loop = LoopHandles.find(cur, name);
        if (loop == null) {
          continue;
        }
        cur = attemptOrRemark(cur, context, make.apply(name), loop, quietWhenNothingToDo);
      }
      return cur;
    });
  }

  /**
   * Applies, for the outermost band of each loop nest, the transformation {@code make} builds from
   * the band's loop handles (outermost first); an empty result leaves the nest alone. The bands
   * are taken before any rewrite, and a refusal becomes a remark on the band's outer loop. Loop
   * handles the input did not have are removed from the result.
   */
  static Operation applyToOuterBands(Operation func, PassContext context,
      Function<List<String>, Optional<LoopTransform>> make) {
    return withHandles(func, named -> {
      LoopForest forest = LoopForest.of(named);
      List<List<String>> bands = forest.roots().stream().map(root -> forest.bandFrom(root)
          .stream().map(l -> LoopHandles.nameOf(l.op())).toList()).toList();
      Operation cur = named;
      for (List<String> band : bands) {
        Optional<LoopTransform> t = make.apply(band);
        if (t.isPresent()) {
          cur = attemptOrRemark(cur, context, t.get(), LoopHandles.find(cur, band.get(0)),
              false);
        }
      }
      return cur;
    });
  }

  /**
   * Runs {@code rewrite} on {@code func} with every loop named, and removes the handles again when
   * {@code func} had none.
   */
  static Operation withHandles(Operation func, UnaryOperator<Operation> rewrite) {
    boolean hadNames = !LoopHandles.names(func).isEmpty();
    Operation cur = rewrite.apply(LoopHandles.assign(func));
    return hadNames ? cur : LoopHandles.strip(cur);
  }

  /**
   * Checks and applies {@code t} once: the new function, or {@code func} itself (the same
   * instance) after remarking the refusal on {@code anchor}, unless it is "nothing to do" and
   * {@code quietWhenNothingToDo}.
   */
  static Operation attemptOrRemark(Operation func, PassContext context, LoopTransform t,
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
