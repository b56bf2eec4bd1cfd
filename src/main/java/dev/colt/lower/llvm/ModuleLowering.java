// Entry point of the affine-to-LLVM lowering: a builtin.module of func.func ops to an LLVM module.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMAttributeRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers a {@code builtin.module} (or a single {@code func.func}) to an LLVM module for the host:
 * triple and data layout are set first, every function gets {@code target-cpu} and
 * {@code target-features} attributes, memref globals become 64-byte aligned LLVM globals, and every
 * defined function also gets a packed entry point (see {@link CallingConvention}). Native symbols
 * are the IR names plus {@code symbolSuffix}, so that several versions of one kernel can live in
 * one JIT at once. Unsupported ops fail with a located DiagnosticException; an LLVM verifier
 * failure (a lowering bug) fails with IllegalStateException.
 */
public final class ModuleLowering {
  private ModuleLowering() {}

  /** Lowers {@code moduleOrFunc} into a new module of {@code ctx}; the caller owns the module. */
  public static LoweredModule lower(Operation moduleOrFunc, LLVMContextRef ctx, HostTarget target,
      String symbolSuffix) {
    List<Operation> ops = moduleOrFunc.is(ModuleOp.NAME) ? ModuleOp.body(moduleOrFunc)
        : List.of(moduleOrFunc);
    LLVMModuleRef module = LLVMModuleCreateWithNameInContext("colt", ctx);
    LLVMSetTarget(module, target.triple());
    LLVMSetDataLayout(module, target.dataLayout());
    LoweringState s = new LoweringState(ctx, module, symbolSuffix);
    try {
      Map<String, LLVMValueRef> globals = new LinkedHashMap<>();
      Map<String, FunctionLowering.LoweredFunction> functions = new LinkedHashMap<>();
      Set<String> calledInside = calledFunctions(ops);
      for (Operation op : ops) {
        switch (op.name()) {
          case "memref.global" -> globals.put(name(op), global(s, op));
          case "func.func" -> functions.put(name(op), declare(s, op, target, calledInside));
          default -> throw LoweringState.error(op, "unsupported top-level operation");
        }
      }
      FunctionLowering bodies = new FunctionLowering(s, functions, globals);
      Map<String, LoweredModule.Symbols> symbols = new LinkedHashMap<>();
      for (FunctionLowering.LoweredFunction f : functions.values()) {
        if (isDeclaration(f.op())) {
          continue;
        }
        bodies.lowerBody(f);
        String symbol = name(f.op()) + symbolSuffix;
        String entry = CallingConvention.entrySymbol(symbol);
        entryPoint(s, f, entry, target);
        symbols.put(name(f.op()), new LoweredModule.Symbols(symbol, entry, f.convention()));
      }
      verify(module);
      return new LoweredModule(module, symbols);
    } catch (RuntimeException e) {
      LLVMDisposeModule(module);
      throw e;
    } finally {
      s.dispose();
    }
  }

  private static String name(Operation op) {
    if (op.attr("sym_name") instanceof Attribute.StringAttr n) {
      return n.value();
    }
    throw LoweringState.error(op, "missing 'sym_name'");
  }

  private static boolean isDeclaration(Operation func) {
    return func.regions().isEmpty() || func.region(0).blocks().isEmpty();
  }

  private static Set<String> calledFunctions(List<Operation> ops) {
    Set<String> called = new HashSet<>();
    for (Operation op : ops) {
      op.walk(o -> {
        if (o.is("func.call") && o.attr("callee") instanceof Attribute.SymbolRefAttr r) {
          called.add(r.name());
        }
      });
    }
    return called;
  }

  private static FunctionLowering.LoweredFunction declare(LoweringState s, Operation op,
      HostTarget target, Set<String> calledInside) {
    if (!(op.attr("function_type") instanceof Attribute.TypeAttr ta)
        || !(ta.type() instanceof FunctionType ft)) {
      throw LoweringState.error(op, "missing 'function_type'");
    }
    CallingConvention cc;
    try {
      cc = CallingConvention.of(ft);
    } catch (IllegalArgumentException e) {
      throw LoweringState.error(op, e.getMessage());
    }
    List<LLVMTypeRef> params = new ArrayList<>();
    for (Type t : ft.inputs()) {
      params.add(s.type(t));
    }
    for (int i = 0; i < cc.dynamicDims().size(); i++) {
      params.add(s.i64);
    }
    LLVMTypeRef result = cc.result() == null ? s.voidType : s.type(cc.result());
    LLVMTypeRef fnType = LLVMFunctionType(result, LoweringState.array(params), params.size(), 0);
    boolean declaration = isDeclaration(op);
    String symbol = declaration ? name(op) : name(op) + s.symbolSuffix;
    LLVMValueRef fn = LLVMAddFunction(s.module, symbol, fnType);
    if (!declaration) {
      targetAttributes(s, fn, target);
      if (!calledInside.contains(name(op))) {
        int noalias = LLVMGetEnumAttributeKindForName("noalias", 7);
        for (int i = 0; i < ft.inputs().size(); i++) {
          if (ft.inputs().get(i) instanceof MemRefType) {
            LLVMAddAttributeAtIndex(fn, i + 1, LLVMCreateEnumAttribute(s.ctx, noalias, 0));
          }
        }
      }
    }
    return new FunctionLowering.LoweredFunction(fn, fnType, op, cc);
  }

  private static void targetAttributes(LoweringState s, LLVMValueRef fn, HostTarget target) {
    addString(s, fn, "target-cpu", target.cpu());
    addString(s, fn, "target-features", target.features());
    int nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
        LLVMCreateEnumAttribute(s.ctx, nounwind, 0));
  }

  private static void addString(LoweringState s, LLVMValueRef fn, String key, String value) {
    LLVMAttributeRef a = LLVMCreateStringAttribute(s.ctx, key, key.length(), value,
        value.length());
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, a);
  }

  /** {@code memref.global}: attrs sym_name, type, optional initial_value and constant. */
  private static LLVMValueRef global(LoweringState s, Operation op) {
    if (!(op.attr("type") instanceof Attribute.TypeAttr ta) || !(ta.type() instanceof MemRefType m)
        || !m.hasStaticShape()) {
      throw LoweringState.error(op, "a global needs a statically shaped memref 'type'");
    }
    LLVMTypeRef elem = s.type(m.elementType());
    long n = m.numElements();
    LLVMTypeRef arrayType = LLVMArrayType2(elem, n);
    LLVMValueRef g = LLVMAddGlobal(s.module, arrayType, name(op) + s.symbolSuffix);
    LLVMValueRef init;
    if (op.attr("initial_value") instanceof Attribute.DenseElementsAttr d) {
      List<LLVMValueRef> elems = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        elems.add(m.elementType() instanceof FloatType ? LLVMConstReal(elem, d.get(i))
            : LLVMConstInt(elem, (long) d.get(i), 1));
      }
      init = LLVMConstArray2(elem, LoweringState.array(elems), n);
    } else {
      init = LLVMConstNull(arrayType);
    }
    LLVMSetInitializer(g, init);
    LLVMSetLinkage(g, LLVMInternalLinkage);
    LLVMSetAlignment(g, 64);
    LLVMSetGlobalConstant(g, op.hasAttr("constant") ? 1 : 0);
    return g;
  }

  /** {@code void entry(ptr slots)}: unpacks the slots and calls the function. */
  private static void entryPoint(LoweringState s, FunctionLowering.LoweredFunction f,
      String entry, HostTarget target) {
    LLVMTypeRef fnType = LLVMFunctionType(s.voidType, LoweringState.array(List.of(s.ptr)), 1, 0);
    LLVMValueRef fn = LLVMAddFunction(s.module, entry, fnType);
    targetAttributes(s, fn, target);
    s.function = fn;
    LLVMPositionBuilderAtEnd(s.builder, s.newBlock("entry"));
    LLVMValueRef slots = LLVMGetParam(fn, 0);
    CallingConvention cc = f.convention();
    List<LLVMValueRef> args = new ArrayList<>();
    for (int a = 0; a < cc.arguments().size(); a++) {
      Type t = cc.arguments().get(a);
      LLVMValueRef slot = slot(s, slots, a);
      if (t.isIntOrIndex()) {
        LLVMValueRef v = LLVMBuildLoad2(s.builder, s.i64, slot, "");
        args.add(LLVMBuildIntCast2(s.builder, v, s.type(t), 1, ""));
      } else {
        args.add(LLVMBuildLoad2(s.builder, s.type(t), slot, ""));
      }
    }
    for (CallingConvention.DynamicDim d : cc.dynamicDims()) {
      args.add(LLVMBuildLoad2(s.builder, s.i64, slot(s, slots, d.slot()), ""));
    }
    LLVMValueRef r = LLVMBuildCall2(s.builder, f.type(), f.function(), LoweringState.array(args),
        args.size(), "");
    if (cc.result() != null) {
      LLVMValueRef out = slot(s, slots, cc.resultSlot());
      LLVMValueRef v = cc.result().isIntOrIndex() ? LLVMBuildIntCast2(s.builder, r, s.i64, 1, "")
          : r;
      LLVMBuildStore(s.builder, v, out);
    }
    LLVMBuildRetVoid(s.builder);
  }

  private static LLVMValueRef slot(LoweringState s, LLVMValueRef slots, int i) {
    return LLVMBuildInBoundsGEP2(s.builder, s.i64, slots, LoweringState.array(List.of(s.i64(i))),
        1, "");
  }

  private static void verify(LLVMModuleRef module) {
    BytePointer message = new BytePointer();
    int failed = LLVMVerifyModule(module, LLVMReturnStatusAction, message);
    String text = message.isNull() ? "" : message.getString();
    if (!message.isNull()) {
      LLVMDisposeMessage(message);
    }
    if (failed != 0) {
      throw new IllegalStateException("lowering produced invalid LLVM IR: " + text);
    }
  }

}
