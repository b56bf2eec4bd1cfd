// Resolves loop handles to loops of an analyzed function, with refusals for missing or ill-shaped targets.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import java.util.ArrayList;
import java.util.List;

/** A loop or band found by handle, or the refusal saying why not. */
final class Targets {
  private Targets() {}

  record Found<T>(T value, Refusal refusal) {
    boolean ok() {
      return refusal == null;
    }
  }

  static Found<LoopForest.Loop> loop(LoopForest forest, String name) {
    for (LoopForest.Loop l : forest.loops()) {
      if (name.equals(LoopHandles.nameOf(l.op()))) {
        return new Found<>(l, null);
      }
    }
    return new Found<>(null, new Refusal.NoSuchLoop(name));
  }

  /** The loops named, which must be perfectly nested in exactly this order (outermost first). */
  static Found<List<LoopForest.Loop>> band(LoopForest forest, List<String> names) {
    List<LoopForest.Loop> loops = new ArrayList<>();
    for (String n : names) {
      Found<LoopForest.Loop> f = loop(forest, n);
      if (!f.ok()) {
        return new Found<>(null, f.refusal());
      }
      loops.add(f.value());
    }
    List<LoopForest.Loop> band = forest.bandFrom(loops.get(0));
    if (band.size() < loops.size() || !band.subList(0, loops.size()).equals(loops)) {
      return new Found<>(null, new Refusal.NotABand(names,
          "each loop must be the only op in the body of the previous one, without iter_args"));
    }
    return new Found<>(loops, null);
  }

  /** The refusal for unknown effects inside {@code loop}, or null. */
  static Refusal unknownEffects(DependenceAnalysis da, LoopForest.Loop loop) {
    for (Operation op : da.unknownEffects()) {
      if (da.forest().isInside(op, loop.op())) {
        return new Refusal.UnknownEffects(LoopHandles.nameOf(loop.op()), op.name());
      }
    }
    return null;
  }

  static String name(LoopForest.Loop l) {
    return LoopHandles.nameOf(l.op());
  }

  /** True when the loop's body has no nested region ops. */
  static boolean isInnermost(LoopForest.Loop l) {
    return AffineOps.bodyOps(l.op()).stream().allMatch(op -> op.regions().isEmpty());
  }
}
