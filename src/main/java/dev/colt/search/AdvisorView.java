// Everything an advisor is shown when asked to expand a node of the shared tree.
package dev.colt.search;

import java.util.List;

/**
 * The request an advisor answers. The menu is numbered from 0 in the order of {@code menu};
 * {@code menuText} has the same order. {@code nodeSpeedup}/{@code parentSpeedup} are NaN when not
 * measured (the parent of the root). {@code correction} is non-null only for a course-alteration
 * request to the largest advisor.
 *
 * @param triedHere the actions (as text, one joint action per entry) that already made children of
 *     this node: proposing them again is wasted
 * @param recentExpanders the advisors that expanded the node, its parent and grandparent (oldest
 *     last), as far as they exist
 * @param seed a per-request seed, so advisors with randomness stay reproducible
 */
public record AdvisorView<P, A>(
    String self,
    P node,
    P parent,
    String nodeText,
    String parentText,
    List<String> trace,
    List<String> triedHere,
    double nodeSpeedup,
    double parentSpeedup,
    List<A> menu,
    List<String> menuText,
    List<AdvisorStats> advisors,
    List<String> recentExpanders,
    int measurementsUsed,
    int measurementBudget,
    long seed,
    Correction correction) {

  public AdvisorView {
    trace = List.copyOf(trace);
    triedHere = List.copyOf(triedHere);
    menu = List.copyOf(menu);
    menuText = List.copyOf(menuText);
    advisors = List.copyOf(advisors);
    recentExpanders = List.copyOf(recentExpanders);
  }

  /**
   * A course-alteration request: a cheaper advisor's proposal made things slower.
   *
   * @param smallAdvisor who proposed it
   * @param smallProposal the proposed actions as text
   * @param parentSpeedup the speedup of the node both proposals start from
   * @param smallChildSpeedup the speedup the cheaper proposal reached (lower than the parent's)
   */
  public record Correction(String smallAdvisor, List<String> smallProposal, double parentSpeedup,
      double smallChildSpeedup) {
    public Correction {
      smallProposal = List.copyOf(smallProposal);
    }
  }
}
