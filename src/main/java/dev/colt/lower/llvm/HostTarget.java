// The host CPU as an LLVM target: triple, CPU name, features and data layout, and target machines.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;

/**
 * The machine COLT compiles for: the host's triple, CPU name (for example {@code znver5}) and
 * feature string (so AVX-512 is used where present). {@link #get()} initializes LLVM's native
 * target once per process; it fails with IllegalStateException when LLVM has no backend for the
 * host.
 */
public final class HostTarget {
  private static HostTarget instance;

  private final String triple;
  private final String cpu;
  private final String features;
  private final String dataLayout;
  private final LLVMTargetRef target;

  private HostTarget() {
    if (LLVMInitializeNativeTarget() != 0 || LLVMInitializeNativeAsmPrinter() != 0
        || LLVMInitializeNativeAsmParser() != 0) {
      throw new IllegalStateException("LLVM has no native target for this machine");
    }
    triple = takeString(LLVMGetDefaultTargetTriple());
    cpu = takeString(LLVMGetHostCPUName());
    features = takeString(LLVMGetHostCPUFeatures());
    LLVMTargetRef found = new LLVMTargetRef();
    BytePointer error = new BytePointer();
    if (LLVMGetTargetFromTriple(new BytePointer(triple), found, error) != 0) {
      String message = error.getString();
      LLVMDisposeMessage(error);
      throw new IllegalStateException("no LLVM target for " + triple + ": " + message);
    }
    target = found;
    LLVMTargetMachineRef tm = createTargetMachine();
    LLVMTargetDataRef data = LLVMCreateTargetDataLayout(tm);
    dataLayout = takeString(LLVMCopyStringRepOfTargetData(data));
    LLVMDisposeTargetData(data);
    LLVMDisposeTargetMachine(tm);
  }

  /** The process-wide host target, initializing LLVM's native backend on first use. */
  public static synchronized HostTarget get() {
    if (instance == null) {
      instance = new HostTarget();
    }
    return instance;
  }

  /** Copies an LLVM-owned message string and frees it. */
  static String takeString(BytePointer message) {
    String s = message.getString();
    LLVMDisposeMessage(message);
    return s;
  }

  public String triple() {
    return triple;
  }

  public String cpu() {
    return cpu;
  }

  public String features() {
    return features;
  }

  public String dataLayout() {
    return dataLayout;
  }

  /**
   * A new target machine for the host at the aggressive optimization level with the JIT code model;
   * the caller owns it (dispose it, or hand it to an ORC builder that takes ownership).
   */
  public LLVMTargetMachineRef createTargetMachine() {
    return LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelAggressive,
        LLVMRelocDefault, LLVMCodeModelJITDefault);
  }

  @Override
  public String toString() {
    return triple + " cpu=" + cpu;
  }
}
