// Tests loop fusion: producer-consumer and sibling fusion preserve results; illegal fusions are refused.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.dialect.func.FuncOp;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.testkit.ReferenceInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuseTest {

  static Operation func(String text) {
    return ModuleOp.body(Parser.parseModule(text, "test.mlir")).get(0);
  }

  /**
   * B[i+1, j] = A * 2 then C = B[CONSUMER] + A over 8x6: the consumer subscript {@code %i + 1, %j}
   * reads what the same iteration wrote, {@code %i, %j} one row behind, {@code %i + 2, %j} ahead.
   */
  private static Operation producerConsumer(String consumerRead) {
    return func("""
        func.func @pc(%A: memref<9x7xf32>, %C: memref<9x7xf32>) {
          %B = memref.alloc() : memref<10x7xf32>
          %two = arith.constant 2.0 : f32
          affine.for %i = 0 to 8 {
            affine.for %j = 0 to 6 {
              %a = affine.load %A[%i, %j] : memref<9x7xf32>
              %m = arith.mulf %a, %two : f32
              affine.store %m, %B[%i + 1, %j] : memref<10x7xf32>
            }
          }
          %one = arith.constant 1.0 : f32
          affine.for %i = 0 to 8 {
            affine.for %j = 0 to 6 {
              %b = affine.load %B[CONSUMER] : memref<10x7xf32>
              %a = affine.load %A[%i, %j] : memref<9x7xf32>
              %s = arith.addf %b, %a : f32
              %t = arith.addf %s, %one : f32
              affine.store %t, %C[%i, %j] : memref<9x7xf32>
            }
          }
          memref.dealloc %B : memref<10x7xf32>
          return
        }
        """.replace("CONSUMER", consumerRead));
  }

  @Test
  void producerConsumerFusesBothLevelsAndKeepsTheProducersHandles() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 1, %j"));
    assertEquals(List.of("i", "j", "i2", "j2"), TransformTesting.loopNames(f));
    assertEquals(Fuse.Relation.PRODUCER_CONSUMER, Fuse.relation(f, "i", "i2"));
    assertEquals(2, Fuse.shapeDepth(f, "i", "i2"));
    Operation out = TransformTesting.applyChecked(f, new Fuse("i", "i2", 2));
    assertEquals(List.of("i", "j"), TransformTesting.loopNames(out));
    LoopForest forest = LoopForest.of(out);
    assertEquals(1, forest.roots().size());
  }

  @Test
  void theTemporaryShrinksToWhatOneFusedIterationUses() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 1, %j"));
    assertEquals(List.of(1L, 1L), allocShape(
        TransformTesting.applyChecked(f, new Fuse("i", "i2", 2))));
    assertEquals(List.of(1L, 7L), allocShape(
        TransformTesting.applyChecked(f, new Fuse("i", "i2", 1))));
    // Read one row behind, each outer iteration no longer owns its row: the buffer stays.
    assertEquals(List.of(10L, 7L), allocShape(TransformTesting.applyChecked(
        LoopHandles.assign(producerConsumer("%i, %j")), new Fuse("i", "i2", 2))));
  }

  @Test
  void parallelFusedLoopsKeepTheirBuffer() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 1, %j"));
    f = new Parallelize("i").apply(new Parallelize("i2").apply(f));
    Operation out = TransformTesting.applyChecked(f, new Fuse("i", "i2", 2));
    assertEquals(List.of(10L, 7L), allocShape(out));
    assertTrue(LoopHandles.find(out, "i").hasAttr(dev.colt.analysis.AffineOps.PARALLEL_ATTR));
  }

  private static List<Long> allocShape(Operation func) {
    return func.body().operations().stream().filter(op -> op.is("memref.alloc"))
        .map(op -> ((dev.colt.ir.MemRefType) op.result().type()).shape()).findFirst()
        .orElseThrow();
  }

  @Test
  void consumerReadingBehindTheProducerFusesAtBothLevels() {
    // B[i] (row i, written at fused iteration i - 1): legal.
    Operation f = producerConsumer("%i, %j");
    TransformTesting.applyChecked(f, new Fuse("i", "i2", 2));
  }

  @Test
  void readBeforeWriteIsRefusedWithAReadableReason() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 2, %j"));
    for (int depth : new int[] {1, 2}) {
      Fuse fuse = new Fuse("i", "i2", depth);
      Refusal r = fuse.check(f).orElseThrow();
      Refusal.FusionReversesDependence rev =
          assertInstanceOf(Refusal.FusionReversesDependence.class, r);
      assertTrue(rev.readsBeforeWrite());
      assertEquals("fusion would read before write", r.shortMessage());
      assertTrue(r.detail().contains("'i2' would read elements of memref<10x7xf32> before 'i'"
          + " writes them"), r.detail());
      assertThrows(IllegalStateException.class, () -> fuse.apply(f));
      // The check is right: forcing the rewrite changes the results.
      assertNotEquals(ReferenceInterpreter.runOnPatterns(f).get(1)[8],
          ReferenceInterpreter.runOnPatterns(fuse.rewrite(f)).get(1)[8]);
    }
  }

  @Test
  void readingAheadInTheInnerLoopOnlyAllowsOuterFusion() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 1, %j + 1"));
    assertTrue(new Fuse("i", "i2", 2).check(f).isPresent());
    TransformTesting.applyChecked(f, new Fuse("i", "i2", 1));
  }

  @Test
  void innerNestsLeftSideBySideByOuterFusionFuseToo() {
    Operation f = LoopHandles.assign(producerConsumer("%i + 1, %j"));
    Operation outer = TransformTesting.applyChecked(f, new Fuse("i", "i2", 1));
    assertEquals(List.of("i", "j", "j2"), TransformTesting.loopNames(outer));
    Operation inner = TransformTesting.applyChecked(outer, new Fuse("j", "j2", 1));
    assertEquals(List.of("i", "j"), TransformTesting.loopNames(inner));
    Operation ahead = new Fuse("i", "i2", 1).apply(
        LoopHandles.assign(producerConsumer("%i + 1, %j + 1")));
    assertEquals("fusion would read before write",
        new Fuse("j", "j2", 1).check(ahead).orElseThrow().shortMessage());
  }

  @Test
  void siblingNestsReadingOneInputFuse() {
    Operation f = LoopHandles.assign(func("""
        func.func @sib(%A: memref<16xf32>, %B: memref<16xf32>, %C: memref<16xf32>) {
          affine.for %i = 0 to 16 {
            %a = affine.load %A[%i] : memref<16xf32>
            %m = arith.mulf %a, %a : f32
            affine.store %m, %B[%i] : memref<16xf32>
          }
          affine.for %i = 0 to 16 {
            %a = affine.load %A[%i] : memref<16xf32>
            %m = arith.addf %a, %a : f32
            affine.store %m, %C[%i] : memref<16xf32>
          }
          return
        }
        """));
    assertEquals(Fuse.Relation.SIBLING, Fuse.relation(f, "i", "i2"));
    Operation out = TransformTesting.applyChecked(f, new Fuse("i", "i2", 1));
    assertEquals(List.of("i"), TransformTesting.loopNames(out));
  }

  @Test
  void secondNestOverwritingWhatTheFirstReadsLaterIsRefused() {
    // The first nest reads A[i]; the second writes A[i+1]: fused, A[i+1] would be overwritten first.
    Operation f = LoopHandles.assign(func("""
        func.func @war(%A: memref<17xf32>, %B: memref<17xf32>) {
          affine.for %i = 0 to 16 {
            %a = affine.load %A[%i] : memref<17xf32>
            affine.store %a, %B[%i] : memref<17xf32>
          }
          affine.for %i = 0 to 16 {
            %z = arith.constant 0.0 : f32
            affine.store %z, %A[%i + 1] : memref<17xf32>
          }
          return
        }
        """));
    Refusal r = new Fuse("i", "i2", 1).check(f).orElseThrow();
    assertEquals("fusion would reverse a dependence", r.shortMessage());
    assertTrue(r.detail().contains("overwrite"), r.detail());
  }

  @Test
  void anInterveningOpTouchingTheMemrefIsRefused() {
    Operation f = LoopHandles.assign(func("""
        func.func @mid(%A: memref<8xf32>, %B: memref<8xf32>) {
          affine.for %i = 0 to 8 {
            %a = affine.load %A[%i] : memref<8xf32>
            affine.store %a, %B[%i] : memref<8xf32>
          }
          %c = arith.constant 3 : index
          %z = arith.constant 0.0 : f32
          memref.store %z, %B[%c] : memref<8xf32>
          affine.for %i = 0 to 8 {
            %b = affine.load %B[%i] : memref<8xf32>
            affine.store %b, %A[%i] : memref<8xf32>
          }
          return
        }
        """));
    Refusal r = new Fuse("i", "i2", 1).check(f).orElseThrow();
    assertInstanceOf(Refusal.InterveningAccess.class, r);
    assertTrue(r.detail().contains("'memref.store' between them touches memref<8xf32>"),
        r.detail());
  }

  @Test
  void differentBoundsAndBadTargetsAreRefused() {
    Operation f = LoopHandles.assign(func("""
        func.func @b(%A: memref<8xf32>, %B: memref<8xf32>) {
          affine.for %i = 0 to 8 {
            %a = affine.load %A[%i] : memref<8xf32>
            affine.store %a, %B[%i] : memref<8xf32>
          }
          affine.for %i = 0 to 7 {
            %b = affine.load %B[%i] : memref<8xf32>
            affine.store %b, %A[%i] : memref<8xf32>
          }
          return
        }
        """));
    assertInstanceOf(Refusal.FusionMismatch.class, new Fuse("i", "i2", 1).check(f).orElseThrow());
    assertInstanceOf(Refusal.FusionMismatch.class, new Fuse("i2", "i", 1).check(f).orElseThrow());
    assertEquals("no loop 'q'", new Fuse("i", "q", 1).check(f).orElseThrow().shortMessage());
    assertInstanceOf(Refusal.NotABand.class, new Fuse("i", "i2", 2).check(f).orElseThrow());
    assertEquals(0, Fuse.shapeDepth(f, "i", "i2"));
  }

  @Test
  void mlpElementwiseNestsFuseIntoTheMatmul() throws Exception {
    Operation module = Parser.parseModule(java.nio.file.Files.readString(
        java.nio.file.Path.of("testdata/models/mlp.mlir")), "mlp.mlir");
    Operation lowered = dev.colt.lower.graph.GraphToAffine.lowerModule(module);
    Operation f = LoopHandles.assign(FuncOp.lookup(lowered, "mlp"));
    List<LoopForest.Loop> roots = LoopForest.of(f).roots();
    String init = LoopHandles.nameOf(roots.get(0).op());
    String matmul = LoopHandles.nameOf(roots.get(1).op());
    String bias = LoopHandles.nameOf(roots.get(2).op());
    Operation cur = new Fuse(init, matmul, 2).apply(f);
    cur = new Fuse(init, bias, 2).apply(cur);
    assertNull(LoopHandles.find(cur, bias));
    assertEquals(roots.size() - 2, LoopForest.of(cur).roots().size());
    Operation fused = IrRewrite.replace(lowered, FuncOp.lookup(lowered, "mlp"), List.of(cur));
    List<String> diff = Checksums.differences(
        Checksums.lines(Interpreter.runWithPatternInputs(lowered, "mlp")),
        Checksums.lines(Interpreter.runWithPatternInputs(fused, "mlp")), 1e-4);
    assertTrue(diff.isEmpty(), diff::toString);
  }
}
