// The apply-schedule pass: replays a trace file (text or JSON) on every function.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.schedule.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link Trace#replay} on each function; the first refused action is an error. */
public final class ApplySchedulePass implements Pass {
  static final PassOption<String> FILE = PassOption.ofString("file", "",
      "The trace: one action per line (e.g. 'tile i,j sizes=32,32'), or JSON when the file "
          + "name ends in .json.");

  static final PassInfo INFO = new PassInfo("apply-schedule",
      "Replay a schedule (a trace of loop transformations)",
      """
      Names the loops of each function by nest position (colt.loop attributes: i, j, k, ...), then \
      applies the trace's actions in order. An action that its legality check refuses stops the \
      pass with an error giving the action and the reason. The result keeps the loop names so \
      that later schedules can refer to them.""",
      PassInfo.Anchor.FUNCTION, List.of(FILE), PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation func, PassContext context) {
    String file = context.option(FILE);
    if (file.isEmpty()) {
      throw context.failure(func, "apply-schedule needs file=<trace>");
    }
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw context.failure(func, "cannot read schedule '" + file + "': " + e.getMessage());
    }
    Trace trace = file.endsWith(".json") ? Trace.parseJson(text) : Trace.parseText(text, file);
    try {
      return trace.replay(func);
    } catch (Trace.ReplayException e) {
      throw context.failure(func, e.getMessage());
    }
  }
}
