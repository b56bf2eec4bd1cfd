// The result of lowering an IR module: an LLVM module and where each function's code lives.
package dev.colt.lower.llvm;

import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;

/**
 * An LLVM module built by {@link ModuleLowering} and the symbols of each lowered IR function,
 * keyed by the IR name ({@code sym_name}). The module belongs to the context it was built in.
 */
public record LoweredModule(LLVMModuleRef module, Map<String, Symbols> functions) {
  /** The native symbol of a function, its packed entry point and its calling convention. */
  public record Symbols(String symbol, String entry, CallingConvention convention) {}

  public LoweredModule {
    functions = Map.copyOf(functions);
  }

  /** The symbols of IR function {@code name}; fails with IllegalArgumentException when absent. */
  public Symbols function(String name) {
    Symbols s = functions.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no function @" + name + " in the lowered module");
    }
    return s;
  }
}
