// Common definition of the index-valued map ops affine.apply, affine.min and affine.max.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.IndexType;
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
import java.util.TreeMap;

/**
 * The shape shared by {@code affine.apply}, {@code affine.min} and {@code affine.max}: attribute
 * {@code map}, operands = its dims then symbols, one index result; text {@code #map(%d)[%s]}.
 * Subclasses say how the map's results combine into one value.
 */
abstract sealed class AffineMapOps implements OpDefinition, OpSyntax
    permits AffineApplyOp, AffineMinOp, AffineMaxOp {
  static final String MAP = "map";

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** Combines the evaluated map results into the op's value. */
  abstract long combine(long[] results);

  static Operation create(String name, AffineMap map, List<Value> operands) {
    AffineSupport.checkArity(map, operands, name);
    AffineAccess.checkIndexOperands(operands, name);
    return Operation.create(name, operands, List.of(IndexType.INSTANCE),
        AffineSupport.mapAttrs(MAP, map));
  }

  /**
   * Builds a min or max op.
   *
   * @throws IllegalArgumentException when the map has no result or does not fit the operands
   */
  static Operation createBound(String name, AffineMap map, List<Value> operands) {
    if (map.numResults() == 0) {
      throw new IllegalArgumentException(name + " needs at least one map result");
    }
    return create(name, map, operands);
  }

  /** Min and max need at least one map result; apply overrides this (exactly one). */
  void verifyResultCount(Operation op, AffineMap map, VerificationSink sink) {
    if (map.numResults() == 0) {
      AffineSupport.error(sink, op, "affine map expect at least one result");
    }
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    AffineMap map = AffineSupport.requireMap(op, MAP, sink);
    if (map == null) {
      return;
    }
    if (op.operands().size() != map.numInputs()) {
      AffineSupport.error(sink, op,
          "operand count and affine map dimension and symbol count must match");
    }
    AffineSupport.checkIndexTyped(op, op.operands(), "operands must be of type 'index'", sink);
    if (op.results().size() != 1 || !op.result().type().isIndex()) {
      AffineSupport.error(sink, op, "requires one result of type 'index'");
    }
    verifyResultCount(op, map, sink);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> constantOperands) {
    if (!(op.attr(MAP) instanceof Attribute.AffineMapAttr m)
        || m.map().numInputs() != constantOperands.size() || m.map().numResults() == 0) {
      return null;
    }
    long[] values = new long[constantOperands.size()];
    for (int i = 0; i < values.length; i++) {
      if (!(constantOperands.get(i) instanceof Attribute.IntegerAttr c)) {
        return null;
      }
      values[i] = c.value();
    }
    try {
      return List.of(Attribute.index(combine(m.map().evaluate(values))));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printAffineMapApplication(AffineSupport.map(op, MAP), op.operands());
    AffineSupport.printAttrDict(printer, op, Set.of(MAP));
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.MapWithOperands app = parser.parseAffineMapApplication();
    Map<String, Attribute> attrs = new TreeMap<>(parser.parseOptionalAttrDict());
    attrs.put(MAP, new Attribute.AffineMapAttr(app.map()));
    return Operation.create(name(), app.operands(), parsedResultTypes(app.map()), attrs,
        List.of(), AffineSupport.loc(location));
  }

  /**
   * The result types a parsed op gets: one index; affine.apply, as in MLIR, gets one per map
   * result so that a multi-result map fails at result binding.
   */
  List<dev.colt.ir.Type> parsedResultTypes(AffineMap map) {
    return List.of(IndexType.INSTANCE);
  }
}
