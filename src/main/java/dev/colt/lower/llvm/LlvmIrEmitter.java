// Prints the LLVM IR of an IR module, through the same lowering and optimizer the JIT uses.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.Operation;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/** Text of the LLVM module for {@code colt-opt --emit=llvm} and for worker processes. */
public final class LlvmIrEmitter {
  private LlvmIrEmitter() {}

  /** Unoptimized LLVM IR text and the symbols of each function, to be compiled elsewhere. */
  public record LoweredText(String llvmIr, java.util.Map<String, LoweredModule.Symbols> functions) {}

  /** Lowers {@code module} with native names suffixed by {@code suffix}; see ModuleLowering. */
  public static LoweredText lowerToText(Operation module, String suffix) {
    LLVMContextRef ctx = LLVMContextCreate();
    try {
      LoweredModule lowered = ModuleLowering.lower(module, ctx, HostTarget.get(), suffix);
      try {
        return new LoweredText(HostTarget.takeString(LLVMPrintModuleToString(lowered.module())),
            lowered.functions());
      } finally {
        LLVMDisposeModule(lowered.module());
      }
    } finally {
      LLVMContextDispose(ctx);
    }
  }

  /**
   * Lowers {@code module} for the host and returns the LLVM IR text, optimized with
   * {@code pipeline} unless it is null or empty. Fails like {@link ModuleLowering#lower}.
   */
  public static String emit(Operation module, String pipeline) {
    HostTarget target = HostTarget.get();
    LLVMContextRef ctx = LLVMContextCreate();
    try {
      LoweredModule lowered = ModuleLowering.lower(module, ctx, target, "");
      try {
        if (pipeline != null && !pipeline.isEmpty()) {
          LLVMTargetMachineRef tm = target.createTargetMachine();
          try {
            LlvmOptimizer.optimize(lowered.module(), tm, pipeline);
          } finally {
            LLVMDisposeTargetMachine(tm);
          }
        }
        return HostTarget.takeString(LLVMPrintModuleToString(lowered.module()));
      } finally {
        LLVMDisposeModule(lowered.module());
      }
    } finally {
      LLVMContextDispose(ctx);
    }
  }
}
