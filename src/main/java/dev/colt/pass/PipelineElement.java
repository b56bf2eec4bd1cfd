// The pipeline tree: op-anchored nested pipelines and scheduled passes with their options.
package dev.colt.pass;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One element of a pass pipeline as written in mlir-opt's textual form,
 * {@code builtin.module(func.func(canonicalize,cse),some-pass{opt=1})}. {@link #toString()} prints
 * that form back; parsing it gives an equal element.
 */
public sealed interface PipelineElement {

  /** A nested pipeline run on every op called {@code opName} directly inside the current op. */
  record OpPipeline(String opName, List<PipelineElement> elements) implements PipelineElement {
    public OpPipeline {
      elements = List.copyOf(elements);
    }

    /** The anchor kind of this nested pipeline; null for an op kind passes cannot anchor on. */
    public PassInfo.Anchor anchor() {
      return PassInfo.Anchor.ofOpName(opName);
    }

    @Override
    public String toString() {
      return opName + elements.stream().map(Object::toString)
          .collect(Collectors.joining(",", "(", ")"));
    }
  }

  /** A pass with its option values. */
  record PassInvocation(Pass pass, PassOptions options) implements PipelineElement {
    public String name() {
      return pass.info().name();
    }

    @Override
    public String toString() {
      return name() + options.format();
    }
  }
}
