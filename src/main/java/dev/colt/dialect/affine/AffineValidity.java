// MLIR's rules for which SSA values may be affine dimensions and symbols.
package dev.colt.dialect.affine;

import dev.colt.ir.Attribute;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpContext;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;

/**
 * Decides whether a value is a valid affine symbol or dimension where an op uses it, following
 * MLIR: a symbol is an index value defined at the top level of the enclosing affine scope (the
 * region of the nearest op with {@link OpTrait#AFFINE_SCOPE}, e.g. a function body), the result of
 * a constant op, a {@code memref.dim} of a memref defined at a scope's top level (or of a static
 * dimension), or an {@code affine.apply} whose operands are all symbols. A dimension may also be an
 * {@code affine.for} induction variable or an {@code affine.apply} of dimensions. Values defined
 * outside the indexed tree (a subtree checked alone) are accepted as symbols: nothing is known
 * against them.
 */
public final class AffineValidity {
  private static final String MEMREF_DIM = "memref.dim";

  private final OpContext context;

  public AffineValidity(OpContext context) {
    this.context = context;
  }

  /** The affine scope enclosing {@code user}; null when it has none in the tree. */
  public Operation scopeOf(Operation user) {
    return context.enclosing(user, OpTrait.AFFINE_SCOPE);
  }

  /** True when {@code v} is a valid symbol for a use inside {@code user}. */
  public boolean isValidSymbol(Value v, Operation user) {
    return isValidSymbolIn(v, scopeOf(user));
  }

  /** True when {@code v} is a valid dimension for a use inside {@code user}. */
  public boolean isValidDim(Value v, Operation user) {
    return isValidDimIn(v, scopeOf(user));
  }

  /** True when {@code v} may be an affine subscript (dimension or symbol) in {@code user}. */
  public boolean isValidIndex(Value v, Operation user) {
    Operation scope = scopeOf(user);
    return isValidDimIn(v, scope) || isValidSymbolIn(v, scope);
  }

  private boolean isOutside(Value v) {
    return context.definingOp(v) == null && context.argumentOwner(v) == null;
  }

  /** True when {@code v} is defined directly in a region of {@code scope}. */
  private boolean isTopLevelIn(Value v, Operation scope) {
    return scope != null && context.definingScope(v) == scope;
  }

  /** True when {@code v} is defined directly in the region of some affine scope. */
  private boolean isTopLevel(Value v) {
    Operation owner = context.definingScope(v);
    return owner != null && OpRegistry.global().hasTrait(owner, OpTrait.AFFINE_SCOPE);
  }

  private boolean isValidSymbolIn(Value v, Operation scope) {
    if (!v.type().isIndex()) {
      return false;
    }
    if (isOutside(v) || isTopLevelIn(v, scope)) {
      return true;
    }
    Operation def = context.definingOp(v);
    if (def != null) {
      if (OpRegistry.global().hasTrait(def, OpTrait.CONSTANT_LIKE)) {
        return true;
      }
      if (def.is(AffineApplyOp.NAME)) {
        return def.operands().stream().allMatch(o -> isValidSymbolIn(o, scope));
      }
      if (def.is(MEMREF_DIM)) {
        return isDimOpValidSymbol(def);
      }
    }
    // A value defined above a scope that is not isolated is judged in the next scope out.
    if (scope != null && !OpRegistry.global().hasTrait(scope, OpTrait.ISOLATED_FROM_ABOVE)) {
      Operation outer = scopeOf(scope);
      if (outer != null) {
        return isValidSymbolIn(v, outer);
      }
    }
    return false;
  }

  private boolean isDimOpValidSymbol(Operation dim) {
    if (dim.operands().size() != 2) {
      return false;
    }
    Value source = dim.operand(0);
    if (isOutside(source) || isTopLevel(source)) {
      return true;
    }
    Operation indexDef = context.definingOp(dim.operand(1));
    if (indexDef != null && indexDef.attr("value") instanceof Attribute.IntegerAttr c
        && source.type() instanceof MemRefType m && c.value() >= 0 && c.value() < m.rank()) {
      return m.shape().get((int) c.value()) != ShapedType.DYNAMIC;
    }
    return false;
  }

  private boolean isValidDimIn(Value v, Operation scope) {
    if (!v.type().isIndex()) {
      return false;
    }
    if (isValidSymbolIn(v, scope)) {
      return true;
    }
    Operation owner = context.argumentOwner(v);
    if (owner != null) {
      return (owner.is(AffineForOp.NAME) && context.argumentNumber(v) == 0)
          || OpRegistry.global().hasTrait(owner, OpTrait.AFFINE_SCOPE);
    }
    Operation def = context.definingOp(v);
    if (def != null && def.is(AffineApplyOp.NAME)) {
      return def.operands().stream().allMatch(o -> isValidDimIn(o, scope));
    }
    if (def != null && def.is(MEMREF_DIM) && def.operands().size() == 2) {
      return isTopLevel(def.operand(0)) || isOutside(def.operand(0));
    }
    return false;
  }
}
