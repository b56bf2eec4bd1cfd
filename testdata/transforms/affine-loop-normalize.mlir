// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-normalize))' | FileCheck %s

// CHECK-LABEL: func.func @strided
// CHECK: affine.for %[[I:.*]] = 0 to 7 {
// CHECK-NEXT: affine.for %[[J:.*]] = 0 to 3 {
// CHECK-NEXT: affine.load %{{.*}}[%[[I]] * 4 + 2, %[[J]] * 2 + 1]
// CHECK-NOT: step
func.func @strided(%A: memref<32x8xf32>) {
  affine.for %i = 2 to 30 step 4 {
    affine.for %j = 1 to 7 step 2 {
      %v = affine.load %A[%i, %j] : memref<32x8xf32>
      %w = arith.addf %v, %v : f32
      affine.store %w, %A[%i, %j] : memref<32x8xf32>
    }
  }
  return
}
