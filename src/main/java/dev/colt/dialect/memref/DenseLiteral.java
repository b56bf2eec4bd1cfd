// Prints dense element literals without their type, as memref.global's initial value needs.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import java.util.List;
import java.util.Locale;

/**
 * Formats {@code dense<...>} the way MLIR writes it: a splat as one value, otherwise nested
 * brackets following the shape. Floats use MLIR's {@code %.6e} form when it reads back to the
 * same value at the element's precision, else the shortest decimal that does, and NaN/infinity as
 * the bit pattern in hex. Integers print in decimal, i1 as true/false.
 */
final class DenseLiteral {
  private DenseLiteral() {
  }

  static String format(Attribute.DenseElementsAttr attr) {
    ShapedType shaped = (ShapedType) attr.type();
    Type element = shaped.elementType();
    StringBuilder sb = new StringBuilder("dense<");
    if (attr.isSplat()) {
      sb.append(element(attr.get(0), element));
    } else {
      nest(sb, attr, shaped.shape(), 0, 0, element);
    }
    return sb.append('>').toString();
  }

  /** Appends the elements of dimension {@code dim} starting at linear index {@code offset}. */
  private static void nest(StringBuilder sb, Attribute.DenseElementsAttr attr, List<Long> shape,
      int dim, long offset, Type element) {
    if (dim == shape.size()) {
      sb.append(element(attr.get(offset), element));
      return;
    }
    long stride = 1;
    for (int i = dim + 1; i < shape.size(); i++) {
      stride *= shape.get(i);
    }
    sb.append('[');
    for (long i = 0; i < shape.get(dim); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      nest(sb, attr, shape, dim + 1, offset + i * stride, element);
    }
    sb.append(']');
  }

  static String element(double v, Type element) {
    if (element instanceof IntegerType it) {
      return it.width() == 1 ? (v != 0 ? "true" : "false") : Long.toString((long) v);
    }
    if (!(element instanceof FloatType ft)) {
      return Long.toString((long) v);
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return switch (ft.width()) {
        case 16 -> String.format(Locale.ROOT, "0x%04X", Float.floatToFloat16((float) v));
        case 32 -> String.format(Locale.ROOT, "0x%08X", Float.floatToRawIntBits((float) v));
        default -> String.format(Locale.ROOT, "0x%016X", Double.doubleToRawLongBits(v));
      };
    }
    String sci = String.format(Locale.ROOT, "%.6e", v);
    if (sameAtWidth(Double.parseDouble(sci), v, ft.width())) {
      return sci;
    }
    return ft.width() == 64 ? Double.toString(v) : Float.toString((float) v);
  }

  private static boolean sameAtWidth(double a, double b, int width) {
    return switch (width) {
      case 16 -> Float.floatToFloat16((float) a) == Float.floatToFloat16((float) b);
      case 32 -> Float.floatToRawIntBits((float) a) == Float.floatToRawIntBits((float) b);
      default -> Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    };
  }
}
