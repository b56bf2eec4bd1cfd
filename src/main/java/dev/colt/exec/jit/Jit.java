// One ORC LLJIT confined to one thread: lowers, optimizes, links and frees candidate modules.
package dev.colt.exec.jit;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.colt.ir.Operation;
import dev.colt.lower.llvm.HostTarget;
import dev.colt.lower.llvm.LlvmErrors;
import dev.colt.lower.llvm.LlvmOptimizer;
import dev.colt.lower.llvm.LoweredModule;
import dev.colt.lower.llvm.ModuleLowering;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITTargetMachineBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeContextRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/**
 * A long-lived ORC LLJIT for the host CPU. Two threads adding or looking up modules on one LLJIT
 * crash LLVM, so a Jit is confined to the thread that created it (every method checks and fails
 * with IllegalStateException otherwise); {@link #forCurrentThread()} gives each thread its own.
 *
 * <p>Per candidate, {@link #compile} makes a fresh ThreadSafeContext, lowers the IR with symbol
 * names made unique by a per-JIT counter (so a baseline and a candidate can be loaded together),
 * optimizes it, adds it under its own ResourceTracker and looks up every packed entry point
 * (machine code is generated at that lookup). Closing the returned {@link JitModule} removes the
 * tracker and frees the code; memory stays flat over thousands of compile-and-free cycles.
 */
public final class Jit implements AutoCloseable {
  private static final ThreadLocal<Jit> PER_THREAD = ThreadLocal.withInitial(Jit::new);

  private final Thread owner = Thread.currentThread();
  private final HostTarget target = HostTarget.get();
  private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();
  private final LLVMTargetMachineRef optimizerMachine;
  private final LLVMOrcJITDylibRef mainDylib;
  private long counter;
  private boolean closed;

  /** Creates a JIT owned by the calling thread; fails with IllegalStateException if LLVM does. */
  public Jit() {
    LLVMOrcJITTargetMachineBuilderRef jtmb =
        LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(target.createTargetMachine());
    LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
    LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
    LlvmErrors.check(LLVMOrcCreateLLJIT(jit, builder), "cannot create LLJIT");
    optimizerMachine = target.createTargetMachine();
    mainDylib = LLVMOrcLLJITGetMainJITDylib(jit);
  }

  /** The calling thread's JIT, created on first use and kept for the thread's life. */
  public static Jit forCurrentThread() {
    return PER_THREAD.get();
  }

  public HostTarget target() {
    return target;
  }

  private void checkThread() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("a Jit is confined to thread " + owner.getName()
          + "; use Jit.forCurrentThread()");
    }
    if (closed) {
      throw new IllegalStateException("Jit closed");
    }
  }

  /** Lowers, optimizes with {@link LlvmOptimizer#DEFAULT_PIPELINE} and links {@code module}. */
  public JitModule compile(Operation module) {
    return compile(module, LlvmOptimizer.DEFAULT_PIPELINE);
  }

  /**
   * Lowers {@code module} (a builtin.module or one func.func), optimizes it with {@code pipeline}
   * (none when empty) and links it. Unsupported IR fails with DiagnosticException; LLVM failures
   * with IllegalStateException. The caller must close the result.
   */
  public JitModule compile(Operation module, String pipeline) {
    checkThread();
    long t0 = System.nanoTime();
    LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
    LoweredModule lowered;
    try {
      lowered = ModuleLowering.lower(module, LLVMOrcThreadSafeContextGetContext(tsc), target,
          "_c" + (++counter));
    } catch (RuntimeException e) {
      LLVMOrcDisposeThreadSafeContext(tsc);
      throw e;
    }
    long t1 = System.nanoTime();
    return link(tsc, lowered.module(), lowered.functions(), pipeline, t0, t1);
  }

  /**
   * Parses LLVM IR text (from {@link dev.colt.lower.llvm.LlvmIrEmitter#lowerToText}), optimizes it
   * with {@code pipeline} and links it; {@code functions} names the entry points to look up. Bad
   * IR fails with IllegalStateException. The caller must close the result.
   */
  public JitModule compileLlvmIr(String llvmIr, Map<String, LoweredModule.Symbols> functions,
      String pipeline) {
    checkThread();
    long t0 = System.nanoTime();
    LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
    byte[] bytes = llvmIr.getBytes(StandardCharsets.UTF_8);
    BytePointer text = new BytePointer(bytes.length);
    text.put(bytes, 0, bytes.length);
    LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(text, bytes.length,
        new BytePointer("candidate"));
    LLVMModuleRef module = new LLVMModuleRef();
    BytePointer message = new BytePointer();
    if (LLVMParseIRInContext(LLVMOrcThreadSafeContextGetContext(tsc), buffer, module,
        message) != 0) {
      String why = message.isNull() ? "" : message.getString();
      if (!message.isNull()) {
        LLVMDisposeMessage(message);
      }
      LLVMOrcDisposeThreadSafeContext(tsc);
      throw new IllegalStateException("bad LLVM IR: " + why);
    }
    return link(tsc, module, functions, pipeline, t0, System.nanoTime());
  }

  /**
   * Links relocatable object files compiled elsewhere (for example by clang, for a baseline) under
   * one resource tracker and looks up {@code functions}' packed entry points, which the objects
   * must define with the {@link dev.colt.lower.llvm.CallingConvention} shape. Bad objects or
   * missing symbols fail with IllegalStateException.
   */
  public JitModule linkObjects(java.util.List<byte[]> objects,
      Map<String, LoweredModule.Symbols> functions) {
    checkThread();
    long t0 = System.nanoTime();
    LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(mainDylib);
    try {
      for (byte[] object : objects) {
        BytePointer bytes = new BytePointer(object.length);
        bytes.put(object, 0, object.length);
        LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes,
            object.length, new BytePointer("object"));
        LlvmErrors.check(LLVMOrcLLJITAddObjectFileWithRT(jit, tracker, buffer),
            "cannot add object file");
      }
    } catch (RuntimeException e) {
      release(tracker);
      throw e;
    }
    return lookUp(tracker, functions, t0, t0, t0);
  }

  private JitModule link(LLVMOrcThreadSafeContextRef tsc, LLVMModuleRef module,
      Map<String, LoweredModule.Symbols> symbols, String pipeline, long t0, long t1) {
    if (!pipeline.isEmpty()) {
      try {
        LlvmOptimizer.optimize(module, optimizerMachine, pipeline);
      } catch (RuntimeException e) {
        LLVMDisposeModule(module);
        LLVMOrcDisposeThreadSafeContext(tsc);
        throw e;
      }
    }
    long t2 = System.nanoTime();
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, tsc);
    LLVMOrcDisposeThreadSafeContext(tsc);
    LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(mainDylib);
    try {
      LlvmErrors.check(LLVMOrcLLJITAddLLVMIRModuleWithRT(jit, tracker, tsm),
          "cannot add module to the JIT");
    } catch (RuntimeException e) {
      LLVMOrcDisposeThreadSafeModule(tsm);
      LLVMOrcReleaseResourceTracker(tracker);
      throw e;
    }
    return lookUp(tracker, symbols, t0, t1, t2);
  }

  private JitModule lookUp(LLVMOrcResourceTrackerRef tracker,
      Map<String, LoweredModule.Symbols> symbols, long t0, long t1, long t2) {
    Map<String, JitModule.Function> functions = new LinkedHashMap<>();
    try {
      long[] address = new long[1];
      for (var e : symbols.entrySet()) {
        LlvmErrors.check(LLVMOrcLLJITLookup(jit, address, e.getValue().entry()),
            "cannot find " + e.getValue().entry());
        functions.put(e.getKey(), new JitModule.Function(e.getKey(), address[0],
            e.getValue().convention()));
      }
    } catch (RuntimeException e) {
      release(tracker);
      throw e;
    }
    long t3 = System.nanoTime();
    return new JitModule(this, tracker, functions,
        new JitModule.CompileTimes(t1 - t0, t2 - t1, t3 - t2));
  }

  /** Frees the code under {@code tracker}; called by JitModule.close on the owner thread. */
  void release(LLVMOrcResourceTrackerRef tracker) {
    checkThread();
    try {
      LlvmErrors.check(LLVMOrcResourceTrackerRemove(tracker), "cannot free JIT code");
    } finally {
      LLVMOrcReleaseResourceTracker(tracker);
    }
  }

  /** Disposes the LLJIT; every module compiled by it must be closed first. */
  @Override
  public void close() {
    checkThread();
    closed = true;
    LLVMDisposeTargetMachine(optimizerMachine);
    LlvmErrors.check(LLVMOrcDisposeLLJIT(jit), "cannot dispose LLJIT");
    if (PER_THREAD.get() == this) {
      PER_THREAD.remove();
    }
  }

}
