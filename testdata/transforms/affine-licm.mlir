// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-licm))' | FileCheck %s

// CHECK-LABEL: func.func @f
// CHECK: %[[C:.*]] = affine.load %{{.*}}[0] : memref<1xf32>
// CHECK-NEXT: affine.for
// CHECK-NEXT: affine.load
// CHECK-NEXT: arith.mulf %{{.*}}, %[[C]] : f32
func.func @f(%A: memref<8xf32>, %s: memref<1xf32>) {
  affine.for %i = 0 to 8 {
    %c = affine.load %s[0] : memref<1xf32>
    %v = affine.load %A[%i] : memref<8xf32>
    %w = arith.mulf %v, %c : f32
    affine.store %w, %A[%i] : memref<8xf32>
  }
  return
}
