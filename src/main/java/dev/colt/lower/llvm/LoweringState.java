// Shared state of one module's lowering: LLVM context, module, builder, value maps and helpers.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Mutable state while one IR module becomes one LLVM module: the IR-value to LLVM-value map, the
 * memref views (pointer plus dimension sizes), known integer constants, and small builders for
 * constants, intrinsic calls and libm calls. Single-threaded; owned by {@link ModuleLowering}.
 */
final class LoweringState {
  final LLVMContextRef ctx;
  final LLVMModuleRef module;
  final LLVMBuilderRef builder;
  final String symbolSuffix;
  final LLVMTypeRef i1;
  final LLVMTypeRef i32;
  final LLVMTypeRef i64;
  final LLVMTypeRef ptr;
  final LLVMTypeRef voidType;

  private final Map<Value, LLVMValueRef> values = new IdentityHashMap<>();
  private final Map<Value, MemRefView> memrefs = new IdentityHashMap<>();
  private final Map<Value, Long> constants = new IdentityHashMap<>();
  private final Map<String, LLVMValueRef> externals = new HashMap<>();

  /** Where static allocas go: the end of the current function's entry block. */
  LLVMBasicBlockRef allocaBlock;
  LLVMValueRef function;

  /** A memref as a pointer to element 0 plus its dimension sizes as i64 values. */
  record MemRefView(LLVMValueRef pointer, MemRefType type, List<LLVMValueRef> dims) {}

  LoweringState(LLVMContextRef ctx, LLVMModuleRef module, String symbolSuffix) {
    this.ctx = ctx;
    this.module = module;
    this.builder = LLVMCreateBuilderInContext(ctx);
    this.symbolSuffix = symbolSuffix;
    i1 = LLVMInt1TypeInContext(ctx);
    i32 = LLVMInt32TypeInContext(ctx);
    i64 = LLVMInt64TypeInContext(ctx);
    ptr = LLVMPointerTypeInContext(ctx, 0);
    voidType = LLVMVoidTypeInContext(ctx);
  }

  void dispose() {
    LLVMDisposeBuilder(builder);
  }

  static DiagnosticException error(Operation op, String message) {
    return new DiagnosticException(op.location(), "cannot lower '" + op.name() + "' to LLVM: "
        + message);
  }

  /** A native array of pointers; never use the one-argument PointerPointer constructor. */
  static PointerPointer<Pointer> array(List<? extends Pointer> items) {
    PointerPointer<Pointer> pp = new PointerPointer<>(Math.max(1, items.size()));
    for (int i = 0; i < items.size(); i++) {
      pp.put(i, items.get(i));
    }
    return pp;
  }

  LLVMTypeRef type(Type t) {
    return switch (t) {
      case FloatType f -> switch (f.width()) {
        case 16 -> LLVMHalfTypeInContext(ctx);
        case 32 -> LLVMFloatTypeInContext(ctx);
        default -> LLVMDoubleTypeInContext(ctx);
      };
      case IntegerType it -> LLVMIntTypeInContext(ctx, it.width());
      case IndexType ix -> i64;
      case MemRefType m -> ptr;
      case VectorType v -> {
        if (v.rank() != 1) {
          throw new IllegalArgumentException("only 1-D vectors are lowered, got " + v);
        }
        yield LLVMVectorType(type(v.elementType()), (int) (long) v.shape().get(0));
      }
      default -> throw new IllegalArgumentException("type " + t + " has no LLVM lowering");
    };
  }

  /** Bytes of one memref element as stored (i1 takes a byte). */
  static long byteSize(Type t) {
    return switch (t) {
      case FloatType f -> f.width() / 8;
      case IntegerType it -> (it.width() + 7) / 8;
      case IndexType ix -> 8;
      case VectorType v -> v.numElements() * byteSize(v.elementType());
      default -> throw new IllegalArgumentException("no size for " + t);
    };
  }

  LLVMValueRef i64(long v) {
    return LLVMConstInt(i64, v, 1);
  }

  LLVMValueRef get(Value v) {
    LLVMValueRef r = values.get(v);
    if (r == null) {
      throw new IllegalStateException("value used before its definition was lowered: " + v);
    }
    return r;
  }

  List<LLVMValueRef> get(List<Value> vs) {
    return vs.stream().map(this::get).toList();
  }

  void put(Value v, LLVMValueRef r) {
    values.put(v, r);
  }

  MemRefView memref(Value v) {
    MemRefView m = memrefs.get(v);
    if (m == null) {
      throw new IllegalStateException("memref used before its definition was lowered: " + v);
    }
    return m;
  }

  void putMemRef(Value v, MemRefView view) {
    memrefs.put(v, view);
    values.put(v, view.pointer());
  }

  void putConstant(Value v, long c) {
    constants.put(v, c);
  }

  /** The integer constant a value is known to hold, or null. */
  Long constant(Value v) {
    return constants.get(v);
  }

  /** Calls the overloaded intrinsic {@code name} specialized on {@code overloads}. */
  LLVMValueRef intrinsic(String name, List<LLVMTypeRef> overloads, LLVMValueRef... args) {
    int id = LLVMLookupIntrinsicID(name, name.length());
    if (id == 0) {
      throw new IllegalStateException("unknown LLVM intrinsic " + name);
    }
    PointerPointer<Pointer> tys = array(overloads);
    LLVMValueRef decl = LLVMGetIntrinsicDeclaration(module, id, tys, overloads.size());
    LLVMTypeRef fnType = LLVMIntrinsicGetType(ctx, id, tys, overloads.size());
    return LLVMBuildCall2(builder, fnType, decl, array(List.of(args)), args.length, "");
  }

  static boolean hasIntrinsic(String name) {
    return LLVMLookupIntrinsicID(name, name.length()) != 0;
  }

  /** Calls an external C function (libc or libm), declaring it on first use. */
  LLVMValueRef callExternal(String name, LLVMTypeRef result, List<LLVMTypeRef> params,
      LLVMValueRef... args) {
    LLVMTypeRef fnType = LLVMFunctionType(result, array(params), params.size(), 0);
    LLVMValueRef fn = externals.computeIfAbsent(name, n -> {
      LLVMValueRef existing = LLVMGetNamedFunction(module, n);
      return existing != null && !existing.isNull() ? existing : LLVMAddFunction(module, n, fnType);
    });
    return LLVMBuildCall2(builder, fnType, fn, array(List.of(args)), args.length, "");
  }

  /** {@code value} repeated in every lane of {@code vectorType}. */
  LLVMValueRef splat(LLVMValueRef value, int lanes) {
    LLVMTypeRef vt = LLVMVectorType(LLVMTypeOf(value), lanes);
    LLVMValueRef one = LLVMBuildInsertElement(builder, LLVMGetPoison(vt), value,
        LLVMConstInt(i32, 0, 0), "");
    LLVMValueRef zeros = LLVMConstNull(LLVMVectorType(i32, lanes));
    return LLVMBuildShuffleVector(builder, one, LLVMGetPoison(vt), zeros, "");
  }

  /** Appends a new block to the current function. */
  LLVMBasicBlockRef newBlock(String name) {
    return LLVMAppendBasicBlockInContext(ctx, function, name);
  }

  /** Row-major linear offset of {@code indices} in a memref with sizes {@code dims}. */
  LLVMValueRef linearize(List<LLVMValueRef> indices, List<LLVMValueRef> dims) {
    if (indices.isEmpty()) {
      return i64(0);
    }
    LLVMValueRef off = indices.get(0);
    for (int i = 1; i < indices.size(); i++) {
      off = LLVMBuildNSWAdd(builder, LLVMBuildNSWMul(builder, off, dims.get(i), ""),
          indices.get(i), "");
    }
    return off;
  }

  /** Address of the element at {@code indices} of {@code view}. */
  LLVMValueRef address(MemRefView view, List<LLVMValueRef> indices) {
    LLVMValueRef off = linearize(indices, view.dims());
    LLVMTypeRef elem = type(view.type().elementType());
    return LLVMBuildInBoundsGEP2(builder, elem, view.pointer(), array(List.of(off)), 1, "");
  }
}
