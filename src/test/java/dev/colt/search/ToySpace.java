// A small deterministic search space for testing the tree search without compiling anything.
package dev.colt.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs are vectors of digits; an action adds +1 or -1 to one position (staying in 0..9). The
 * "speedup" of a program is {@code (1 + sum/10)} relative to the root's, so moving digits up is
 * always better. The evaluator
 * counts its calls so tests can check that programs are measured once.
 */
final class ToySpace implements SearchSpace<List<Integer>, ToySpace.Step> {
  record Step(int position, int delta) {}

  private final List<Integer> root;
  final AtomicInteger evaluations = new AtomicInteger();

  ToySpace(List<Integer> root) {
    this.root = List.copyOf(root);
  }

  @Override
  public List<Integer> root() {
    return root;
  }

  @Override
  public List<Step> legalActions(List<Integer> p) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) < 9) {
        out.add(new Step(i, 1));
      }
      if (p.get(i) > 0) {
        out.add(new Step(i, -1));
      }
    }
    return out;
  }

  @Override
  public List<Integer> apply(List<Integer> p, Step s) throws IllegalActionException {
    int v = p.get(s.position()) + s.delta();
    if (v < 0 || v > 9) {
      throw new IllegalActionException("digit out of range");
    }
    List<Integer> out = new ArrayList<>(p);
    out.set(s.position(), v);
    return List.copyOf(out);
  }

  @Override
  public String structuralHash(List<Integer> p) {
    return p.toString();
  }

  @Override
  public String describe(Step s) {
    return (s.delta() > 0 ? "inc " : "dec ") + s.position();
  }

  @Override
  public java.util.Optional<Step> parseAction(String text) {
    String[] w = text.split(" ");
    if (w.length != 2 || !(w[0].equals("inc") || w[0].equals("dec"))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Step(Integer.parseInt(w[1]), w[0].equals("inc") ? 1 : -1));
  }

  @Override
  public String render(List<Integer> p) {
    return p.toString();
  }

  static double speedupOf(List<Integer> p) {
    return 1 + p.stream().mapToInt(Integer::intValue).sum() / 10.0;
  }

  Evaluator<List<Integer>> evaluator() {
    return p -> {
      evaluations.incrementAndGet();
      return Evaluation.ok(speedupOf(p) / speedupOf(root), 1.0);
    };
  }
}
