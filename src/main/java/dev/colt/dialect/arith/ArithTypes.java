// Type predicates shared by the arith, math and vector verifiers.
package dev.colt.dialect.arith;

import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;

/** Small type queries used by op verifiers. */
public final class ArithTypes {
  private ArithTypes() {}

  /** A scalar (float, integer, index) type. */
  public static boolean isScalar(Type t) {
    return t instanceof FloatType || t instanceof IntegerType || t instanceof IndexType;
  }

  /** A scalar or a vector of scalars. */
  public static boolean isScalarOrVector(Type t) {
    return isScalar(t) || t instanceof VectorType;
  }

  /** True when both are scalars or both are vectors of the same shape. */
  public static boolean sameShape(Type a, Type b) {
    if (a instanceof VectorType va) {
      return b instanceof VectorType vb && va.shape().equals(vb.shape());
    }
    return !(b instanceof VectorType) && isScalar(a) && isScalar(b);
  }

  /** {@code element} with the shape of {@code like}: a vector when {@code like} is one. */
  public static Type withShapeOf(Type like, Type element) {
    return like instanceof VectorType v ? new VectorType(v.shape(), element) : element;
  }

  /** i1, or a vector of i1 shaped like {@code like}, the type comparisons return. */
  public static Type boolLike(Type like) {
    return withShapeOf(like, IntegerType.I1);
  }
}
