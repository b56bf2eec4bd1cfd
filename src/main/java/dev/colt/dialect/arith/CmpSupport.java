// Verifier and text syntax shared by arith.cmpf and arith.cmpi.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** The common shape of comparisons: two same-typed operands, an i1-like result, a predicate. */
final class CmpSupport {
  private CmpSupport() {}

  /** Prints {@code <predicate>, %a, %b {attrs} : type}; the spelling is the op's predicate. */
  static void print(Operation op, OpPrinter p, String predicateSpelling) {
    p.print(" " + predicateSpelling + ", ").printOperands(op.operands());
    ArithSyntax.printAttrDict(op, p, List.of("predicate"));
    p.print(" : ").printType(op.operand(0).type());
  }

  /**
   * Parses what {@link #print} writes.
   *
   * @param predicateNumber the enum number of a spelling, or -1 when the word is no predicate
   * @throws dev.colt.ir.DiagnosticException located at the predicate when it is unknown
   */
  static Operation parse(OpParser p, Location location, String opName,
      ToIntFunction<String> predicateNumber) {
    Location at = p.location();
    String word = p.parseKeywordToken();
    int number = predicateNumber.applyAsInt(word);
    if (number < 0) {
      throw p.error(at, "unknown " + opName.substring(opName.indexOf('.') + 1) + " predicate '"
          + word + "'");
    }
    p.parsePunct(",");
    OpParser.UnresolvedOperand lhs = p.parseOperand();
    p.parsePunct(",");
    OpParser.UnresolvedOperand rhs = p.parseOperand();
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    Type t = p.parseColonType();
    attrs.put("predicate", new IntegerAttr(number, IntegerType.I64));
    return Operation.create(opName, List.of(p.resolveOperand(lhs, t), p.resolveOperand(rhs, t)),
        List.of(ArithTypes.boolLike(t)), attrs, List.of(), location);
  }

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
