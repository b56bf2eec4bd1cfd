// The cheap offline advisor: an expert's recipe for CPU loop nests, guided by access strides.
package dev.colt.advisor;

import dev.colt.analysis.Access;
import dev.colt.analysis.IdentityMemo;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorException;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorView;
import dev.colt.search.IllegalActionException;
import dev.colt.search.Proposal;
import dev.colt.search.SearchSpace;
import dev.colt.search.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * On a multiply-accumulate band (see {@link GemmRecipe}) it proposes the whole register-tiling
 * schedule as one joint move (a recipe of about nine actions, checked step by step against the
 * node and cut at the first refusal), alternating with the same move without packing, over the
 * size variants not yet tried at the node. Otherwise it proposes the next step of a fixed recipe -
 * permute for unit-stride innermost accesses, tile for the caches, unroll-and-jam for register
 * reuse, vectorize, scalar replacement, hoisting, unrolling - skipping steps the trace already took
 * in the same loop nest or the menu does not offer. Permutations are judged by the strides of the
 * accesses in the would-be innermost loop; among equally good entries the request's seed decides. It applies nothing, so a call costs microseconds. It hands the next node to itself
 * while things improve and to {@code stronger} after a regression.
 */
public final class HeuristicAdvisor implements Advisor<Operation, Action> {
  /** The recipe order, by action kind. */
  static final List<String> RECIPE = List.of("permute", "tile", "unroll-and-jam", "vectorize",
      "scalar-replace", "hoist", "unroll");
  private final AdvisorProfile profile;
  private final String stronger;
  private final SearchSpace<Operation, Action> space;
  private final Machine machine;

  /**
   * @param stronger the advisor to suggest after a regression (null: always itself)
   * @param space the space whose apply checks recipe steps (null: single steps only)
   */
  public HeuristicAdvisor(AdvisorProfile profile, String stronger,
      SearchSpace<Operation, Action> space, Machine machine) {
    this.profile = profile;
    this.stronger = stronger;
    this.space = space;
    this.machine = machine;
  }

  @Override
  public AdvisorProfile profile() {
    return profile;
  }

  @Override
  public Proposal propose(AdvisorView<Operation, Action> view) throws AdvisorException {
    if (view.menu().isEmpty()) {
      throw new AdvisorException("empty menu");
    }
    Random random = new Random(view.seed());
    Operation func = LoopHandles.assign(view.node());
    Optional<Proposal> recipe = recipeMove(view, func);
    if (recipe.isPresent()) {
      return recipe.get();
    }
    LoopForest forest = LoopForest.of(func);
    List<Access> accesses = Access.collect(forest);
    Set<String> taken = takenSteps(view.trace(), forest);
    for (String kind : RECIPE) {
      List<Integer> best = new ArrayList<>();
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < view.menu().size(); i++) {
        Action a = view.menu().get(i);
        if (!a.kind().equals(kind) || view.triedHere().contains(a.text())
            || !kind.equals("unroll-and-jam") && taken.contains(stepKey(a.text(), forest))) {
          continue;
        }
        double s = score(a, forest, accesses);
        if (s > bestScore + 1e-9) {
          bestScore = s;
          best.clear();
          best.add(i);
        } else if (Math.abs(s - bestScore) <= 1e-9) {
          best.add(i);
        }
      }
      if (!best.isEmpty() && bestScore > 0) {
        int pick = best.get(random.nextInt(best.size()));
        return new Proposal(List.of(pick), next(view), Usage.NONE,
            "recipe step " + kind + ": " + view.menuText().get(pick));
      }
    }
    int pick = random.nextInt(view.menu().size());
    return new Proposal(List.of(pick), next(view), Usage.NONE,
        "recipe exhausted, random: " + view.menuText().get(pick));
  }

  /**
   * The first register-tiling joint move, over the size variants (each with, then without,
   * packing), that applies at least its two tiles and makes a child the node does not have yet.
   */
  private Optional<Proposal> recipeMove(AdvisorView<Operation, Action> view, Operation func) {
    if (space == null) {
      return Optional.empty();
    }
    Optional<GemmRecipe.Gemm> gemm = GemmRecipe.find(func);
    if (gemm.isEmpty()) {
      return Optional.empty();
    }
    for (GemmRecipe.Sizes sizes : GemmRecipe.VARIANTS) {
      List<Action> tiling = GemmRecipe.registerTiling(gemm.get(), sizes, machine);
      List<Action> packed = new ArrayList<>(tiling);
      packed.addAll(GemmRecipe.packing(gemm.get(), sizes));
      for (List<Action> move : List.of(packed, tiling)) {
        List<String> steps = applicablePrefix(view.node(), move);
        if (steps.size() >= 2 && !view.triedHere().contains(String.join("; ", steps))) {
          return Optional.of(new Proposal(List.of(), steps, next(view), Usage.NONE,
              "recipe: register tiling " + sizes + ": " + String.join("; ", steps)));
        }
      }
    }
    return Optional.empty();
  }

  /** The texts of the longest prefix of {@code move} that applies step by step to {@code p}. */
  private List<String> applicablePrefix(Operation p, List<Action> move) {
    List<String> out = new ArrayList<>();
    for (Action a : move) {
      try {
        p = space.apply(p, a);
      } catch (IllegalActionException e) {
        break;
      }
      out.add(a.text());
    }
    return out;
  }

  /**
   * The recipe steps the trace already took, as {@link #stepKey}s: a kind is done per loop nest,
   * so a function of several nests gets each step once in every nest.
   */
  static Set<String> takenSteps(List<String> trace, LoopForest forest) {
    Set<String> out = new HashSet<>();
    for (String t : trace) {
      out.add(stepKey(t, forest));
    }
    return out;
  }

  /**
   * The kind of a trace line with the outermost loop of the nest its first loop is in now: loops
   * keep their original name as a prefix when transformations rename them ({@code i} becomes
   * {@code i.tile}, {@code i.point}); a line whose loop is gone keys on the kind alone.
   */
  static String stepKey(String line, LoopForest forest) {
    String[] words = line.split(" ", 3);
    if (words.length < 2) {
      return words[0];
    }
    String loop = words[1].split(",")[0];
    String origin = loop.contains(".") ? loop.substring(0, loop.indexOf('.')) : loop;
    for (LoopForest.Loop l : forest.loops()) {
      String name = LoopHandles.nameOf(l.op());
      if (name != null && (name.equals(loop) || name.equals(origin)
          || name.startsWith(origin + "."))) {
        LoopForest.Loop root = l;
        while (root.parent() != null) {
          root = root.parent();
        }
        return words[0] + " @" + LoopHandles.nameOf(root.op());
      }
    }
    return words[0];
  }

  private String next(AdvisorView<Operation, Action> view) {
    boolean regressed = !Double.isNaN(view.parentSpeedup())
        && !(view.nodeSpeedup() >= view.parentSpeedup());
    return regressed && stronger != null ? stronger : profile.name();
  }

  /** How much the recipe likes an action; only positive scores are proposed. */
  static double score(Action a, LoopForest forest, List<Access> accesses) {
    return switch (a) {
      case Action.Permute p -> {
        LoopForest.Loop now = loopNamed(forest, innermostOf(forest, p.order()));
        LoopForest.Loop next = loopNamed(forest, p.order().get(p.order().size() - 1));
        yield next == null || now == null ? 0
            : strideScore(next, accesses) - strideScore(now, accesses);
      }
      case Action.Tile t -> 10 - Math.abs(Math.log(t.sizes().get(0) / 48.0)) * 3
          - (t.loops().size() < 2 ? 5 : 0);
      case Action.UnrollAndJam u -> !computes(forest, loopNamed(forest, u.loop())) ? 0
          : u.factor() == 4 ? 3 : u.factor() == 8 ? 2 : 1;
      case Action.Vectorize v -> v.width() / 4.0;
      case Action.ScalarReplace s -> 1;
      case Action.Hoist h -> 1;
      case Action.Unroll u -> !computes(forest, loopNamed(forest, u.loop())) ? 0
          : u.factor() == 4 ? 1 : 0.5;
      default -> 0;
    };
  }

  /** Per function (by identity): the loops with arithmetic under them, see {@link #computes}. */
  private static final IdentityMemo<Operation, Void, Set<Operation>> COMPUTING =
      new IdentityMemo<>(64);

  /**
   * True when arithmetic (arith, math or vector.fma ops other than constants and casts to index)
   * runs under {@code loop} of {@code forest}: unrolling pays for compute nests, not for the copy
   * loops packing adds (their bodies only move data). One walk of the function answers for all
   * its loops.
   */
  static boolean computes(LoopForest forest, LoopForest.Loop loop) {
    return loop != null
        && COMPUTING.get(forest.root(), root -> computingLoops(forest)).contains(loop.op());
  }

  private static Set<Operation> computingLoops(LoopForest forest) {
    Set<Operation> out = Collections.newSetFromMap(new IdentityHashMap<>());
    forest.root().walk(op -> {
      String n = op.name();
      if ((n.startsWith("arith.") || n.startsWith("math.")) && !n.equals("arith.constant")
          && !n.equals("arith.index_cast") || n.equals("vector.fma")) {
        forest.enclosingLoops(op).forEach(l -> out.add(l.op()));
      }
    });
    return out;
  }

  /** The loop of {@code names} that is nested deepest now. */
  private static String innermostOf(LoopForest forest, List<String> names) {
    String deepest = names.get(names.size() - 1);
    int depth = -1;
    for (String n : names) {
      LoopForest.Loop l = loopNamed(forest, n);
      if (l != null && l.depth() > depth) {
        depth = l.depth();
        deepest = n;
      }
    }
    return deepest;
  }

  private static LoopForest.Loop loopNamed(LoopForest forest, String name) {
    for (LoopForest.Loop l : forest.loops()) {
      if (name.equals(LoopHandles.nameOf(l.op()))) {
        return l;
      }
    }
    return null;
  }

  /**
   * Locality of making {@code loop} innermost: each access under it scores +2 when invariant in the
   * loop or unit-stride in its last subscript, -3 otherwise (-4 for writes).
   */
  static double strideScore(LoopForest.Loop loop, List<Access> accesses) {
    double s = 0;
    for (Access a : accesses) {
      if (!a.loops().contains(loop)) {
        continue;
      }
      boolean good = true;
      int last = a.subscripts().size() - 1;
      for (int d = 0; d <= last; d++) {
        LinearForm f = a.subscripts().get(d);
        long c = f.coefficient(loop.inductionVar());
        if (!f.isExact() && f.dependsOn(loop.inductionVar())) {
          good = false;
        } else if (d < last ? c != 0 : c != 0 && c != 1) {
          good = false;
        }
      }
      s += good ? 2 : a.write() ? -4 : -3;
    }
    return s;
  }
}
