// The scalar element types a Buffer can hold, with their storage size in bytes.
package dev.colt.exec.data;

import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Type;

/** Storage kind of a buffer element: f16, f32, f64, i1, i8, i16, i32, i64 or index (64-bit). */
public enum ElementKind {
  F16(2, true, 16), F32(4, true, 32), F64(8, true, 64),
  I1(1, false, 1), I8(1, false, 8), I16(2, false, 16), I32(4, false, 32), I64(8, false, 64),
  INDEX(8, false, 64);

  /** Bytes one element occupies in memory (i1 takes a whole byte holding 0 or 1). */
  public final int byteSize;
  /** True for the float kinds. */
  public final boolean isFloat;
  /** Bit width of the value (1 for i1, 64 for index). */
  public final int bitWidth;

  ElementKind(int byteSize, boolean isFloat, int bitWidth) {
    this.byteSize = byteSize;
    this.isFloat = isFloat;
    this.bitWidth = bitWidth;
  }

  /**
   * The kind of a scalar type. Fails with IllegalArgumentException for anything that is not f16,
   * f32, f64, i1, i8, i16, i32, i64 or index.
   */
  public static ElementKind of(Type type) {
    return switch (type) {
      case FloatType f -> switch (f.width()) {
        case 16 -> F16;
        case 32 -> F32;
        default -> F64;
      };
      case IntegerType i -> switch (i.width()) {
        case 1 -> I1;
        case 8 -> I8;
        case 16 -> I16;
        case 32 -> I32;
        case 64 -> I64;
        default -> throw new IllegalArgumentException("unsupported buffer element type " + type);
      };
      case IndexType x -> INDEX;
      default -> throw new IllegalArgumentException("unsupported buffer element type " + type);
    };
  }

  /** The IR type of this kind. */
  public Type type() {
    return switch (this) {
      case F16 -> FloatType.F16;
      case F32 -> FloatType.F32;
      case F64 -> FloatType.F64;
      case I1 -> IntegerType.I1;
      case I8 -> IntegerType.I8;
      case I16 -> IntegerType.I16;
      case I32 -> IntegerType.I32;
      case I64 -> IntegerType.I64;
      case INDEX -> IndexType.INSTANCE;
    };
  }
}
