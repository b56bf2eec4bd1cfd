// DESIGN.md's pattern inputs as JIT arguments (64-byte aligned direct buffers) and their checksums.
package dev.colt.exec.jit;

import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fresh pattern inputs for a function signature, as defined in DESIGN.md: argument a's float memref
 * element at linear index f is {@code (((f*7 + a*13) mod 17) - 8) / 8}, an integer element
 * {@code ((f*7 + a*13) mod 17) - 8}, a float scalar {@code (a + 4) / 8}, an integer or index
 * scalar {@code a + 1}. Dynamic memref dimensions take {@code dynamicSize}. Checksums are the sum
 * and sum of absolute values of each memref's elements, accumulated in double.
 */
public final class PatternArguments {
  private PatternArguments() {}

  /** Pattern arguments for {@code type}; fails with IllegalArgumentException on unsupported types. */
  public static List<Argument> create(FunctionType type, long dynamicSize) {
    List<Argument> args = new ArrayList<>();
    for (int a = 0; a < type.inputs().size(); a++) {
      Type t = type.inputs().get(a);
      switch (t) {
        case MemRefType m -> {
          long[] shape = m.shape().stream().mapToLong(d -> d == ShapedType.DYNAMIC ? dynamicSize
              : d).toArray();
          long n = 1;
          for (long d : shape) {
            n *= d;
          }
          ByteBuffer data = allocate(n * elementBytes(m.elementType(), a));
          for (long f = 0; f < n; f++) {
            long p = Math.floorMod(f * 7 + a * 13L, 17) - 8;
            put(data, m.elementType(), f, m.elementType().isFloat() ? p / 8.0 : p);
          }
          args.add(new Argument.MemRef(data, shape));
        }
        case FloatType f -> args.add(new Argument.FloatScalar((a + 4) / 8.0));
        case IntegerType i -> args.add(new Argument.IntScalar(a + 1));
        case IndexType i -> args.add(new Argument.IntScalar(a + 1));
        default -> throw new IllegalArgumentException("no pattern input for argument " + a
            + " of type " + t);
      }
    }
    return args;
  }

  /** A zeroed, 64-byte aligned, native-order direct buffer of at least {@code bytes} bytes. */
  public static ByteBuffer allocate(long bytes) {
    if (bytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("buffer of " + bytes + " bytes is too large");
    }
    ByteBuffer raw = ByteBuffer.allocateDirect((int) Math.max(64, bytes) + 64);
    return raw.alignedSlice(64).order(ByteOrder.nativeOrder());
  }

  static long elementBytes(Type t, int argument) {
    return switch (t) {
      case FloatType f -> f.width() / 8;
      case IntegerType i -> i.width() <= 8 ? 1 : i.width() / 8;
      case IndexType i -> 8;
      default -> throw new IllegalArgumentException("no pattern input for argument " + argument
          + " with elements " + t);
    };
  }

  static void put(ByteBuffer b, Type t, long i, double v) {
    int idx = (int) i;
    switch (t) {
      case FloatType f when f.width() == 32 -> b.putFloat(idx * 4, (float) v);
      case FloatType f when f.width() == 64 -> b.putDouble(idx * 8, v);
      case FloatType f -> b.putShort(idx * 2, Float.floatToFloat16((float) v));
      case IntegerType it when it.width() <= 8 -> b.put(idx, (byte) v);
      case IntegerType it when it.width() == 16 -> b.putShort(idx * 2, (short) v);
      case IntegerType it when it.width() == 32 -> b.putInt(idx * 4, (int) v);
      default -> b.putLong(idx * 8, (long) v);
    }
  }

  static double get(ByteBuffer b, Type t, long i) {
    int idx = (int) i;
    return switch (t) {
      case FloatType f when f.width() == 32 -> b.getFloat(idx * 4);
      case FloatType f when f.width() == 64 -> b.getDouble(idx * 8);
      case FloatType f -> Float.float16ToFloat(b.getShort(idx * 2));
      case IntegerType it when it.width() <= 8 -> b.get(idx);
      case IntegerType it when it.width() == 16 -> b.getShort(idx * 2);
      case IntegerType it when it.width() == 32 -> b.getInt(idx * 4);
      default -> b.getLong(idx * 8);
    };
  }

  /** Sum and sum of absolute values of one memref argument. */
  public record Checksum(int argument, double sum, double abs) {
    /** {@code arg<a> sum=<%.6e> abs=<%.6e>}, the colt-run line. */
    public String line() {
      return String.format(Locale.ROOT, "arg%d sum=%.6e abs=%.6e", argument, sum, abs);
    }
  }

  /** Checksums of every memref argument, in argument order. */
  public static List<Checksum> checksums(FunctionType type, List<Argument> args) {
    List<Checksum> out = new ArrayList<>();
    for (int a = 0; a < args.size(); a++) {
      if (args.get(a) instanceof Argument.MemRef m) {
        Type elem = ((MemRefType) type.inputs().get(a)).elementType();
        out.add(checksum(a, elem, m));
      }
    }
    return out;
  }

  static Checksum checksum(int a, Type elem, Argument.MemRef m) {
    long n = 1;
    for (long d : m.shape()) {
      n *= d;
    }
    double sum = 0;
    double abs = 0;
    for (long f = 0; f < n; f++) {
      double v = get(m.data(), elem, f);
      sum += v;
      abs += Math.abs(v);
    }
    return new Checksum(a, sum, abs);
  }

  /** Element {@code f} of memref argument {@code m} as a double. */
  public static double element(Argument.MemRef m, Type elem, long f) {
    return get(m.data(), elem, f);
  }
}
