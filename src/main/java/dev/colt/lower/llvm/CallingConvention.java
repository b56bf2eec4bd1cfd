// How a lowered function receives its arguments: native parameters and the packed entry point's slots.
package dev.colt.lower.llvm;

import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * COLT's calling convention for a {@code func.func} lowered to LLVM.
 *
 * <p>Native signature of {@code @f(%a0, ..., %an)}: one parameter per IR argument in order, a memref
 * as a single {@code ptr} to its first element (row-major, identity layout, no offset), an index
 * as {@code i64}, iN as {@code iN}, fN as the LLVM float type; then one {@code i64} per dynamic
 * dimension of each memref argument, in argument order and then dimension order. A function
 * returns nothing or one scalar. Calling contract: memref arguments are distinct, non-overlapping
 * buffers aligned to 64 bytes, so a function that is not called from inside its module marks them
 * {@code noalias}.
 *
 * <p>Packed entry point {@code void @__colt_entry_f(ptr %slots)}: the same arguments read from an
 * array of 8-byte slots in the order above (a memref slot holds the address; an integer or index
 * slot holds the value as a 64-bit integer; an f32 slot holds the float in its low 4 bytes; an f64
 * slot the double), followed by one slot receiving the result, if any. The native runtime calls
 * every kernel through this one shape.
 */
public record CallingConvention(List<Type> arguments, List<DynamicDim> dynamicDims, Type result) {

  /** Dynamic dimension {@code dim} of memref argument {@code argument}, passed in {@code slot}. */
  public record DynamicDim(int argument, int dim, int slot) {}

  public CallingConvention {
    arguments = List.copyOf(arguments);
    dynamicDims = List.copyOf(dynamicDims);
  }

  /**
   * The convention of a function type. Fails with IllegalArgumentException on more than one
   * result, a non-scalar result, or an argument type that has no lowering (tensor, function).
   */
  public static CallingConvention of(FunctionType type) {
    List<DynamicDim> dims = new ArrayList<>();
    int slot = type.inputs().size();
    for (int a = 0; a < type.inputs().size(); a++) {
      Type t = type.inputs().get(a);
      if (t instanceof MemRefType m) {
        for (int d = 0; d < m.rank(); d++) {
          if (m.shape().get(d) == ShapedType.DYNAMIC) {
            dims.add(new DynamicDim(a, d, slot++));
          }
        }
      } else if (!isScalar(t)) {
        throw new IllegalArgumentException("argument " + a + " of type " + t
            + " has no native lowering");
      }
    }
    if (type.results().size() > 1) {
      throw new IllegalArgumentException("functions with more than one result are not lowered");
    }
    Type result = type.results().isEmpty() ? null : type.results().get(0);
    if (result != null && !isScalar(result)) {
      throw new IllegalArgumentException("result type " + result + " has no native lowering");
    }
    return new CallingConvention(type.inputs(), dims, result);
  }

  static boolean isScalar(Type t) {
    return t instanceof FloatType || t instanceof IntegerType || t instanceof IndexType;
  }

  /** Slots the packed entry point reads (and writes, for the result). */
  public int slotCount() {
    return arguments.size() + dynamicDims.size() + (result == null ? 0 : 1);
  }

  /** The slot receiving the result; precondition: the function has a result. */
  public int resultSlot() {
    return arguments.size() + dynamicDims.size();
  }

  /** The symbol of the packed entry point of the function named {@code symbol}. */
  public static String entrySymbol(String symbol) {
    return "__colt_entry_" + symbol;
  }
}
