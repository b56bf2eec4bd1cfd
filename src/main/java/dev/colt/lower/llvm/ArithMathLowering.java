// arith and math ops (scalar or 1-D vector operands) lowered to LLVM instructions and intrinsics.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers the {@code arith} and {@code math} dialects. Element-wise ops take scalars or 1-D vectors
 * alike (LLVM's instructions are element-wise on vectors). Math functions become LLVM intrinsics
 * ({@code llvm.exp}, {@code llvm.sqrt}, {@code llvm.fma}, ...), which the backend turns into
 * instructions or libm calls; a function without an intrinsic calls libm directly (scalars only).
 * No fast-math flags are set: float results are those of IEEE operations in program order.
 */
final class ArithMathLowering {
  private final LoweringState s;

  ArithMathLowering(LoweringState s) {
    this.s = s;
  }

  /** Lowers {@code op} when it belongs to arith or math; returns false for other ops. */
  boolean lower(Operation op) {
    String name = op.name();
    if (!name.startsWith("arith.") && !name.startsWith("math.")) {
      return false;
    }
    LLVMBuilderRef b = s.builder;
    if (name.equals("arith.constant")) {
      constant(op);
      return true;
    }
    List<LLVMValueRef> in = s.get(op.operands());
    LLVMValueRef x = in.isEmpty() ? null : in.get(0);
    LLVMValueRef y = in.size() > 1 ? in.get(1) : null;
    Type resultType = op.results().isEmpty() ? null : op.result().type();
    LLVMValueRef r = switch (name) {
      case "arith.addf" -> LLVMBuildFAdd(b, x, y, "");
      case "arith.subf" -> LLVMBuildFSub(b, x, y, "");
      case "arith.mulf" -> LLVMBuildFMul(b, x, y, "");
      case "arith.divf" -> LLVMBuildFDiv(b, x, y, "");
      case "arith.remf" -> LLVMBuildFRem(b, x, y, "");
      case "arith.negf" -> LLVMBuildFNeg(b, x, "");
      case "arith.maximumf" -> overloaded("llvm.maximum", x, y);
      case "arith.minimumf" -> overloaded("llvm.minimum", x, y);
      case "arith.maxnumf" -> overloaded("llvm.maxnum", x, y);
      case "arith.minnumf" -> overloaded("llvm.minnum", x, y);
      case "arith.addi" -> LLVMBuildAdd(b, x, y, "");
      case "arith.subi" -> LLVMBuildSub(b, x, y, "");
      case "arith.muli" -> LLVMBuildMul(b, x, y, "");
      case "arith.divsi" -> LLVMBuildSDiv(b, x, y, "");
      case "arith.divui" -> LLVMBuildUDiv(b, x, y, "");
      case "arith.remsi" -> LLVMBuildSRem(b, x, y, "");
      case "arith.remui" -> LLVMBuildURem(b, x, y, "");
      case "arith.andi" -> LLVMBuildAnd(b, x, y, "");
      case "arith.ori" -> LLVMBuildOr(b, x, y, "");
      case "arith.xori" -> LLVMBuildXor(b, x, y, "");
      case "arith.shli" -> LLVMBuildShl(b, x, y, "");
      case "arith.shrsi" -> LLVMBuildAShr(b, x, y, "");
      case "arith.shrui" -> LLVMBuildLShr(b, x, y, "");
      case "arith.maxsi" -> overloaded("llvm.smax", x, y);
      case "arith.minsi" -> overloaded("llvm.smin", x, y);
      case "arith.maxui" -> overloaded("llvm.umax", x, y);
      case "arith.minui" -> overloaded("llvm.umin", x, y);
      case "arith.floordivsi" -> signedFloorDiv(x, y);
      case "arith.ceildivsi" -> signedCeilDiv(x, y);
      case "arith.select" -> LLVMBuildSelect(b, x, y, in.get(2), "");
      case "arith.cmpf" -> LLVMBuildFCmp(b, realPredicate(op), x, y, "");
      case "arith.cmpi" -> LLVMBuildICmp(b, intPredicate(op), x, y, "");
      case "arith.index_cast", "arith.extsi", "arith.trunci" -> intResize(x, resultType, true);
      case "arith.index_castui", "arith.extui" -> intResize(x, resultType, false);
      case "arith.sitofp" -> LLVMBuildSIToFP(b, x, s.type(resultType), "");
      case "arith.uitofp" -> LLVMBuildUIToFP(b, x, s.type(resultType), "");
      case "arith.fptosi" -> LLVMBuildFPToSI(b, x, s.type(resultType), "");
      case "arith.fptoui" -> LLVMBuildFPToUI(b, x, s.type(resultType), "");
      case "arith.extf" -> LLVMBuildFPExt(b, x, s.type(resultType), "");
      case "arith.truncf" -> LLVMBuildFPTrunc(b, x, s.type(resultType), "");
      case "arith.bitcast" -> LLVMBuildBitCast(b, x, s.type(resultType), "");
      case "math.rsqrt" -> LLVMBuildFDiv(b, LLVMConstReal(LLVMTypeOf(x), 1.0),
          overloaded("llvm.sqrt", x), "");
      default -> name.startsWith("math.") ? math(op, in) : null;
    };
    if (r == null) {
      throw LoweringState.error(op, "unsupported operation");
    }
    s.put(op.result(), r);
    return true;
  }

  private LLVMValueRef overloaded(String intrinsic, LLVMValueRef... args) {
    return s.intrinsic(intrinsic, List.of(LLVMTypeOf(args[0])), args);
  }

  /** math.* through an intrinsic of the same name, else libm (scalar f32/f64 only). */
  private LLVMValueRef math(Operation op, List<LLVMValueRef> in) {
    String fn = switch (op.name()) {
      case "math.powf" -> "pow";
      case "math.absf" -> "fabs";
      case "math.roundeven" -> "roundeven";
      case "math.copysign" -> "copysign";
      default -> op.name().substring("math.".length());
    };
    String intrinsic = "llvm." + fn;
    if (LoweringState.hasIntrinsic(intrinsic)) {
      return s.intrinsic(intrinsic, List.of(LLVMTypeOf(in.get(0))), in.toArray(LLVMValueRef[]::new));
    }
    Type t = op.result().type();
    if (!(t instanceof FloatType f) || f.width() == 16) {
      throw LoweringState.error(op, "no intrinsic and no libm function for type " + t);
    }
    LLVMTypeRef ft = s.type(t);
    List<LLVMTypeRef> params = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      params.add(ft);
    }
    return s.callExternal(f.width() == 32 ? fn + "f" : fn, ft, params,
        in.toArray(LLVMValueRef[]::new));
  }

  private void constant(Operation op) {
    Attribute value = op.attr("value");
    Type t = op.result().type();
    LLVMValueRef c = switch (value) {
      case Attribute.IntegerAttr ia -> {
        s.putConstant(op.result(), ia.value());
        yield LLVMConstInt(s.type(t), ia.value(), 1);
      }
      case Attribute.FloatAttr fa -> LLVMConstReal(s.type(t), fa.value());
      case Attribute.DenseElementsAttr d when t instanceof VectorType v -> {
        LLVMTypeRef et = s.type(v.elementType());
        List<LLVMValueRef> lanes = new ArrayList<>();
        for (long i = 0; i < v.numElements(); i++) {
          double e = d.get(i);
          lanes.add(v.elementType().isFloat() ? LLVMConstReal(et, e)
              : LLVMConstInt(et, (long) e, 1));
        }
        yield LLVMConstVector(LoweringState.array(lanes), lanes.size());
      }
      case null, default -> throw LoweringState.error(op, "unsupported constant " + value
          + " of type " + t);
    };
    s.put(op.result(), c);
  }

  private LLVMValueRef intResize(LLVMValueRef x, Type to, boolean signed) {
    LLVMTypeRef target = s.type(to);
    int from = LLVMGetIntTypeWidth(scalar(LLVMTypeOf(x)));
    int width = LLVMGetIntTypeWidth(scalar(target));
    if (from == width) {
      return x;
    }
    if (from > width) {
      return LLVMBuildTrunc(s.builder, x, target, "");
    }
    return signed ? LLVMBuildSExt(s.builder, x, target, "") : LLVMBuildZExt(s.builder, x, target,
        "");
  }

  private static LLVMTypeRef scalar(LLVMTypeRef t) {
    return LLVMGetTypeKind(t) == LLVMVectorTypeKind ? LLVMGetElementType(t) : t;
  }

  private LLVMValueRef signedFloorDiv(LLVMValueRef a, LLVMValueRef d) {
    LLVMBuilderRef b = s.builder;
    LLVMValueRef q = LLVMBuildSDiv(b, a, d, "");
    LLVMValueRef r = LLVMBuildSRem(b, a, d, "");
    LLVMValueRef zero = LLVMConstNull(LLVMTypeOf(a));
    LLVMValueRef inexact = LLVMBuildICmp(b, LLVMIntNE, r, zero, "");
    LLVMValueRef signsDiffer = LLVMBuildICmp(b, LLVMIntSLT, LLVMBuildXor(b, r, d, ""), zero, "");
    LLVMValueRef adjust = LLVMBuildAnd(b, inexact, signsDiffer, "");
    return LLVMBuildSub(b, q, LLVMBuildZExt(b, adjust, LLVMTypeOf(a), ""), "");
  }

  private LLVMValueRef signedCeilDiv(LLVMValueRef a, LLVMValueRef d) {
    LLVMBuilderRef b = s.builder;
    LLVMValueRef q = LLVMBuildSDiv(b, a, d, "");
    LLVMValueRef r = LLVMBuildSRem(b, a, d, "");
    LLVMValueRef zero = LLVMConstNull(LLVMTypeOf(a));
    LLVMValueRef inexact = LLVMBuildICmp(b, LLVMIntNE, r, zero, "");
    LLVMValueRef signsAgree = LLVMBuildICmp(b, LLVMIntSGE, LLVMBuildXor(b, r, d, ""), zero, "");
    LLVMValueRef adjust = LLVMBuildAnd(b, inexact, signsAgree, "");
    return LLVMBuildAdd(b, q, LLVMBuildZExt(b, adjust, LLVMTypeOf(a), ""), "");
  }

  private static long predicate(Operation op) {
    if (op.attr("predicate") instanceof Attribute.IntegerAttr ia) {
      return ia.value();
    }
    throw LoweringState.error(op, "missing integer 'predicate' attribute");
  }

  /** MLIR's arith::CmpFPredicate numbering to LLVM's LLVMRealPredicate. */
  private static int realPredicate(Operation op) {
    int p = (int) predicate(op);
    return switch (p) {
      case 0 -> LLVMRealPredicateFalse;
      case 1 -> LLVMRealOEQ;
      case 2 -> LLVMRealOGT;
      case 3 -> LLVMRealOGE;
      case 4 -> LLVMRealOLT;
      case 5 -> LLVMRealOLE;
      case 6 -> LLVMRealONE;
      case 7 -> LLVMRealORD;
      case 8 -> LLVMRealUEQ;
      case 9 -> LLVMRealUGT;
      case 10 -> LLVMRealUGE;
      case 11 -> LLVMRealULT;
      case 12 -> LLVMRealULE;
      case 13 -> LLVMRealUNE;
      case 14 -> LLVMRealUNO;
      case 15 -> LLVMRealPredicateTrue;
      default -> throw LoweringState.error(op, "bad cmpf predicate " + p);
    };
  }

  /** MLIR's arith::CmpIPredicate numbering to LLVM's LLVMIntPredicate. */
  private static int intPredicate(Operation op) {
    int p = (int) predicate(op);
    return switch (p) {
      case 0 -> LLVMIntEQ;
      case 1 -> LLVMIntNE;
      case 2 -> LLVMIntSLT;
      case 3 -> LLVMIntSLE;
      case 4 -> LLVMIntSGT;
      case 5 -> LLVMIntSGE;
      case 6 -> LLVMIntULT;
      case 7 -> LLVMIntULE;
      case 8 -> LLVMIntUGT;
      case 9 -> LLVMIntUGE;
      default -> throw LoweringState.error(op, "bad cmpi predicate " + p);
    };
  }
}
