// Runs an LLVM new-pass-manager pipeline (default<O3> by default) on a lowered module.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/**
 * Optimizes a module in place with a textual pass pipeline, using the target machine for cost
 * models (vector widths, AVX-512). Precondition: the module's triple and data layout are set
 * (ModuleLowering does it). A bad pipeline fails with IllegalStateException.
 */
public final class LlvmOptimizer {
  /** The pipeline COLT uses for every candidate unless told otherwise. */
  public static final String DEFAULT_PIPELINE = "default<O3>";

  private LlvmOptimizer() {}

  public static void optimize(LLVMModuleRef module, LLVMTargetMachineRef tm, String pipeline) {
    LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
    try {
      LLVMPassBuilderOptionsSetLoopVectorization(options, 1);
      LLVMPassBuilderOptionsSetSLPVectorization(options, 1);
      LLVMPassBuilderOptionsSetLoopUnrolling(options, 1);
      LlvmErrors.check(LLVMRunPasses(module, pipeline, tm, options),
          "LLVM pipeline '" + pipeline + "' failed");
    } finally {
      LLVMDisposePassBuilderOptions(options);
    }
  }
}
