// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll-jam{unroll-jam-factor=2}))' | FileCheck %s

// CHECK-LABEL: func.func @f
// CHECK: affine.for %[[I:.*]] = 0 to 4 step 2 {
// CHECK-NEXT: affine.for %[[J:.*]] = 0 to 8 {
// CHECK: affine.load %{{.*}}[%[[I]], %[[J]]]
// CHECK: affine.load %{{.*}}[%[[I]] + 1, %[[J]]]
// CHECK-NOT: affine.for
func.func @f(%A: memref<4x8xf32>, %B: memref<8xf32>) {
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 8 {
      %a = affine.load %A[%i, %j] : memref<4x8xf32>
      %b = affine.load %B[%j] : memref<8xf32>
      %c = arith.mulf %a, %b : f32
      affine.store %c, %A[%i, %j] : memref<4x8xf32>
    }
  }
  return
}
