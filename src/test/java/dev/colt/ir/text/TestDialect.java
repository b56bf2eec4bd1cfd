// A test-only dialect of generic-form ops (no custom syntax) for parser, printer and verifier tests.
package dev.colt.ir.text;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.VerificationSink;
import java.util.List;
import java.util.Set;

/**
 * Ops written only in the generic form: {@code test.op} (anything; regions need no terminator), {@code test.yield}
 * (terminator), {@code test.loop} (single-block regions needing a terminator),
 * {@code test.isolated} (isolated from above) and {@code test.two_results} (verifies that it has
 * exactly two results).
 */
public final class TestDialect implements Dialect {
  @Override
  public String namespace() {
    return "test";
  }

  private record Def(String name, Set<OpTrait> traits) implements OpDefinition {
    @Override
    public void verify(Operation op, VerificationSink sink) {
      if (name.equals("test.two_results") && op.results().size() != 2) {
        sink.error(op, "expects two results, got " + op.results().size());
      }
    }
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new Def("test.op", Set.of(OpTrait.NO_TERMINATOR)),
        new Def("test.yield", Set.of(OpTrait.TERMINATOR)),
        new Def("test.loop", Set.of(OpTrait.SINGLE_BLOCK)),
        new Def("test.isolated", Set.of(OpTrait.ISOLATED_FROM_ABOVE, OpTrait.NO_TERMINATOR)),
        new Def("test.two_results", Set.of()));
  }
}
