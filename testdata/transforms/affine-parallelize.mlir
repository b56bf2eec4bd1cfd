// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-parallelize{outermost-only=false}))' | FileCheck %s

// CHECK-LABEL: func.func @f
// CHECK: affine.for %{{.*}} = 0 to 8 {
// CHECK: } {colt.parallel}
// CHECK-NEXT: } {colt.parallel}
func.func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>) {
  affine.for %i = 0 to 8 {
    affine.for %j = 0 to 8 {
      %v = affine.load %A[%i, %j] : memref<8x8xf32>
      affine.store %v, %B[%j, %i] : memref<8x8xf32>
    }
  }
  return
}
