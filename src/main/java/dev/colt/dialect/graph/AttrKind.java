// The kinds of attribute values graph ops accept, for verification and defaults.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.IntegerType;

/** What an attribute of a graph op must hold. */
public enum AttrKind {
  /** An integer ({@code 2 : i64}). */
  INT("an integer"),
  /** A float ({@code 1.0e-05 : f32}). */
  FLOAT("a float"),
  /** A boolean ({@code true}, an i1 integer). */
  BOOL("a boolean"),
  /** A list of integers ({@code array<i64: 1, 1>}). */
  INTS("an array<i64: ...>"),
  /** A string. */
  STRING("a string"),
  /** Dense tensor elements. */
  DENSE("dense elements");

  private final String description;

  AttrKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** True when {@code a} is a value of this kind. */
  public boolean accepts(Attribute a) {
    return switch (this) {
      case INT -> a instanceof Attribute.IntegerAttr i && !i.type().equals(IntegerType.I1);
      case FLOAT -> a instanceof Attribute.FloatAttr;
      case BOOL -> a instanceof Attribute.IntegerAttr i && i.type().equals(IntegerType.I1);
      case INTS -> a instanceof Attribute.DenseArrayAttr;
      case STRING -> a instanceof Attribute.StringAttr;
      case DENSE -> a instanceof Attribute.DenseElementsAttr;
    };
  }
}
