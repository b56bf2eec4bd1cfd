// Common definition of memref.alloc and memref.alloca: sizes for dynamic dims, optional alignment.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
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
import java.util.TreeMap;

/**
 * {@code %0 = memref.alloc(%n)[%s] {alignment = 64 : i64} : memref<?xf32>}. Layout: operands =
 * one index per dynamic dimension, then layout symbols (always none here: layouts are identity);
 * attributes {@code operandSegmentSizes} [nDynamicSizes, nSymbols] and optional {@code alignment}
 * (i64); one memref result.
 */
abstract sealed class MemRefAllocLike implements OpDefinition, OpSyntax
    permits MemRefAllocOp, MemRefAllocaOp {
  static final String SEGMENTS = "operandSegmentSizes";
  static final String ALIGNMENT = "alignment";

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.ALLOCATES);
  }

  static Operation create(String name, MemRefType type, List<Value> dynamicSizes,
      Long alignment) {
    long dynamic = type.shape().stream().filter(d -> d == ShapedType.DYNAMIC).count();
    if (dynamic != dynamicSizes.size()) {
      throw new IllegalArgumentException(name + ": " + type + " has " + dynamic
          + " dynamic dimensions, got " + dynamicSizes.size() + " sizes");
    }
    MemRefSupport.requireIndices(dynamicSizes, name);
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(SEGMENTS, Attribute.DenseArrayAttr.i32(dynamicSizes.size(), 0));
    if (alignment != null) {
      attrs.put(ALIGNMENT, Attribute.i64(alignment));
    }
    return Operation.create(name, dynamicSizes, List.of(type), attrs);
  }

  /** The sizes of the dynamic dimensions, in order. */
  static List<Value> sizes(Operation op) {
    if (op.attr(SEGMENTS) instanceof Attribute.DenseArrayAttr d && d.size() == 2) {
      return op.operands().subList(0, (int) d.get(0));
    }
    return op.operands();
  }

  static Long alignmentOf(Operation op) {
    return op.attr(ALIGNMENT) instanceof Attribute.IntegerAttr a ? a.value() : null;
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.results().size() != 1 || !(op.result().type() instanceof MemRefType type)) {
      MemRefSupport.error(sink, op, "requires one memref result");
      return;
    }
    if (!(op.attr(SEGMENTS) instanceof Attribute.DenseArrayAttr seg) || seg.size() != 2
        || seg.get(0) < 0 || seg.get(1) < 0 || seg.get(0) + seg.get(1) != op.operands().size()) {
      MemRefSupport.error(sink, op, "requires 'operandSegmentSizes' [nDynamicSizes, nSymbols] "
          + "matching the operands");
      return;
    }
    long dynamic = type.shape().stream().filter(d -> d == ShapedType.DYNAMIC).count();
    if (seg.get(0) != dynamic) {
      MemRefSupport.error(sink, op, "incorrect number of dynamic sizes, has " + seg.get(0)
          + ", expected " + dynamic);
    }
    if (seg.get(1) != 0) {
      MemRefSupport.error(sink, op, "symbol operand count does not equal memref symbol count: "
          + "expected 0, got " + seg.get(1));
    }
    MemRefSupport.checkIndexOperands(op, 0, sink);
    if (op.hasAttr(ALIGNMENT)) {
      if (!(op.attr(ALIGNMENT) instanceof Attribute.IntegerAttr a)
          || !a.type().equals(IntegerType.I64) || a.value() <= 0
          || Long.bitCount(a.value()) != 1) {
        MemRefSupport.error(sink, op, "'alignment' must be a positive power of two i64");
      }
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print("(").printOperands(sizes(op)).print(")");
    List<Value> symbols = op.operands().subList(sizes(op).size(), op.operands().size());
    if (!symbols.isEmpty()) {
      printer.print("[").printOperands(symbols).print("]");
    }
    MemRefSupport.printAttrDict(printer, op, Set.of(SEGMENTS));
    printer.print(" : ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    List<Value> sizes = MemRefSupport.parseIndexList(parser, "(", ")");
    List<Value> symbols = List.of();
    if (parser.parseOptionalPunct("[")) {
      List<OpParser.UnresolvedOperand> refs = parser.parseOperandList();
      parser.parsePunct("]");
      symbols = refs.stream().map(r -> parser.resolveOperand(r, IndexType.INSTANCE)).toList();
    }
    Map<String, Attribute> attrs = new TreeMap<>(parser.parseOptionalAttrDict());
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    attrs.put(SEGMENTS, Attribute.DenseArrayAttr.i32(sizes.size(), symbols.size()));
    return Operation.create(name(), MemRefSupport.concat(sizes, symbols), List.of(type), attrs,
        List.of(), MemRefSupport.loc(location));
  }

  /** mlir-opt's result name ({@code %alloc, %alloca}). */
  @Override
  public String resultNameHint(Operation op) {
    return op.name().substring(op.name().indexOf('.') + 1);
  }
}
