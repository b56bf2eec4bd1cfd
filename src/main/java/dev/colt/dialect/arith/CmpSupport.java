// Verifier shared by arith.cmpf and arith.cmpi.
package dev.colt.dialect.arith;

import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VerificationSink;

/** Checks the common shape of comparisons: two same-typed operands, an i1-like result. */
final class CmpSupport {
  private CmpSupport() {}

  static void verify(Operation op, VerificationSink sink, ElementKind kind,
      boolean predicateValid) {
    String n = "'" + op.name() + "' op ";
    if (op.operands().size() != 2 || op.results().size() != 1) {
      sink.error(op, n + "requires two operands and one result");
      return;
    }
    if (!predicateValid) {
      sink.error(op, n + "requires attribute 'predicate' (an i64 predicate number)");
    }
    Type t = op.operand(0).type();
    if (!op.operand(1).type().equals(t)) {
      sink.error(op, n + "requires all operands to have the same type");
      return;
    }
    if (!kind.accepts(t)) {
      sink.error(op, n + "operand #0 must be " + kind.description() + "-like, but got '" + t
          + "'");
      return;
    }
    Type want = ArithTypes.boolLike(t);
    if (!op.result().type().equals(want)) {
      sink.error(op, n + "result type '" + op.result().type() + "' must be '" + want + "'");
    }
  }
}
