// A schedule: an ordered list of actions, with text and JSON forms and replay onto a function.
package dev.colt.schedule;

import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A replayable schedule. Replaying the same trace on the same input (for example a fresh parse of
 * the same file) gives structurally identical IR, because loop handles are assigned
 * deterministically and every transformation is a pure function of its input.
 */
public record Trace(List<Action> actions) {
  public Trace {
    actions = List.copyOf(actions);
  }

  public static Trace of(Action... actions) {
    return new Trace(List.of(actions));
  }

  /** A copy with {@code a} appended. */
  public Trace then(Action a) {
    List<Action> out = new ArrayList<>(actions);
    out.add(a);
    return new Trace(out);
  }

  /** One action per line. */
  public String toText() {
    return actions.stream().map(a -> a.text() + "\n").collect(Collectors.joining());
  }

  public String toJson() {
    return TraceJson.write(this);
  }

  public static Trace parseText(String text, String fileName) {
    return TraceText.parse(text, fileName);
  }

  public static Trace parseJson(String json) {
    return TraceJson.read(json);
  }

  /** Thrown by {@link #replay} when an action is refused. */
  public static final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final transient Refusal refusal;

    ReplayException(int index, Action action, Refusal refusal) {
      super("action " + (index + 1) + " (" + action.text() + ") refused: " + refusal.detail());
      this.index = index;
      this.refusal = refusal;
    }

    /** Zero-based position of the refused action. */
    public int index() {
      return index;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /**
   * Applies every action in order to {@code func} (its loops are named first). Fails with
   * {@link ReplayException} at the first refused action.
   */
  public Operation replay(Operation func) {
    Operation cur = LoopHandles.assign(func);
    for (int i = 0; i < actions.size(); i++) {
      Action a = actions.get(i);
      switch (a.transform().attempt(cur)) {
        case LoopTransform.Outcome.Applied applied -> cur = applied.func();
        case LoopTransform.Outcome.Refused refused ->
            throw new ReplayException(i, a, refused.refusal());
      }
    }
    return cur;
  }
}
