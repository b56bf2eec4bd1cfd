// The stronger offline advisor: one-step lookahead ranked by the analytical cost model.
package dev.colt.advisor;

import dev.colt.analysis.CostModel;
import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorException;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorView;
import dev.colt.search.IllegalActionException;
import dev.colt.search.Proposal;
import dev.colt.search.SearchSpace;
import dev.colt.search.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Applies every menu action not yet tried at the node (up to {@code maxLookahead}, spread evenly over
 * the menu), predicts each result with {@link CostModel} (footprints and reuse per cache level,
 * vector width, reduction chains, register pressure) and proposes the fastest prediction; among
 * predictions within 2% of the best, the request's seed picks. After a large predicted gain it
 * keeps the next node; otherwise it hands it to {@code cheaper}, the smallest advisor likely to do
 * as well. Fails with AdvisorException when no menu action applies.
 */
public final class CostModelAdvisor implements Advisor<Operation, Action> {
  private final AdvisorProfile profile;
  private final SearchSpace<Operation, Action> space;
  private final CostModel model;
  private final String cheaper;
  private final int maxLookahead;

  public CostModelAdvisor(AdvisorProfile profile, SearchSpace<Operation, Action> space,
      CostModel model, String cheaper, int maxLookahead) {
    this.profile = profile;
    this.space = space;
    this.model = model;
    this.cheaper = cheaper;
    this.maxLookahead = maxLookahead;
  }

  @Override
  public AdvisorProfile profile() {
    return profile;
  }

  @Override
  public Proposal propose(AdvisorView<Operation, Action> view) throws AdvisorException {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < view.menu().size(); i++) {
      if (!view.triedHere().contains(view.menuText().get(i))) {
        candidates.add(i);
      }
    }
    candidates = spread(candidates, maxLookahead);
    double current = model.estimate(view.node()).cycles();
    double[] predicted = predict(space, model, view.node(), view.menu(), candidates);
    double best = Double.POSITIVE_INFINITY;
    for (int i : candidates) {
      best = Math.min(best, predicted[i]);
    }
    if (best == Double.POSITIVE_INFINITY) {
      throw new AdvisorException("no menu action could be applied for prediction");
    }
    List<Integer> near = new ArrayList<>();
    for (int i : candidates) {
      if (predicted[i] <= best * 1.02) {
        near.add(i);
      }
    }
    int pick = near.get(new Random(view.seed()).nextInt(near.size()));
    boolean bigGain = predicted[pick] < 0.7 * current;
    String next = bigGain || cheaper == null ? profile.name() : cheaper;
    return new Proposal(List.of(pick), next, Usage.NONE, String.format(java.util.Locale.ROOT,
        "predicted %.3g -> %.3g cycles: %s", current, predicted[pick],
        view.menuText().get(pick)));
  }

  /** At most {@code max} of {@code candidates}, spread evenly over the list (all when fewer). */
  static List<Integer> spread(List<Integer> candidates, int max) {
    if (candidates.size() <= max) {
      return candidates;
    }
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < max; k++) {
      out.add(candidates.get((int) ((long) k * candidates.size() / max)));
    }
    return out;
  }

  /**
   * The cost model's predicted cycles after applying each menu entry of {@code candidates} to
   * {@code node}, indexed like the menu; entries not among the candidates, and actions that do not
   * apply, are +infinity.
   */
  static double[] predict(SearchSpace<Operation, Action> space, CostModel model, Operation node,
      List<Action> menu, List<Integer> candidates) {
    double[] predicted = new double[menu.size()];
    java.util.Arrays.fill(predicted, Double.POSITIVE_INFINITY);
    for (int i : candidates) {
      try {
        predicted[i] = model.estimate(space.apply(node, menu.get(i))).cycles();
      } catch (IllegalActionException | RuntimeException e) {
        predicted[i] = Double.POSITIVE_INFINITY;
      }
    }
    return predicted;
  }
}
