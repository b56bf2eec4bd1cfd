// The body of one func.func lowered to LLVM: affine control flow, memory ops, calls and returns.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers the ops of one function body. {@code affine.for} becomes a header/body/exit loop whose
 * induction variable and iter_args are phis (lower bound = max of the lower map's results, upper
 * bound = min of the upper map's, exclusive, signed comparison); loops marked {@code colt.parallel}
 * are lowered serially. {@code affine.if} becomes a branch diamond with phis for its results.
 * Loads and stores address {@code ptr + row-major offset}. {@code memref.alloc} calls
 * {@code aligned_alloc} (alignment attribute or 64 bytes) and {@code memref.dealloc} calls
 * {@code free}; static {@code memref.alloca} goes to the entry block.
 */
final class FunctionLowering {
  /** A lowered function: its LLVM function, its IR op and its calling convention. */
  record LoweredFunction(LLVMValueRef function, LLVMTypeRef type, Operation op,
      CallingConvention convention) {}

  private final LoweringState s;
  private final AffineExprLowering affine;
  private final ArithMathLowering arith;
  private final VectorLowering vector;
  private final Map<String, LoweredFunction> functions;
  private final Map<String, LLVMValueRef> globals;

  FunctionLowering(LoweringState s, Map<String, LoweredFunction> functions,
      Map<String, LLVMValueRef> globals) {
    this.s = s;
    this.affine = new AffineExprLowering(s);
    this.arith = new ArithMathLowering(s);
    this.vector = new VectorLowering(s, affine);
    this.functions = functions;
    this.globals = globals;
  }

  /** Emits the body of {@code f}; precondition: its declaration exists. */
  void lowerBody(LoweredFunction f) {
    s.function = f.function();
    LLVMBasicBlockRef entry = s.newBlock("entry");
    LLVMBasicBlockRef body = s.newBlock("body");
    s.allocaBlock = entry;
    Block block = f.op().body();
    CallingConvention cc = f.convention();
    for (int a = 0; a < block.arguments().size(); a++) {
      Value arg = block.arguments().get(a);
      LLVMValueRef param = LLVMGetParam(f.function(), a);
      if (arg.type() instanceof MemRefType m) {
        List<LLVMValueRef> dims = new ArrayList<>();
        for (int d = 0; d < m.rank(); d++) {
          long size = m.shape().get(d);
          dims.add(size == ShapedType.DYNAMIC ? LLVMGetParam(f.function(), slotOf(cc, a, d))
              : s.i64(size));
        }
        s.putMemRef(arg, new LoweringState.MemRefView(param, m, dims));
      } else {
        s.put(arg, param);
      }
    }
    LLVMPositionBuilderAtEnd(s.builder, body);
    lowerOps(block.operations());
    LLVMPositionBuilderAtEnd(s.builder, entry);
    LLVMBuildBr(s.builder, body);
  }

  private static int slotOf(CallingConvention cc, int argument, int dim) {
    for (CallingConvention.DynamicDim d : cc.dynamicDims()) {
      if (d.argument() == argument && d.dim() == dim) {
        return d.slot();
      }
    }
    throw new IllegalStateException("no dynamic dim " + dim + " of argument " + argument);
  }

  /** Lowers ops in order; returns the operands of a trailing affine.yield, if any. */
  private List<LLVMValueRef> lowerOps(List<Operation> ops) {
    for (Operation op : ops) {
      if (op.is("affine.yield")) {
        return s.get(op.operands());
      }
      lower(op);
    }
    return List.of();
  }

  private void lower(Operation op) {
    if (arith.lower(op) || vector.lower(op)) {
      return;
    }
    LLVMBuilderRef b = s.builder;
    switch (op.name()) {
      case "affine.for" -> affineFor(op);
      case "affine.if" -> affineIf(op);
      case "affine.load" -> {
        LLVMValueRef addr = s.address(s.memref(op.operand(0)),
            affine.apply(map(op), s.get(rest(op, 1))));
        s.put(op.result(), load(addr, op));
      }
      case "affine.store" -> store(s.get(op.operand(0)), s.address(s.memref(op.operand(1)),
          affine.apply(map(op), s.get(rest(op, 2)))), op.operand(0));
      case "memref.load" -> s.put(op.result(), load(s.address(s.memref(op.operand(0)),
          s.get(rest(op, 1))), op));
      case "memref.store" -> store(s.get(op.operand(0)), s.address(s.memref(op.operand(1)),
          s.get(rest(op, 2))), op.operand(0));
      case "affine.apply" -> s.put(op.result(), affine.apply(map(op), s.get(op.operands())).get(0));
      case "affine.min" -> s.put(op.result(), affine.applyReduced(map(op),
          s.get(op.operands()), false));
      case "affine.max" -> s.put(op.result(), affine.applyReduced(map(op),
          s.get(op.operands()), true));
      case "memref.alloc", "memref.alloca" -> alloc(op);
      case "memref.dealloc" -> s.callExternal("free", s.voidType, List.of(s.ptr),
          s.get(op.operand(0)));
      case "memref.dim" -> memrefDim(op);
      case "memref.copy" -> copy(op);
      case "memref.cast" -> memrefCast(op);
      case "memref.get_global" -> getGlobal(op);
      case "func.call" -> call(op);
      case "func.return" -> {
        if (op.operands().isEmpty()) {
          LLVMBuildRetVoid(b);
        } else {
          LLVMBuildRet(b, s.get(op.operand(0)));
        }
      }
      default -> throw LoweringState.error(op, "unsupported operation");
    }
  }

  private static List<Value> rest(Operation op, int from) {
    return op.operands().subList(from, op.operands().size());
  }

  private static AffineMap map(Operation op) {
    return mapAttr(op, "map");
  }

  private static AffineMap mapAttr(Operation op, String name) {
    if (op.attr(name) instanceof Attribute.AffineMapAttr m) {
      return m.map();
    }
    throw LoweringState.error(op, "missing affine map attribute '" + name + "'");
  }

  private LLVMValueRef load(LLVMValueRef addr, Operation op) {
    LLVMValueRef v = LLVMBuildLoad2(s.builder, s.type(op.result().type()), addr, "");
    LLVMSetAlignment(v, (int) Math.min(64, LoweringState.byteSize(op.result().type())));
    return v;
  }

  private void store(LLVMValueRef value, LLVMValueRef addr, Value irValue) {
    LLVMValueRef st = LLVMBuildStore(s.builder, value, addr);
    LLVMSetAlignment(st, (int) Math.min(64, LoweringState.byteSize(irValue.type())));
  }

  private void affineFor(Operation op) {
    LLVMBuilderRef b = s.builder;
    AffineMap lbMap = mapAttr(op, "lowerBoundMap");
    AffineMap ubMap = mapAttr(op, "upperBoundMap");
    long step = op.attr("step") instanceof Attribute.IntegerAttr st ? st.value() : 1;
    if (step <= 0) {
      throw LoweringState.error(op, "step must be positive, got " + step);
    }
    int nLb = lbMap.numInputs();
    int nUb = ubMap.numInputs();
    List<LLVMValueRef> operands = s.get(op.operands());
    LLVMValueRef lb = affine.applyReduced(lbMap, operands.subList(0, nLb), true);
    LLVMValueRef ub = affine.applyReduced(ubMap, operands.subList(nLb, nLb + nUb), false);
    List<LLVMValueRef> inits = operands.subList(nLb + nUb, operands.size());

    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = s.newBlock("for.header");
    LLVMBasicBlockRef body = s.newBlock("for.body");
    LLVMBasicBlockRef exit = s.newBlock("for.exit");
    LLVMBuildBr(b, header);

    LLVMPositionBuilderAtEnd(b, header);
    Block block = op.body();
    LLVMValueRef iv = LLVMBuildPhi(b, s.i64, "");
    s.put(block.arguments().get(0), iv);
    List<LLVMValueRef> phis = new ArrayList<>();
    for (int i = 0; i < inits.size(); i++) {
      Value arg = block.arguments().get(i + 1);
      LLVMValueRef phi = LLVMBuildPhi(b, s.type(arg.type()), "");
      s.put(arg, phi);
      phis.add(phi);
    }
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, iv, ub, ""), body, exit);

    LLVMPositionBuilderAtEnd(b, body);
    List<LLVMValueRef> yielded = lowerOps(block.operations());
    LLVMValueRef next = LLVMBuildNSWAdd(b, iv, s.i64(step), "");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, header);

    addIncoming(iv, lb, pre, next, latch);
    for (int i = 0; i < phis.size(); i++) {
      addIncoming(phis.get(i), inits.get(i), pre, yielded.get(i), latch);
    }
    LLVMPositionBuilderAtEnd(b, exit);
    for (int i = 0; i < op.results().size(); i++) {
      s.put(op.result(i), phis.get(i));
    }
  }

  private void addIncoming(LLVMValueRef phi, LLVMValueRef v1, LLVMBasicBlockRef b1,
      LLVMValueRef v2, LLVMBasicBlockRef b2) {
    LLVMAddIncoming(phi, LoweringState.array(List.of(v1, v2)),
        LoweringState.array(List.of(b1, b2)), 2);
  }

  private void affineIf(Operation op) {
    LLVMBuilderRef b = s.builder;
    if (!(op.attr("condition") instanceof Attribute.IntegerSetAttr set)) {
      throw LoweringState.error(op, "missing integer set attribute 'condition'");
    }
    LLVMValueRef cond = affine.contains(set.set(), s.get(op.operands()));
    LLVMBasicBlockRef thenBlock = s.newBlock("if.then");
    LLVMBasicBlockRef elseBlock = s.newBlock("if.else");
    LLVMBasicBlockRef merge = s.newBlock("if.end");
    LLVMBuildCondBr(b, cond, thenBlock, elseBlock);

    LLVMPositionBuilderAtEnd(b, thenBlock);
    List<LLVMValueRef> thenValues = lowerRegion(op.region(0));
    LLVMBasicBlockRef thenEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);

    LLVMPositionBuilderAtEnd(b, elseBlock);
    List<LLVMValueRef> elseValues = op.regions().size() > 1 ? lowerRegion(op.region(1)) : List.of();
    LLVMBasicBlockRef elseEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);

    LLVMPositionBuilderAtEnd(b, merge);
    for (int i = 0; i < op.results().size(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, s.type(op.result(i).type()), "");
      addIncoming(phi, thenValues.get(i), thenEnd, elseValues.get(i), elseEnd);
      s.put(op.result(i), phi);
    }
  }

  private List<LLVMValueRef> lowerRegion(Region r) {
    if (r.blocks().isEmpty()) {
      return List.of();
    }
    return lowerOps(r.entry().operations());
  }

  private void alloc(Operation op) {
    MemRefType m = (MemRefType) op.result().type();
    List<LLVMValueRef> dynamic = s.get(op.operands());
    List<LLVMValueRef> dims = new ArrayList<>();
    int next = 0;
    for (long d : m.shape()) {
      dims.add(d == ShapedType.DYNAMIC ? dynamic.get(next++) : s.i64(d));
    }
    LLVMBuilderRef b = s.builder;
    long elemBytes = LoweringState.byteSize(m.elementType());
    LLVMValueRef pointer;
    if (op.is("memref.alloca")) {
      LLVMTypeRef elem = s.type(m.elementType());
      if (m.hasStaticShape()) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        LLVMPositionBuilderAtEnd(b, s.allocaBlock);
        pointer = LLVMBuildArrayAlloca(b, elem, s.i64(m.numElements()), "");
        LLVMPositionBuilderAtEnd(b, here);
      } else {
        pointer = LLVMBuildArrayAlloca(b, elem, count(dims), "");
      }
      LLVMSetAlignment(pointer, (int) alignment(op, 64));
    } else {
      long align = alignment(op, 64);
      LLVMValueRef bytes = LLVMBuildMul(b, count(dims), s.i64(elemBytes), "");
      LLVMValueRef rounded = LLVMBuildAnd(b, LLVMBuildAdd(b, bytes, s.i64(align - 1), ""),
          s.i64(-align), "");
      pointer = s.callExternal("aligned_alloc", s.ptr, List.of(s.i64, s.i64), s.i64(align),
          rounded);
    }
    s.putMemRef(op.result(), new LoweringState.MemRefView(pointer, m, dims));
  }

  private long alignment(Operation op, long fallback) {
    long a = op.attr("alignment") instanceof Attribute.IntegerAttr i ? i.value() : fallback;
    if (a <= 0 || Long.bitCount(a) != 1) {
      throw LoweringState.error(op, "alignment must be a power of two, got " + a);
    }
    return Math.max(a, 8);
  }

  private LLVMValueRef count(List<LLVMValueRef> dims) {
    LLVMValueRef n = s.i64(1);
    for (LLVMValueRef d : dims) {
      n = LLVMBuildNSWMul(s.builder, n, d, "");
    }
    return n;
  }

  private void memrefDim(Operation op) {
    LoweringState.MemRefView view = s.memref(op.operand(0));
    Long index = s.constant(op.operand(1));
    if (index != null) {
      if (index < 0 || index >= view.dims().size()) {
        throw LoweringState.error(op, "dimension index " + index + " out of range");
      }
      s.put(op.result(), view.dims().get((int) (long) index));
      return;
    }
    LLVMValueRef idx = s.get(op.operand(1));
    LLVMValueRef r = s.i64(0);
    for (int d = 0; d < view.dims().size(); d++) {
      LLVMValueRef is = LLVMBuildICmp(s.builder, LLVMIntEQ, idx, s.i64(d), "");
      r = LLVMBuildSelect(s.builder, is, view.dims().get(d), r, "");
    }
    s.put(op.result(), r);
  }

  /** memref.copy source, target: same shape and identity layout, so one llvm.memcpy. */
  private void copy(Operation op) {
    LoweringState.MemRefView src = s.memref(op.operand(0));
    LoweringState.MemRefView dst = s.memref(op.operand(1));
    LLVMValueRef bytes = LLVMBuildMul(s.builder, count(src.dims()),
        s.i64(LoweringState.byteSize(src.type().elementType())), "");
    s.intrinsic("llvm.memcpy", List.of(s.ptr, s.ptr, s.i64), dst.pointer(), src.pointer(), bytes,
        LLVMConstInt(s.i1, 0, 0));
  }

  private void memrefCast(Operation op) {
    LoweringState.MemRefView src = s.memref(op.operand(0));
    MemRefType to = (MemRefType) op.result().type();
    List<LLVMValueRef> dims = new ArrayList<>();
    for (int d = 0; d < to.rank(); d++) {
      long size = to.shape().get(d);
      dims.add(size == ShapedType.DYNAMIC ? src.dims().get(d) : s.i64(size));
    }
    s.putMemRef(op.result(), new LoweringState.MemRefView(src.pointer(), to, dims));
  }

  private void getGlobal(Operation op) {
    String name = op.attr("name") instanceof Attribute.SymbolRefAttr r ? r.name() : null;
    LLVMValueRef g = name == null ? null : globals.get(name);
    if (g == null) {
      throw LoweringState.error(op, "unknown global @" + name);
    }
    MemRefType m = (MemRefType) op.result().type();
    List<LLVMValueRef> dims = m.shape().stream().map(s::i64).toList();
    s.putMemRef(op.result(), new LoweringState.MemRefView(g, m, dims));
  }

  private void call(Operation op) {
    String callee = op.attr("callee") instanceof Attribute.SymbolRefAttr r ? r.name() : null;
    LoweredFunction f = callee == null ? null : functions.get(callee);
    if (f == null) {
      throw LoweringState.error(op, "unknown callee @" + callee);
    }
    List<LLVMValueRef> args = new ArrayList<>(s.get(op.operands()));
    for (CallingConvention.DynamicDim d : f.convention().dynamicDims()) {
      args.add(s.memref(op.operand(d.argument())).dims().get(d.dim()));
    }
    LLVMValueRef r = LLVMBuildCall2(s.builder, f.type(), f.function(), LoweringState.array(args),
        args.size(), "");
    if (!op.results().isEmpty()) {
      s.put(op.result(), r);
    }
  }
}
