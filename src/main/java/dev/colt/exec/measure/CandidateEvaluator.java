// Checks a JIT'd candidate against its reference on pattern inputs, then times both interleaved.
package dev.colt.exec.measure;

import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.jit.JitModule;
import dev.colt.ir.FunctionType;
import java.util.List;
import java.util.Optional;

/**
 * The evaluation step of the search, in-process: fresh pattern inputs for reference and candidate,
 * one call each, {@link OutputCheck} (a mismatch gives {@link CandidateResult.Wrong} and no timing),
 * then {@link Measurer#compare} on fresh inputs. Both functions must have the signature
 * {@code type}. Runs the candidate in this process: use dev.colt.exec.isolate for untrusted code.
 */
public final class CandidateEvaluator {
  private final Measurer measurer;
  private final double tolerance;
  private final long dynamicSize;

  public CandidateEvaluator(MeasureConfig config, double tolerance, long dynamicSize) {
    this.measurer = new Measurer(config);
    this.tolerance = tolerance;
    this.dynamicSize = dynamicSize;
  }

  public CandidateResult evaluate(FunctionType type, JitModule.Function reference,
      JitModule.Function candidate) {
    List<RuntimeValue> refArgs = PatternInputs.forSignature(type, dynamicSize);
    List<RuntimeValue> candArgs = PatternInputs.forSignature(type, dynamicSize);
    reference.call(refArgs);
    candidate.call(candArgs);
    Optional<String> mismatch = OutputCheck.compare(refArgs, candArgs, tolerance);
    if (mismatch.isPresent()) {
      return new CandidateResult.Wrong(mismatch.get());
    }
    return new CandidateResult.Measured(measurer.compare(reference,
        PatternInputs.forSignature(type, dynamicSize), candidate,
        PatternInputs.forSignature(type, dynamicSize)));
  }
}
