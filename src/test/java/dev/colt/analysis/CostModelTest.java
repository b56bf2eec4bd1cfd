// Checks that the analytical cost model ranks well-known loop-nest variants the way hardware does.
package dev.colt.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.IRMapping;

import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.testkit.VariedPrograms;
import org.junit.jupiter.api.Test;

class CostModelTest {
  private final CostModel model = new CostModel(MachineModel.znver5());

  private double cycles(String body) {
    String src = """
        func.func @mm(%A: memref<512x512xf32>, %B: memref<512x512xf32>, %C: memref<512x512xf32>) {
        BODY
          return
        }
        """.replace("BODY", body);
    Operation module = Parser.parseModule(src, "cost.mlir");
    return model.estimate(ModuleOp.body(module).get(0)).cycles();
  }

  private static String nest(String outer, String middle, String inner) {
    return """
          affine.for %%%s = 0 to 512 {
            affine.for %%%s = 0 to 512 {
              affine.for %%%s = 0 to 512 {
                %%a = affine.load %%A[%%i, %%k] : memref<512x512xf32>
                %%b = affine.load %%B[%%k, %%j] : memref<512x512xf32>
                %%c = affine.load %%C[%%i, %%j] : memref<512x512xf32>
                %%p = arith.mulf %%a, %%b : f32
                %%s = arith.addf %%c, %%p : f32
                affine.store %%s, %%C[%%i, %%j] : memref<512x512xf32>
              }
            }
          }
        """.formatted(outer, middle, inner);
  }

  @Test
  void ikjBeatsIjkAndJkiIsWorst() {
    double ijk = cycles(nest("i", "j", "k"));
    double ikj = cycles(nest("i", "k", "j"));
    double jki = cycles(nest("j", "k", "i"));
    assertTrue(ikj * 4 < ijk, "ikj " + ikj + " ijk " + ijk);
    assertTrue(jki > ikj, "jki " + jki + " ikj " + ikj);
  }

  @Test
  void explicitVectorRegisterTileBeatsScalarIkj() {
    double ikj = cycles(nest("i", "k", "j"));
    String tiled = """
          affine.for %i = 0 to 512 step 4 {
            affine.for %j = 0 to 512 step 16 {
              %c0 = affine.vector_load %C[%i, %j] : memref<512x512xf32>, vector<16xf32>
              %c1 = affine.vector_load %C[%i + 1, %j] : memref<512x512xf32>, vector<16xf32>
              %c2 = affine.vector_load %C[%i + 2, %j] : memref<512x512xf32>, vector<16xf32>
              %c3 = affine.vector_load %C[%i + 3, %j] : memref<512x512xf32>, vector<16xf32>
              %r:4 = affine.for %k = 0 to 512 iter_args(%a0 = %c0, %a1 = %c1, %a2 = %c2, %a3 = %c3)
                  -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
                %b = affine.vector_load %B[%k, %j] : memref<512x512xf32>, vector<16xf32>
                %x0 = affine.load %A[%i, %k] : memref<512x512xf32>
                %x1 = affine.load %A[%i + 1, %k] : memref<512x512xf32>
                %x2 = affine.load %A[%i + 2, %k] : memref<512x512xf32>
                %x3 = affine.load %A[%i + 3, %k] : memref<512x512xf32>
                %v0 = vector.broadcast %x0 : f32 to vector<16xf32>
                %v1 = vector.broadcast %x1 : f32 to vector<16xf32>
                %v2 = vector.broadcast %x2 : f32 to vector<16xf32>
                %v3 = vector.broadcast %x3 : f32 to vector<16xf32>
                %n0 = vector.fma %v0, %b, %a0 : vector<16xf32>
                %n1 = vector.fma %v1, %b, %a1 : vector<16xf32>
                %n2 = vector.fma %v2, %b, %a2 : vector<16xf32>
                %n3 = vector.fma %v3, %b, %a3 : vector<16xf32>
                affine.yield %n0, %n1, %n2, %n3 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
              }
              affine.vector_store %r#0, %C[%i, %j] : memref<512x512xf32>, vector<16xf32>
              affine.vector_store %r#1, %C[%i + 1, %j] : memref<512x512xf32>, vector<16xf32>
              affine.vector_store %r#2, %C[%i + 2, %j] : memref<512x512xf32>, vector<16xf32>
              affine.vector_store %r#3, %C[%i + 3, %j] : memref<512x512xf32>, vector<16xf32>
            }
          }
        """;
    double reg = cycles(tiled);
    assertTrue(reg < ikj, "register tile " + reg + " ikj " + ikj);
  }

  @Test
  void rememberedEstimatesEqualFreshOnes() {
    CostModel other = new CostModel(MachineModel.znver5());
    for (Operation p : VariedPrograms.withManyAccessPairs()) {
      CostModel.Estimate first = model.estimate(p);
      assertSame(first, model.estimate(p), "the same program is estimated once");
      // A deep copy shares no analysis or estimate with p; a second model shares no memo.
      Operation copy = p.clone(new IRMapping());
      assertEquals(first, other.estimate(copy), () -> "estimates differ on " + p);
      assertEquals(first, model.estimate(copy));
    }
  }
}
