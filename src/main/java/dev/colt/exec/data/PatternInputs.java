// The deterministic argument values every run of a kernel uses (DESIGN.md's pattern inputs).
package dev.colt.exec.data;

import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds pattern inputs. Arguments are numbered a = 0, 1, ... in signature order. A float memref
 * element at row-major linear index f is (((f*7 + a*13) mod 17) - 8) / 8, an integer memref
 * element ((f*7 + a*13) mod 17) - 8 (wrapped to the element width, so i1 keeps the low bit), a
 * float scalar (a + 4) / 8 and an index or integer scalar a + 1. Every dynamic memref dimension
 * takes one size, {@link #DEFAULT_DYNAMIC_DIM} unless given.
 */
public final class PatternInputs {
  /** Size given to each dynamic memref dimension when no other size is requested. */
  public static final long DEFAULT_DYNAMIC_DIM = 16;

  private PatternInputs() {}

  /** The integer pattern value of element {@code f} of argument {@code a}. */
  public static long integerElement(long a, long f) {
    return Math.floorMod(f * 7 + a * 13, 17) - 8;
  }

  /** The float pattern value of element {@code f} of argument {@code a} (exact in f16/f32/f64). */
  public static double floatElement(long a, long f) {
    return integerElement(a, f) / 8.0;
  }

  /** Fills {@code buffer} as the pattern input of argument number {@code a}. */
  public static void fill(Buffer buffer, int a) {
    long n = buffer.size();
    if (buffer.kind().isFloat) {
      for (long f = 0; f < n; f++) {
        buffer.setDouble(f, floatElement(a, f));
      }
    } else {
      for (long f = 0; f < n; f++) {
        buffer.setLong(f, integerElement(a, f));
      }
    }
  }

  /** The pattern value of argument {@code a} of type {@code type}, dynamic dims of size 16. */
  public static RuntimeValue forArgument(int a, Type type) {
    return forArgument(a, type, DEFAULT_DYNAMIC_DIM);
  }

  /**
   * The pattern value of argument {@code a} of type {@code type}; every dynamic memref dimension
   * has size {@code dynamicDim}. Fails with IllegalArgumentException for vector, tensor or function
   * arguments and memrefs of unsupported element types.
   */
  public static RuntimeValue forArgument(int a, Type type, long dynamicDim) {
    return switch (type) {
      case MemRefType m -> {
        long[] dyn = new long[(int) m.shape().stream().filter(d -> d == ShapedType.DYNAMIC)
            .count()];
        Arrays.fill(dyn, dynamicDim);
        Buffer b = Buffer.allocate(m, dyn);
        fill(b, a);
        yield b;
      }
      case FloatType f -> new RuntimeValue.FloatValue(f, Numerics.roundFloat(f.width(),
          (a + 4) / 8.0));
      default -> {
        if (!type.isIntOrIndex()) {
          throw new IllegalArgumentException("no pattern input for an argument of type " + type);
        }
        int width = type instanceof dev.colt.ir.IntegerType i ? i.width() : 64;
        yield new RuntimeValue.IntValue(type, Numerics.wrap(width, a + 1L));
      }
    };
  }

  /** Pattern values for every input of {@code signature}, dynamic dims of size 16. */
  public static List<RuntimeValue> forSignature(FunctionType signature) {
    return forSignature(signature, DEFAULT_DYNAMIC_DIM);
  }

  /** Pattern values for every input of {@code signature}; see {@link #forArgument}. */
  public static List<RuntimeValue> forSignature(FunctionType signature, long dynamicDim) {
    List<RuntimeValue> out = new ArrayList<>();
    for (int a = 0; a < signature.inputs().size(); a++) {
      out.add(forArgument(a, signature.inputs().get(a), dynamicDim));
    }
    return out;
  }
}
