// memref.dim: the size of one dimension of a memref, as an index.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.IndexType;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code %d = memref.dim %A, %c0 : memref<?x4xf32>}: operands source memref and dimension index;
 * one index result. Folds to the static size when the index is constant and the dim is static.
 */
public final class MemRefDimOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.dim";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  public static Value source(Operation op) {
    return op.operand(0);
  }

  /** The index operand choosing the dimension. */
  public static Value index(Operation op) {
    return op.operand(1);
  }

  /** {@code memref.dim source, index}; fails with IllegalArgumentException on wrong types. */
  public static Operation build(Value source, Value index) {
    MemRefSupport.requireMemRef(source, NAME);
    MemRefSupport.requireIndices(List.of(index), NAME);
    return Operation.create(NAME, List.of(source, index), List.of(IndexType.INSTANCE), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!MemRefSupport.checkCounts(op, 2, 1, sink)
        || MemRefSupport.memrefOperand(op, 0, sink) == null) {
      return;
    }
    if (!op.operand(1).type().isIndex()) {
      MemRefSupport.error(sink, op, "operand #1 must be index, but got '" + op.operand(1).type()
          + "'");
    }
    if (!op.result().type().isIndex()) {
      MemRefSupport.error(sink, op, "result #0 must be index, but got '" + op.result().type()
          + "'");
    }
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> constantOperands) {
    if (constantOperands.size() == 2 && constantOperands.get(1) instanceof Attribute.IntegerAttr c
        && op.operand(0).type() instanceof MemRefType t && c.value() >= 0
        && c.value() < t.rank() && t.shape().get((int) c.value()) != ShapedType.DYNAMIC) {
      return List.of(Attribute.index(t.shape().get((int) c.value())));
    }
    return null;
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" ").printOperand(op.operand(0)).print(", ").printOperand(op.operand(1))
        .print(" : ").printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    OpParser.UnresolvedOperand source = parser.parseOperand();
    parser.parsePunct(",");
    OpParser.UnresolvedOperand index = parser.parseOperand();
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    return Operation.create(NAME, List.of(parser.resolveOperand(source, type),
        parser.resolveOperand(index, IndexType.INSTANCE)), List.of(IndexType.INSTANCE), attrs,
        List.of(), MemRefSupport.loc(location));
  }

  /** mlir-opt's result name ({@code %dim}). */
  @Override
  public String resultNameHint(Operation op) {
    return "dim";
  }
}
