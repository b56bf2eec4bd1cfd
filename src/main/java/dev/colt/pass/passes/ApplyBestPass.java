// The apply-best pass: replays the best schedule the tuning database knows for each function.
package dev.colt.pass.passes;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.pass.tuning.FunctionTuner;
import dev.colt.schedule.Machine;
import dev.colt.schedule.Trace;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.TuningDatabase;
import dev.colt.search.TuningRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks the function's workload (name and structural hash) and this CPU up in the tuning database
 * and replays the fastest correct trace recorded, without searching. A function with no record is
 * left unchanged with a remark; a recorded trace that no longer applies fails the pass.
 */
public final class ApplyBestPass implements Pass {
  static final PassOption<String> DATABASE = PassOption.ofString("database",
      "colt-tuning.jsonl", "The tuning database to read.");

  static final PassInfo INFO = new PassInfo("apply-best",
      "Replay the best schedule recorded in the tuning database, without searching",
      """
      For each function, finds the fastest correct measurement of the same workload (function \
      name and structural hash) on this CPU in the tuning database and replays its trace. \
      Functions without records are left as they are, with a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(DATABASE), PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    if (op.regions().isEmpty() || op.region(0).blocks().isEmpty()) {
      return op;
    }
    Path file = Path.of(context.option(DATABASE));
    if (!Files.exists(file)) {
      throw context.failure(op, "tuning database " + file + " does not exist");
    }
    TuningDatabase db;
    try {
      db = TuningDatabase.open(file);
    } catch (IOException e) {
      throw context.failure(op, "cannot read tuning database " + file + ": " + e.getMessage());
    }
    LoopNestSpace space = new LoopNestSpace(op, Machine.host());
    Optional<TuningRecord.Measurement> best = db.best(FunctionTuner.workloadKey(op, space),
        FunctionTuner.targetKey());
    if (best.isEmpty()) {
      context.remark(op, "apply-best: no record for this workload on this CPU");
      return op;
    }
    Operation p;
    try {
      p = Trace.parseText(String.join("\n", best.get().trace()), file.toString()).replay(op);
    } catch (Trace.ReplayException e) {
      throw context.failure(op, "the recorded schedule no longer applies: " + e.getMessage());
    } catch (DiagnosticException e) {
      throw context.failure(op, "the recorded schedule does not parse: "
          + e.diagnostics().get(0).message());
    }
    context.remark(op, String.format(Locale.ROOT, "apply-best: replayed %d actions (%.2fx when "
        + "recorded)", best.get().trace().size(), best.get().speedup()));
    return FunctionTuner.withTrace(p, best.get().trace());
  }
}
