// Which scalar element types an elementwise op accepts.
package dev.colt.dialect.arith;

import dev.colt.ir.Type;

/** The element types accepted by an elementwise op (on scalars or on vectors of them). */
public enum ElementKind {
  /** f16, f32, f64. */
  FLOAT("floating-point"),
  /** Signless integers iN and index. */
  INTEGER("signless-integer"),
  /** Any scalar element type. */
  ANY("scalar");

  private final String description;

  ElementKind(String description) {
    this.description = description;
  }

  /** True when {@code t}, a scalar or a vector of scalars, has an element type of this kind. */
  public boolean accepts(Type t) {
    if (!ArithTypes.isScalarOrVector(t)) {
      return false;
    }
    Type e = t.elementTypeOrSelf();
    return switch (this) {
      case FLOAT -> e.isFloat();
      case INTEGER -> e.isIntOrIndex();
      case ANY -> true;
    };
  }

  /** How verifier messages name the kind ("floating-point"). */
  public String description() {
    return description;
  }
}
