// Compile-time constant data attached to operations (integers, floats, maps, types, arrays ...).
package dev.colt.ir;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An immutable attribute value. Printing lives in {@code ir.text}. */
public sealed interface Attribute {

  /** An integer of the given type ({@code 4 : i32}, {@code 7 : index}; i1 prints true/false). */
  record IntegerAttr(long value, Type type) implements Attribute {
    public IntegerAttr {
      if (!type.isIntOrIndex()) {
        throw new IllegalArgumentException("integer attribute of type " + type);
      }
    }
  }

  /** A float of the given type; the value is held as a double. */
  record FloatAttr(double value, FloatType type) implements Attribute {
    @Override
    public boolean equals(Object o) {
      return o instanceof FloatAttr f && Double.doubleToLongBits(f.value) == Double
          .doubleToLongBits(value) && f.type.equals(type);
    }

    @Override
    public int hashCode() {
      return Double.hashCode(value) * 31 + type.hashCode();
    }
  }

  /** A string. */
  record StringAttr(String value) implements Attribute {}

  /** A type used as an attribute (for example a function type). */
  record TypeAttr(Type type) implements Attribute {}

  /** An affine map. */
  record AffineMapAttr(AffineMap map) implements Attribute {}

  /** An integer set. */
  record IntegerSetAttr(IntegerSet set) implements Attribute {}

  /** A list of attributes, {@code [a, b]}. */
  record ArrayAttr(List<Attribute> elements) implements Attribute {
    public ArrayAttr {
      elements = List.copyOf(elements);
    }
  }

  /**
   * MLIR's dense array, {@code array<i32: 1, 2>} (used for {@code operandSegmentSizes}) or
   * {@code array<i64: ...>}; {@code elementType} is an integer type or i1.
   */
  record DenseArrayAttr(IntegerType elementType, List<Long> values) implements Attribute {
    public DenseArrayAttr {
      values = List.copyOf(values);
    }

    /** {@code array<i32: ...>}, the form of {@code operandSegmentSizes}. */
    public static DenseArrayAttr i32(long... values) {
      return new DenseArrayAttr(IntegerType.I32, java.util.Arrays.stream(values).boxed().toList());
    }

    public int size() {
      return values.size();
    }

    public long get(int i) {
      return values.get(i);
    }
  }

  /** A reference to a symbol, {@code @name}. */
  record SymbolRefAttr(String name) implements Attribute {}

  /** A presence flag with no value ({@code unit}). */
  record UnitAttr() implements Attribute {
    public static final UnitAttr INSTANCE = new UnitAttr();
  }

  /** A name to attribute dictionary, ordered by name. */
  record DictionaryAttr(SortedMap<String, Attribute> entries) implements Attribute {
    public DictionaryAttr {
      entries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static DictionaryAttr of(Map<String, Attribute> entries) {
      return new DictionaryAttr(new TreeMap<>(entries));
    }
  }

  /**
   * Dense elements for a shaped type ({@code dense<1.0> : vector<8xf32>} or a full list). Values are
   * held as doubles (integers up to 2^53 are exact); a splat holds one value.
   */
  record DenseElementsAttr(Type type, double[] values) implements Attribute {
    public DenseElementsAttr {
      if (!(type instanceof ShapedType s) || !s.hasStaticShape()) {
        throw new IllegalArgumentException("dense elements need a static shaped type, got " + type);
      }
      long n = s.numElements();
      if (values.length != 1 && values.length != n) {
        throw new IllegalArgumentException("dense elements: " + values.length
            + " values for " + n + " elements");
      }
      values = values.clone();
    }

    public boolean isSplat() {
      if (values.length == 1) {
        return true;
      }
      for (double v : values) {
        if (Double.doubleToLongBits(v) != Double.doubleToLongBits(values[0])) {
          return false;
        }
      }
      return true;
    }

    /** Element {@code i} in row-major order. */
    public double get(long i) {
      return values.length == 1 ? values[0] : values[(int) i];
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DenseElementsAttr d && d.type.equals(type)
          && Arrays.equals(d.values, values);
    }

    @Override
    public int hashCode() {
      return type.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "DenseElementsAttr[" + type + ", " + values.length + " values]";
    }
  }

  static IntegerAttr index(long v) {
    return new IntegerAttr(v, IndexType.INSTANCE);
  }

  static IntegerAttr i64(long v) {
    return new IntegerAttr(v, IntegerType.I64);
  }
}
