// vector dialect ops and affine vector loads/stores lowered to LLVM vector types and intrinsics.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers 1-D vector ops: loads and stores become LLVM vector loads/stores aligned to the element
 * (or {@code llvm.masked.load/store} for transfers that are not known in bounds, masked by the
 * remaining extent of the last dimension), {@code vector.fma} becomes {@code llvm.fma.*},
 * {@code vector.reduction} becomes {@code llvm.vector.reduce.*} (float add/mul reductions carry the
 * {@code reassoc} flag: their lane order is unspecified), broadcasts become splat shuffles.
 * Transfers support minor-identity and broadcast ({@code (..) -> (0)}) permutation maps only.
 */
final class VectorLowering {
  private final LoweringState s;
  private final AffineExprLowering affine;

  VectorLowering(LoweringState s, AffineExprLowering affine) {
    this.s = s;
    this.affine = affine;
  }

  boolean lower(Operation op) {
    switch (op.name()) {
      case "vector.load" -> s.put(op.result(), load(op, op.operand(0), s.get(rest(op, 1)),
          op.result().type()));
      case "vector.store" -> store(op.operand(1), s.get(rest(op, 2)), s.get(op.operand(0)));
      case "affine.vector_load" -> s.put(op.result(), load(op, op.operand(0),
          affine.apply(map(op), s.get(rest(op, 1))), op.result().type()));
      case "affine.vector_store" -> store(op.operand(1),
          affine.apply(map(op), s.get(rest(op, 2))), s.get(op.operand(0)));
      case "vector.transfer_read" -> transferRead(op);
      case "vector.transfer_write" -> transferWrite(op);
      case "vector.broadcast", "vector.splat" -> broadcast(op);
      case "vector.fma" -> s.put(op.result(), s.intrinsic("llvm.fma",
          List.of(s.type(op.result().type())), s.get(op.operand(0)), s.get(op.operand(1)),
          s.get(op.operand(2))));
      case "vector.reduction" -> reduction(op);
      case "vector.extract", "vector.extractelement" -> s.put(op.result(),
          LLVMBuildExtractElement(s.builder, s.get(op.operand(0)), position(op, 1), ""));
      case "vector.insert", "vector.insertelement" -> s.put(op.result(),
          LLVMBuildInsertElement(s.builder, s.get(op.operand(1)), s.get(op.operand(0)),
              position(op, 2), ""));
      default -> {
        return false;
      }
    }
    return true;
  }

  private static List<Value> rest(Operation op, int from) {
    return op.operands().subList(from, op.operands().size());
  }

  private static AffineMap map(Operation op) {
    if (op.attr("map") instanceof Attribute.AffineMapAttr m) {
      return m.map();
    }
    throw LoweringState.error(op, "missing 'map' attribute");
  }

  private static VectorType vectorType(Operation op, Type t) {
    if (t instanceof VectorType v && v.rank() == 1) {
      return v;
    }
    throw LoweringState.error(op, "only 1-D vectors are supported, got " + t);
  }

  private LLVMValueRef load(Operation op, Value memref, List<LLVMValueRef> indices, Type type) {
    VectorType vt = vectorType(op, type);
    LLVMValueRef addr = s.address(s.memref(memref), indices);
    LLVMValueRef v = LLVMBuildLoad2(s.builder, s.type(vt), addr, "");
    LLVMSetAlignment(v, (int) LoweringState.byteSize(vt.elementType()));
    return v;
  }

  private void store(Value memref, List<LLVMValueRef> indices, LLVMValueRef value) {
    LLVMValueRef addr = s.address(s.memref(memref), indices);
    LLVMValueRef st = LLVMBuildStore(s.builder, value, addr);
    LLVMTypeRef elem = LLVMGetElementType(LLVMTypeOf(value));
    LLVMSetAlignment(st, Math.max(1, LLVMGetIntTypeWidthOrFloat(elem) / 8));
  }

  private static int LLVMGetIntTypeWidthOrFloat(LLVMTypeRef t) {
    return switch (LLVMGetTypeKind(t)) {
      case LLVMHalfTypeKind -> 16;
      case LLVMFloatTypeKind -> 32;
      case LLVMDoubleTypeKind -> 64;
      default -> LLVMGetIntTypeWidth(t);
    };
  }

  private static List<Long> segments(Operation op) {
    if (op.attr("operandSegmentSizes") instanceof Attribute.DenseArrayAttr d) {
      return d.values();
    }
    throw LoweringState.error(op, "missing 'operandSegmentSizes'");
  }

  private static boolean inBounds(Operation op) {
    if (op.attr("in_bounds") instanceof Attribute.ArrayAttr a) {
      return a.elements().stream().allMatch(e -> e instanceof Attribute.IntegerAttr i
          && i.value() != 0);
    }
    return false;
  }

  /** 0 for a minor identity map on the last memref dim, 1 for a broadcast map; else an error. */
  private static int transferKind(Operation op, int rank) {
    AffineMap m = op.attr("permutation_map") instanceof Attribute.AffineMapAttr a ? a.map()
        : AffineMap.of(rank, 0, AffineExpr.dim(rank - 1));
    if (m.numResults() == 1 && m.result(0) instanceof AffineExpr.Dim d
        && d.position() == rank - 1) {
      return 0;
    }
    if (m.numResults() == 1 && m.result(0) instanceof AffineExpr.Constant c && c.value() == 0) {
      return 1;
    }
    throw LoweringState.error(op, "unsupported permutation map " + m);
  }

  /** Lanes {@code i} with {@code index + i < dim} of the last dimension. */
  private LLVMValueRef laneMask(LoweringState.MemRefView view, List<LLVMValueRef> indices,
      int lanes) {
    LLVMBuilderRef b = s.builder;
    int last = indices.size() - 1;
    LLVMValueRef remaining = LLVMBuildSub(b, view.dims().get(last), indices.get(last), "");
    List<LLVMValueRef> steps = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      steps.add(s.i64(i));
    }
    LLVMValueRef iota = LLVMConstVector(LoweringState.array(steps), lanes);
    return LLVMBuildICmp(b, LLVMIntSLT, iota, s.splat(remaining, lanes), "");
  }

  private void transferRead(Operation op) {
    List<Long> seg = segments(op);
    int nIdx = (int) (long) seg.get(1);
    if (seg.size() > 3 && seg.get(3) != 0) {
      throw LoweringState.error(op, "masked transfers are not supported");
    }
    VectorType vt = vectorType(op, op.result().type());
    int lanes = (int) vt.numElements();
    LoweringState.MemRefView view = s.memref(op.operand(0));
    List<LLVMValueRef> idx = s.get(op.operands().subList(1, 1 + nIdx));
    LLVMValueRef padding = s.get(op.operand(1 + nIdx));
    int kind = transferKind(op, nIdx);
    LLVMBuilderRef b = s.builder;
    LLVMValueRef result;
    if (kind == 1) {
      LLVMValueRef scalar = LLVMBuildLoad2(b, s.type(vt.elementType()), s.address(view, idx), "");
      result = s.splat(scalar, lanes);
    } else if (inBounds(op)) {
      result = load(op, op.operand(0), idx, vt);
    } else {
      LLVMValueRef mask = laneMask(view, idx, lanes);
      int align = (int) LoweringState.byteSize(vt.elementType());
      LLVMValueRef addr = s.address(view, idx);
      result = s.intrinsic("llvm.masked.load", List.of(s.type(vt), s.ptr), addr,
          LLVMConstInt(s.i32, align, 0), mask, s.splat(padding, lanes));
    }
    s.put(op.result(), result);
  }

  private void transferWrite(Operation op) {
    List<Long> seg = segments(op);
    int nIdx = (int) (long) seg.get(2);
    if (seg.size() > 3 && seg.get(3) != 0) {
      throw LoweringState.error(op, "masked transfers are not supported");
    }
    VectorType vt = vectorType(op, op.operand(0).type());
    LoweringState.MemRefView view = s.memref(op.operand(1));
    List<LLVMValueRef> idx = s.get(op.operands().subList(2, 2 + nIdx));
    if (transferKind(op, nIdx) != 0) {
      throw LoweringState.error(op, "a broadcast map on a write is invalid");
    }
    LLVMValueRef value = s.get(op.operand(0));
    if (inBounds(op)) {
      store(op.operand(1), idx, value);
      return;
    }
    LLVMValueRef mask = laneMask(view, idx, (int) vt.numElements());
    int align = (int) LoweringState.byteSize(vt.elementType());
    s.intrinsic("llvm.masked.store", List.of(s.type(vt), s.ptr), value, s.address(view, idx),
        LLVMConstInt(s.i32, align, 0), mask);
  }

  private void broadcast(Operation op) {
    VectorType vt = vectorType(op, op.result().type());
    Type source = op.operand(0).type();
    if (source instanceof VectorType) {
      if (!source.equals(vt)) {
        throw LoweringState.error(op, "only scalar-to-vector broadcasts are supported");
      }
      s.put(op.result(), s.get(op.operand(0)));
      return;
    }
    s.put(op.result(), s.splat(s.get(op.operand(0)), (int) vt.numElements()));
  }

  private LLVMValueRef position(Operation op, int dynamicOperand) {
    if (op.operands().size() > dynamicOperand) {
      LLVMValueRef p = s.get(op.operand(dynamicOperand));
      return LLVMBuildIntCast2(s.builder, p, s.i64, 1, "");
    }
    if (op.attr("static_position") instanceof Attribute.DenseArrayAttr d && d.size() == 1) {
      return s.i64(d.get(0));
    }
    if (op.attr("position") instanceof Attribute.IntegerAttr i) {
      return s.i64(i.value());
    }
    throw LoweringState.error(op, "needs one static or dynamic position into a 1-D vector");
  }

  private void reduction(Operation op) {
    String kind = switch (op.attr("kind")) {
      case Attribute.StringAttr str -> str.value();
      case null -> throw LoweringState.error(op, "missing 'kind'");
      default -> op.attr("kind").toString();
    };
    VectorType vt = vectorType(op, op.operand(0).type());
    LLVMValueRef v = s.get(op.operand(0));
    LLVMValueRef acc = op.operands().size() > 1 ? s.get(op.operand(1)) : null;
    LLVMTypeRef vty = s.type(vt);
    LLVMTypeRef ety = s.type(vt.elementType());
    boolean isFloat = vt.elementType().isFloat();
    LLVMValueRef r;
    switch (kind) {
      case "add", "mul" -> {
        if (isFloat) {
          boolean add = kind.equals("add");
          LLVMValueRef start = acc != null ? acc : LLVMConstReal(ety, add ? -0.0 : 1.0);
          r = s.intrinsic(add ? "llvm.vector.reduce.fadd" : "llvm.vector.reduce.fmul",
              List.of(vty), start, v);
          LLVMSetFastMathFlags(r, LLVMFastMathAllowReassoc);
          s.put(op.result(), r);
          return;
        }
        r = s.intrinsic("llvm.vector.reduce." + kind, List.of(vty), v);
        if (acc != null) {
          r = kind.equals("add") ? LLVMBuildAdd(s.builder, r, acc, "")
              : LLVMBuildMul(s.builder, r, acc, "");
        }
      }
      case "maximumf", "minimumf", "maxnumf", "minnumf" -> {
        String fn = switch (kind) {
          case "maximumf" -> "fmaximum";
          case "minimumf" -> "fminimum";
          case "maxnumf" -> "fmax";
          default -> "fmin";
        };
        r = s.intrinsic("llvm.vector.reduce." + fn, List.of(vty), v);
        if (acc != null) {
          String scalar = switch (kind) {
            case "maximumf" -> "llvm.maximum";
            case "minimumf" -> "llvm.minimum";
            case "maxnumf" -> "llvm.maxnum";
            default -> "llvm.minnum";
          };
          r = s.intrinsic(scalar, List.of(ety), r, acc);
        }
      }
      case "and", "or", "xor", "maxsi", "minsi", "maxui", "minui" -> {
        String fn = switch (kind) {
          case "maxsi" -> "smax";
          case "minsi" -> "smin";
          case "maxui" -> "umax";
          case "minui" -> "umin";
          default -> kind;
        };
        r = s.intrinsic("llvm.vector.reduce." + fn, List.of(vty), v);
        if (acc != null) {
          r = switch (kind) {
            case "and" -> LLVMBuildAnd(s.builder, r, acc, "");
            case "or" -> LLVMBuildOr(s.builder, r, acc, "");
            case "xor" -> LLVMBuildXor(s.builder, r, acc, "");
            default -> s.intrinsic("llvm." + fn, List.of(ety), r, acc);
          };
        }
      }
      default -> throw LoweringState.error(op, "unsupported reduction kind " + kind);
    }
    s.put(op.result(), r);
  }
}
