// Floating-point scalar types f16, f32 and f64.
package dev.colt.ir;

/** An IEEE float type of 16, 32 or 64 bits. */
public record FloatType(int width) implements Type {
  public static final FloatType F16 = new FloatType(16);
  public static final FloatType F32 = new FloatType(32);
  public static final FloatType F64 = new FloatType(64);

  public FloatType {
    if (width != 16 && width != 32 && width != 64) {
      throw new IllegalArgumentException("unsupported float width " + width);
    }
  }

  @Override
  public String toString() {
    return "f" + width;
  }
}
