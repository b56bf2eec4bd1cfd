// affine.yield: the terminator of affine.for and affine.if bodies, carrying their results.
package dev.colt.dialect.affine;

import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code affine.yield %a, %b : f32, f32}: ends an affine.for body (values for the next iteration
 * or the results) or an affine.if branch (its results). Count and types against the parent are
 * checked by the parent's verifier, which knows its own result types.
 */
public final class AffineYieldOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.yield";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.TERMINATOR, OpTrait.PURE);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!op.results().isEmpty()) {
      AffineSupport.error(sink, op, "requires zero results");
    }
    if (!op.regions().isEmpty()) {
      AffineSupport.error(sink, op, "requires zero regions");
    }
  }

  @Override
  public void verifyInContext(Operation op, dev.colt.ir.OpContext context,
      VerificationSink sink) {
    Operation parent = context.parent(op);
    if (parent != null && !parent.is(AffineForOp.NAME) && !parent.is(AffineIfOp.NAME)) {
      AffineSupport.error(sink, op, "only terminates affine.if/for/parallel regions");
    }
  }

  /** The yielded values. */
  public static List<Value> values(Operation op) {
    return op.operands();
  }

  /** {@code affine.yield} of {@code values} (none for a loop without iter_args). */
  public static Operation build(List<Value> values) {
    return Operation.create(NAME, values, List.of(), Map.of());
  }

  /** An {@code affine.yield} without operands. */
  public static Operation build() {
    return build(List.of());
  }

  /**
   * Checks a region's terminator against the parent's expected yielded types; reports with the
   * yield's own name as MLIR does. Shared by affine.for and affine.if.
   */
  static void verifyTerminator(Operation parent, dev.colt.ir.Block block,
      List<dev.colt.ir.Type> expected, VerificationSink sink) {
    Operation term = block.terminator();
    if (term == null || !term.is(NAME)) {
      AffineSupport.error(sink, parent, "expects regions to end with '" + NAME + "', found '"
          + (term == null ? "nothing" : term.name()) + "'");
      return;
    }
    if (term.operands().size() != expected.size()) {
      AffineSupport.error(sink, term,
          "parent of yield must have same number of results as the yield operands");
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!term.operand(i).type().equals(expected.get(i))) {
        AffineSupport.error(sink, term, "types mismatch between yield op and its parent");
        return;
      }
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    AffineSupport.printAttrDict(printer, op, Set.of());
    if (!op.operands().isEmpty()) {
      printer.print(" ").printOperands(op.operands()).print(" : ")
          .printTypes(op.operands().stream().map(Value::type).toList());
    }
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    Map<String, dev.colt.ir.Attribute> attrs = parser.parseOptionalAttrDict();
    List<OpParser.UnresolvedOperand> operands = parser.parseOperandList();
    List<Value> values = List.of();
    if (!operands.isEmpty()) {
      List<dev.colt.ir.Type> types = parser.parseColonTypeList();
      values = parser.resolveOperands(operands, types);
    }
    return Operation.create(NAME, values, List.of(), attrs, List.of(),
        AffineSupport.loc(location));
  }
}
