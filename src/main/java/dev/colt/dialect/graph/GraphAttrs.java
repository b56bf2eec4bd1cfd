// Reading and making the attributes of graph ops, with defaults.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed access to graph op attributes. Readers return the default when the attribute is absent
 * and throw {@link ShapeException} when it has the wrong kind.
 */
public final class GraphAttrs {
  private GraphAttrs() {}

  /** {@code array<i64: ...>}. */
  public static Attribute ints(long... values) {
    return new Attribute.DenseArrayAttr(IntegerType.I64, Arrays.stream(values).boxed().toList());
  }

  /** {@code array<i64: ...>}. */
  public static Attribute ints(List<Long> values) {
    return new Attribute.DenseArrayAttr(IntegerType.I64, values);
  }

  /** {@code v : i64}. */
  public static Attribute integer(long v) {
    return Attribute.i64(v);
  }

  /** {@code v : f32}. */
  public static Attribute f32(double v) {
    return new Attribute.FloatAttr((float) v, FloatType.F32);
  }

  /** {@code true} or {@code false} (i1). */
  public static Attribute bool(boolean v) {
    return new Attribute.IntegerAttr(v ? 1 : 0, IntegerType.I1);
  }

  public static long getInt(Map<String, Attribute> attrs, String name, long dflt) {
    Attribute a = attrs.get(name);
    if (a == null) {
      return dflt;
    }
    if (a instanceof Attribute.IntegerAttr i) {
      return i.value();
    }
    throw wrongKind(name, AttrKind.INT);
  }

  public static double getFloat(Map<String, Attribute> attrs, String name, double dflt) {
    Attribute a = attrs.get(name);
    if (a == null) {
      return dflt;
    }
    if (a instanceof Attribute.FloatAttr f) {
      return f.value();
    }
    throw wrongKind(name, AttrKind.FLOAT);
  }

  public static boolean getBool(Map<String, Attribute> attrs, String name, boolean dflt) {
    Attribute a = attrs.get(name);
    if (a == null) {
      return dflt;
    }
    if (a instanceof Attribute.IntegerAttr i) {
      return i.value() != 0;
    }
    throw wrongKind(name, AttrKind.BOOL);
  }

  /** The list, or {@code dflt} when absent (dflt may be null). */
  public static List<Long> getInts(Map<String, Attribute> attrs, String name, List<Long> dflt) {
    Attribute a = attrs.get(name);
    if (a == null) {
      return dflt;
    }
    if (a instanceof Attribute.DenseArrayAttr d) {
      return d.values();
    }
    throw wrongKind(name, AttrKind.INTS);
  }

  public static String getString(Map<String, Attribute> attrs, String name, String dflt) {
    Attribute a = attrs.get(name);
    if (a == null) {
      return dflt;
    }
    if (a instanceof Attribute.StringAttr s) {
      return s.value();
    }
    throw wrongKind(name, AttrKind.STRING);
  }

  private static ShapeException wrongKind(String name, AttrKind kind) {
    return new ShapeException("attribute '" + name + "' must be " + kind.description());
  }
}
