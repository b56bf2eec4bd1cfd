// Converts LLVM C API errors (LLVMErrorRef) into Java exceptions, freeing the native message.
package dev.colt.lower.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;

/** Helpers for LLVM's error objects, which must be consumed exactly once. */
public final class LlvmErrors {
  private LlvmErrors() {}

  /**
   * Does nothing for a null (success) error; otherwise consumes it and throws
   * IllegalStateException with {@code what} and LLVM's message.
   */
  public static void check(LLVMErrorRef error, String what) {
    if (error == null || error.isNull()) {
      return;
    }
    BytePointer message = LLVMGetErrorMessage(error);
    String text = message.getString();
    LLVMDisposeErrorMessage(message);
    throw new IllegalStateException(what + ": " + text);
  }
}
