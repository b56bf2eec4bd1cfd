// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(apply-schedule{file=testdata/schedules/matmul-512.trace}))' | FileCheck %s

// The hand-written matmul schedule on a 128^3 nest: cache tiles ordered j, k, i with the B block
// packed before the i tiles in strips of 32 columns, 8x32 register tile, 16-lane vectors,
// accumulators carried by the k loop and updated by fused multiply-adds.
// CHECK-LABEL: func.func @matmul
// CHECK: affine.for %{{.*}} = 0 to 128 step 128 {
// CHECK: %[[PANEL:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x128x32xf32>
// CHECK: colt.loop = "i.tile.copy2"
// CHECK: affine.for %{{.*}} = 0 to 128 step 128 {
// CHECK: iter_args(
// CHECK-SAME: -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK: vector.broadcast
// CHECK: affine.vector_load %[[PANEL]][(%{{.*}} - %{{.*}}) floordiv 32, %{{.*}} - %{{.*}}, (%{{.*}} - %{{.*}}) mod 32]
// CHECK: vector.fma
// CHECK: colt.loop = "k.point"
// CHECK: colt.loop = "i.tile"
// CHECK: memref.dealloc %[[PANEL]]
// CHECK: colt.loop = "j.tile", colt.parallel
func.func @matmul(%A: memref<128x128xf32>, %B: memref<128x128xf32>, %C: memref<128x128xf32>) {
  affine.for %i = 0 to 128 {
    affine.for %j = 0 to 128 {
      affine.for %k = 0 to 128 {
        %a = affine.load %A[%i, %k] : memref<128x128xf32>
        %b = affine.load %B[%k, %j] : memref<128x128xf32>
        %c = affine.load %C[%i, %j] : memref<128x128xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %C[%i, %j] : memref<128x128xf32>
      }
    }
  }
  return
}
