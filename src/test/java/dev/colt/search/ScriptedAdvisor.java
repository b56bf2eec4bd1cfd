// An advisor that answers from a script, recording what it was shown.
package dev.colt.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Answers each request with {@code script.apply(view)}; a null answer is a failed call. */
final class ScriptedAdvisor implements Advisor<List<Integer>, ToySpace.Step> {
  private final AdvisorProfile profile;
  private final Function<AdvisorView<List<Integer>, ToySpace.Step>, Proposal> script;
  final List<AdvisorView<List<Integer>, ToySpace.Step>> seen = new ArrayList<>();

  ScriptedAdvisor(String name, double size,
      Function<AdvisorView<List<Integer>, ToySpace.Step>, Proposal> script) {
    this.profile = new AdvisorProfile(name, size, 1.0);
    this.script = script;
  }

  @Override
  public AdvisorProfile profile() {
    return profile;
  }

  @Override
  public Proposal propose(AdvisorView<List<Integer>, ToySpace.Step> view)
      throws AdvisorException {
    seen.add(view);
    Proposal p = script.apply(view);
    if (p == null) {
      throw new AdvisorException("scripted failure");
    }
    return p;
  }

  /** The menu index of the first action whose text is {@code text}, or -1. */
  static int indexOf(AdvisorView<List<Integer>, ToySpace.Step> view, String prefix) {
    for (int i = 0; i < view.menuText().size(); i++) {
      if (view.menuText().get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /** The first menu action starting with {@code prefix} that has not made a child here yet. */
  static Proposal pickUntried(AdvisorView<List<Integer>, ToySpace.Step> view, String prefix,
      String next) {
    for (int i = 0; i < view.menuText().size(); i++) {
      String t = view.menuText().get(i);
      if (t.startsWith(prefix) && !view.triedHere().contains(t)) {
        return new Proposal(List.of(i), next, Usage.NONE, "");
      }
    }
    return pick(view, prefix, next);
  }

  static Proposal pick(AdvisorView<List<Integer>, ToySpace.Step> view, String prefix,
      String next) {
    int i = indexOf(view, prefix);
    return new Proposal(List.of(Math.max(i, 0)), next, Usage.NONE, "");
  }
}
