// The emitted LLVM IR carries the host target, the calling convention and noalias where proven.
package dev.colt.lower.llvm;

import static org.junit.jupiter.api.Assertions.*;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LlvmIrEmitterTest {
  static final String KERNEL = """
      func.func @scale(%x: memref<?x8xf32>, %y: memref<?x8xf32>, %s: f32) {
        %c0 = arith.constant 0 : index
        %n = memref.dim %x, %c0 : memref<?x8xf32>
        affine.for %i = 0 to %n {
          affine.for %j = 0 to 8 {
            %v = affine.load %x[%i, %j] : memref<?x8xf32>
            %w = arith.mulf %v, %s : f32
            affine.store %w, %y[%i, %j] : memref<?x8xf32>
          }
        }
        return
      }
      """;

  static String definition(String ir, String name) {
    Matcher m = Pattern.compile("define [^\\n]*@" + Pattern.quote(name) + "\\(([^)]*)\\)")
        .matcher(ir);
    assertTrue(m.find(), "no definition of @" + name + " in\n" + ir);
    return m.group(0);
  }

  @Test
  void hostTargetCallingConventionAndNoalias() {
    String ir = LlvmIrEmitter.emit(Parser.parseModule(KERNEL, "k.mlir"), "");
    HostTarget t = HostTarget.get();
    assertTrue(ir.contains("target triple = \"" + t.triple() + "\""), ir);
    assertTrue(ir.contains("target datalayout = \"" + t.dataLayout() + "\""), ir);
    assertTrue(ir.contains("\"target-cpu\"=\"" + t.cpu() + "\""), ir);
    assertTrue(ir.contains("\"target-features\"="), ir);
    String def = definition(ir, "scale");
    // memref, memref, f32, then one i64 per dynamic dimension (x's dim 0, y's dim 0).
    assertTrue(def.matches(".*\\(ptr noalias %0, ptr noalias %1, float %2, i64 %3, i64 %4\\)"),
        def);
    assertTrue(ir.contains("define void @__colt_entry_scale(ptr"), ir);
  }

  @Test
  void functionsCalledInsideTheModuleGetNoNoalias() {
    String text = KERNEL + """
        func.func @twice(%x: memref<?x8xf32>, %s: f32) {
          func.call @scale(%x, %x, %s) : (memref<?x8xf32>, memref<?x8xf32>, f32) -> ()
          return
        }
        """;
    String ir = LlvmIrEmitter.emit(Parser.parseModule(text, "k.mlir"), "");
    assertFalse(definition(ir, "scale").contains("noalias"), ir);
    assertTrue(definition(ir, "twice").contains("noalias"), ir);
  }

  @Test
  void optimizedIrUsesVectorInstructionsOfTheHost() {
    String ir = LlvmIrEmitter.emit(Parser.parseModule(KERNEL, "k.mlir"),
        LlvmOptimizer.DEFAULT_PIPELINE);
    assertTrue(ir.contains("fmul <"), "expected a vectorized multiply:\n" + ir);
  }

  @Test
  void unsupportedOpGivesALocatedDiagnostic() {
    String text = """
        func.func @f(%x: tensor<4xf32>) {
          return
        }
        """;
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> LlvmIrEmitter.emit(Parser.parseModule(text, "bad.mlir"), ""));
    assertTrue(e.getMessage().contains("bad.mlir:1:"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot lower"), e.getMessage());
  }
}
