// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-tile{tile-sizes=4,3}))' | FileCheck %s

// CHECK-LABEL: func.func @tile
// CHECK: affine.for %[[I:.*]] = 0 to 8 step 4 {
// CHECK-NEXT: affine.for %[[J:.*]] = 0 to 10 step 3 {
// CHECK-NEXT: affine.for %{{.*}} = #{{.*}}(%[[I]]) to #{{.*}}(%[[I]]) {
// CHECK-NEXT: affine.for %{{.*}} = #{{.*}}(%[[J]]) to min #{{.*}}(%[[J]]) {
// CHECK-NOT: colt.loop
func.func @tile(%A: memref<8x10xf32>) {
  affine.for %i = 0 to 8 {
    affine.for %j = 0 to 10 {
      %v = affine.load %A[%i, %j] : memref<8x10xf32>
      %w = arith.addf %v, %v : f32
      affine.store %w, %A[%i, %j] : memref<8x10xf32>
    }
  }
  return
}
