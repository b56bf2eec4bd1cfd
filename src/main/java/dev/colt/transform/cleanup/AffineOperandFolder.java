// Canonicalizes an affine map together with its operands: folds constants and affine.apply chains.
package dev.colt.transform.cleanup;

import dev.colt.dialect.affine.AffineApplyOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rewrites a map and its operands (dims then symbols) into an equivalent simpler pair: constant
 * operands are substituted into the map, operands produced by single-result {@code affine.apply}
 * ops are replaced by the apply's own map and operands (composition), repeated operands are merged,
 * unused ones dropped, and results re-simplified. Composition is skipped when it would make a result
 * non-affine (for example a symbol that multiplies a dim becoming a dim expression).
 */
public final class AffineOperandFolder {
  /** A map and its operands, dims first. */
  public record MapOperands(AffineMap map, List<Value> operands) {
    /** True when {@code other} is the same map over the same operand values (by identity). */
    public boolean sameAs(MapOperands other) {
      if (!map.equals(other.map) || operands.size() != other.operands.size()) {
        return false;
      }
      for (int i = 0; i < operands.size(); i++) {
        if (operands.get(i) != other.operands.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private final Function<Value, Attribute> constantOf;
  private final Function<Value, Operation> definingOp;

  /**
   * @param constantOf the constant attribute of a value defined by a constant op, or null
   * @param definingOp the op defining a value, or null (only affine.apply producers are used)
   */
  public AffineOperandFolder(Function<Value, Attribute> constantOf,
      Function<Value, Operation> definingOp) {
    this.constantOf = constantOf;
    this.definingOp = definingOp;
  }

  /** The canonical form of {@code map} applied to {@code operands}. */
  public MapOperands fold(AffineMap map, List<Value> operands) {
    MapOperands composed = rebuild(map, operands, true);
    for (AffineExpr r : composed.map().results()) {
      if (!r.isPureAffine()) {
        return rebuild(map, operands, false);
      }
    }
    return composed;
  }

  private MapOperands rebuild(AffineMap map, List<Value> operands, boolean compose) {
    Space space = new Space();
    List<AffineExpr> dims = new ArrayList<>();
    List<AffineExpr> symbols = new ArrayList<>();
    for (int i = 0; i < map.numDims(); i++) {
      dims.add(replacement(operands.get(i), true, compose, space));
    }
    for (int j = 0; j < map.numSymbols(); j++) {
      symbols.add(replacement(operands.get(map.numDims() + j), false, compose, space));
    }
    List<AffineExpr> results = new ArrayList<>();
    for (AffineExpr r : map.results()) {
      results.add(r.replace(dims, symbols).simplify());
    }
    return dropUnused(new AffineMap(space.dims.size(), space.symbols.size(), results),
        space.dims, space.symbols);
  }

  private AffineExpr replacement(Value v, boolean asDim, boolean compose, Space space) {
    Long c = indexConstant(v);
    if (c != null) {
      return AffineExpr.constant(c);
    }
    Operation def = definingOp.apply(v);
    if (compose && def != null && def.is(AffineApplyOp.NAME)
        && def.attr("map") instanceof Attribute.AffineMapAttr m && m.map().numResults() == 1
        && m.map().numInputs() == def.operands().size()) {
      AffineMap inner = m.map();
      List<AffineExpr> innerDims = new ArrayList<>();
      List<AffineExpr> innerSyms = new ArrayList<>();
      for (int i = 0; i < inner.numDims(); i++) {
        innerDims.add(replacement(def.operand(i), true, false, space));
      }
      for (int j = 0; j < inner.numSymbols(); j++) {
        innerSyms.add(replacement(def.operand(inner.numDims() + j), false, false, space));
      }
      return inner.result(0).replace(innerDims, innerSyms);
    }
    return asDim ? space.dim(v) : space.symbol(v);
  }

  private Long indexConstant(Value v) {
    if (constantOf.apply(v) instanceof Attribute.IntegerAttr i && i.type().isIndex()) {
      return i.value();
    }
    return null;
  }

  private static MapOperands dropUnused(AffineMap map, List<Value> dimValues,
      List<Value> symbolValues) {
    List<AffineExpr> dimRepl = new ArrayList<>();
    List<AffineExpr> symRepl = new ArrayList<>();
    List<Value> newDims = new ArrayList<>();
    List<Value> newSyms = new ArrayList<>();
    for (int i = 0; i < map.numDims(); i++) {
      final int pos = i;
      if (map.results().stream().anyMatch(r -> r.usesDim(pos))) {
        dimRepl.add(AffineExpr.dim(newDims.size()));
        newDims.add(dimValues.get(i));
      } else {
        dimRepl.add(AffineExpr.constant(0));
      }
    }
    for (int j = 0; j < map.numSymbols(); j++) {
      final int pos = j;
      if (map.results().stream().anyMatch(r -> r.usesSymbol(pos))) {
        symRepl.add(AffineExpr.symbol(newSyms.size()));
        newSyms.add(symbolValues.get(j));
      } else {
        symRepl.add(AffineExpr.constant(0));
      }
    }
    AffineMap compact = map.replace(dimRepl, symRepl, newDims.size(), newSyms.size());
    List<Value> operands = new ArrayList<>(newDims);
    operands.addAll(newSyms);
    return new MapOperands(compact, operands);
  }

  /** The dims and symbols of the map being built, each value once. */
  private static final class Space {
    final List<Value> dims = new ArrayList<>();
    final List<Value> symbols = new ArrayList<>();

    AffineExpr dim(Value v) {
      return AffineExpr.dim(indexOf(dims, v));
    }

    AffineExpr symbol(Value v) {
      return AffineExpr.symbol(indexOf(symbols, v));
    }

    private static int indexOf(List<Value> list, Value v) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == v) {
          return i;
        }
      }
      list.add(v);
      return list.size() - 1;
    }
  }
}
