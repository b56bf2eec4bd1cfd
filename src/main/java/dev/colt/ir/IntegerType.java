// Signless integer types iN.
package dev.colt.ir;

/** A signless integer type of the given bit width (i1, i8, i16, i32, i64). */
public record IntegerType(int width) implements Type {
  public static final IntegerType I1 = new IntegerType(1);
  public static final IntegerType I8 = new IntegerType(8);
  public static final IntegerType I16 = new IntegerType(16);
  public static final IntegerType I32 = new IntegerType(32);
  public static final IntegerType I64 = new IntegerType(64);

  public IntegerType {
    if (width < 1 || width > 64) {
      throw new IllegalArgumentException("unsupported integer width " + width);
    }
  }

  @Override
  public String toString() {
    return "i" + width;
  }
}
