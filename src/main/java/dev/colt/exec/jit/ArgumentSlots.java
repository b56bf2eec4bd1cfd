// Packs actual arguments into the native slot array read by a JIT'd function's packed entry point.
package dev.colt.exec.jit;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.FloatType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Type;
import dev.colt.lower.llvm.CallingConvention;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;

/**
 * The slot array of {@link CallingConvention} for one call, in native memory. Keeps the argument
 * buffers reachable while it is alive, so their memory cannot be freed under the JIT'd code.
 * Fails with IllegalArgumentException when arguments do not match the convention (count, kind,
 * or a static dimension that differs from the buffer's shape, or a buffer too small).
 */
public final class ArgumentSlots implements AutoCloseable {
  private final LongPointer slots;
  private final CallingConvention convention;
  private final List<Object> keepAlive = new ArrayList<>();

  public ArgumentSlots(CallingConvention convention, List<? extends RuntimeValue> args) {
    this.convention = convention;
    List<Type> types = convention.arguments();
    if (args.size() != types.size()) {
      throw new IllegalArgumentException("expected " + types.size() + " arguments, got "
          + args.size());
    }
    slots = new LongPointer(Math.max(1, convention.slotCount()));
    slots.fill(0);
    for (int a = 0; a < types.size(); a++) {
      Type t = types.get(a);
      RuntimeValue arg = args.get(a);
      switch (arg) {
        case Buffer m when t instanceof MemRefType mt -> {
          checkShape(a, mt, m);
          BytePointer p = new BytePointer(m.byteBuffer());
          keepAlive.add(p);
          keepAlive.add(m);
          slots.put(a, p.address());
        }
        case RuntimeValue.IntValue i when t.isIntOrIndex() -> slots.put(a, i.value());
        case RuntimeValue.FloatValue f when t instanceof FloatType ft -> slots.put(a,
            ft.width() == 32 ? Integer.toUnsignedLong(Float.floatToRawIntBits((float) f.value()))
                : Double.doubleToRawLongBits(f.value()));
        default -> throw new IllegalArgumentException("argument " + a + " (" + arg
            + ") does not match type " + t);
      }
    }
    for (CallingConvention.DynamicDim d : convention.dynamicDims()) {
      slots.put(d.slot(), ((Buffer) args.get(d.argument())).shape()[d.dim()]);
    }
  }

  private static void checkShape(int a, MemRefType t, Buffer m) {
    if (m.shape().length != t.rank()) {
      throw new IllegalArgumentException("argument " + a + ": rank " + m.shape().length
          + " for " + t);
    }
    long n = 1;
    for (int d = 0; d < t.rank(); d++) {
      long want = t.shape().get(d);
      if (want >= 0 && want != m.shape()[d]) {
        throw new IllegalArgumentException("argument " + a + ": dimension " + d + " is "
            + m.shape()[d] + ", type says " + want);
      }
      n *= m.shape()[d];
    }
    long bytes = n * elementBytes(t.elementType());
    if (m.byteBuffer().capacity() < bytes) {
      throw new IllegalArgumentException("argument " + a + ": buffer of "
          + m.byteBuffer().capacity() + " bytes for " + bytes);
    }
  }

  private static long elementBytes(Type t) {
    return switch (t) {
      case FloatType f -> f.width() / 8;
      case dev.colt.ir.IntegerType i -> (i.width() + 7) / 8;
      case dev.colt.ir.IndexType x -> 8;
      case dev.colt.ir.VectorType v -> v.numElements() * elementBytes(v.elementType());
      default -> throw new IllegalArgumentException("no element size for " + t);
    };
  }

  /** Address of the slot array, for the native runtime. */
  public long address() {
    return slots.address();
  }

  /** The raw result slot after a call; precondition: the function has a result. */
  public long resultBits() {
    return slots.get(convention.resultSlot());
  }

  @Override
  public void close() {
    slots.close();
    keepAlive.clear();
  }
}
