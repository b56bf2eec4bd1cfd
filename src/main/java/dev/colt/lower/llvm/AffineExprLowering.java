// Affine expressions and maps expanded to i64 arithmetic with MLIR's rounding rules.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.IntegerSet;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Emits affine expressions as i64 arithmetic: floordiv rounds toward minus infinity, ceildiv toward
 * plus infinity, and mod returns a value in [0, rhs), as in MLIR's lower-affine. Precondition: the
 * right-hand side of div/mod is positive (pure affine maps guarantee it for constants; a symbolic
 * divisor is assumed positive, as MLIR does).
 */
final class AffineExprLowering {
  private final LoweringState s;

  AffineExprLowering(LoweringState s) {
    this.s = s;
  }

  /** Every result of {@code map} over {@code operands} (dims first, then symbols). */
  List<LLVMValueRef> apply(AffineMap map, List<LLVMValueRef> operands) {
    List<LLVMValueRef> dims = operands.subList(0, map.numDims());
    List<LLVMValueRef> syms = operands.subList(map.numDims(), map.numInputs());
    List<LLVMValueRef> out = new ArrayList<>(map.numResults());
    for (AffineExpr e : map.results()) {
      out.add(expr(e, dims, syms));
    }
    return out;
  }

  /** The minimum (or maximum) of all results of {@code map}: the loop bound of a min/max list. */
  LLVMValueRef applyReduced(AffineMap map, List<LLVMValueRef> operands, boolean max) {
    List<LLVMValueRef> rs = apply(map, operands);
    LLVMValueRef acc = rs.get(0);
    for (int i = 1; i < rs.size(); i++) {
      LLVMValueRef r = rs.get(i);
      LLVMValueRef keep = LLVMBuildICmp(s.builder, max ? LLVMIntSGT : LLVMIntSLT, acc, r, "");
      acc = LLVMBuildSelect(s.builder, keep, acc, r, "");
    }
    return acc;
  }

  /** An i1 that is true when every constraint of {@code set} holds. */
  LLVMValueRef contains(IntegerSet set, List<LLVMValueRef> operands) {
    List<LLVMValueRef> dims = operands.subList(0, set.numDims());
    List<LLVMValueRef> syms = operands.subList(set.numDims(), set.numInputs());
    LLVMValueRef all = LLVMConstInt(s.i1, 1, 0);
    for (int i = 0; i < set.constraints().size(); i++) {
      LLVMValueRef v = expr(set.constraints().get(i), dims, syms);
      LLVMValueRef ok = LLVMBuildICmp(s.builder, set.equalities().get(i) ? LLVMIntEQ : LLVMIntSGE,
          v, s.i64(0), "");
      all = LLVMBuildAnd(s.builder, all, ok, "");
    }
    return all;
  }

  LLVMValueRef expr(AffineExpr e, List<LLVMValueRef> dims, List<LLVMValueRef> syms) {
    LLVMBuilderRef b = s.builder;
    return switch (e) {
      case AffineExpr.Dim d -> dims.get(d.position());
      case AffineExpr.Symbol sy -> syms.get(sy.position());
      case AffineExpr.Constant c -> s.i64(c.value());
      case AffineExpr.Binary bin -> {
        LLVMValueRef l = expr(bin.lhs(), dims, syms);
        LLVMValueRef r = expr(bin.rhs(), dims, syms);
        yield switch (bin.kind()) {
          case ADD -> LLVMBuildAdd(b, l, r, "");
          case MUL -> LLVMBuildMul(b, l, r, "");
          case FLOORDIV -> floorDiv(l, r);
          case CEILDIV -> ceilDiv(l, r);
          case MOD -> mod(l, r);
        };
      }
    };
  }

  /** {@code a < 0 ? -1 - ((-1 - a) / b) : a / b} for b > 0. */
  LLVMValueRef floorDiv(LLVMValueRef a, LLVMValueRef b) {
    LLVMBuilderRef bd = s.builder;
    LLVMValueRef minusOne = s.i64(-1);
    LLVMValueRef negative = LLVMBuildICmp(bd, LLVMIntSLT, a, s.i64(0), "");
    LLVMValueRef flipped = LLVMBuildSub(bd, minusOne, a, "");
    LLVMValueRef dividend = LLVMBuildSelect(bd, negative, flipped, a, "");
    LLVMValueRef q = LLVMBuildSDiv(bd, dividend, b, "");
    LLVMValueRef qFlipped = LLVMBuildSub(bd, minusOne, q, "");
    return LLVMBuildSelect(bd, negative, qFlipped, q, "");
  }

  /** {@code a <= 0 ? -((-a) / b) : ((a - 1) / b) + 1} for b > 0. */
  LLVMValueRef ceilDiv(LLVMValueRef a, LLVMValueRef b) {
    LLVMBuilderRef bd = s.builder;
    LLVMValueRef nonPositive = LLVMBuildICmp(bd, LLVMIntSLE, a, s.i64(0), "");
    LLVMValueRef negA = LLVMBuildSub(bd, s.i64(0), a, "");
    LLVMValueRef aMinusOne = LLVMBuildSub(bd, a, s.i64(1), "");
    LLVMValueRef dividend = LLVMBuildSelect(bd, nonPositive, negA, aMinusOne, "");
    LLVMValueRef q = LLVMBuildSDiv(bd, dividend, b, "");
    LLVMValueRef negQ = LLVMBuildSub(bd, s.i64(0), q, "");
    LLVMValueRef qPlusOne = LLVMBuildAdd(bd, q, s.i64(1), "");
    return LLVMBuildSelect(bd, nonPositive, negQ, qPlusOne, "");
  }

  /** {@code r = a srem b; r < 0 ? r + b : r} for b > 0. */
  LLVMValueRef mod(LLVMValueRef a, LLVMValueRef b) {
    LLVMBuilderRef bd = s.builder;
    LLVMValueRef r = LLVMBuildSRem(bd, a, b, "");
    LLVMValueRef negative = LLVMBuildICmp(bd, LLVMIntSLT, r, s.i64(0), "");
    return LLVMBuildSelect(bd, negative, LLVMBuildAdd(bd, r, b, ""), r, "");
  }
}
