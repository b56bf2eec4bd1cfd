// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll{unroll-factor=2}))' | FileCheck %s

// CHECK-LABEL: func.func @f
// CHECK: affine.for %[[I:.*]] = 0 to 4 step 2 {
// CHECK: affine.load %{{.*}}[%[[I]]]
// CHECK: affine.load %{{.*}}[%[[I]] + 1]
// CHECK: affine.for %[[R:.*]] = 4 to 5 {
// CHECK-NEXT: affine.load %{{.*}}[%[[R]]]
func.func @f(%A: memref<5xf32>) {
  affine.for %i = 0 to 5 {
    %v = affine.load %A[%i] : memref<5xf32>
    %w = arith.mulf %v, %v : f32
    affine.store %w, %A[%i] : memref<5xf32>
  }
  return
}

// CHECK-LABEL: func.func @dot
// CHECK: %[[S:.*]] = affine.for %{{.*}} = 0 to 8 step 2 iter_args(%[[ACC:.*]] = %{{.*}}) -> (f32) {
// CHECK: %[[A1:.*]] = arith.addf %[[ACC]], %{{.*}} : f32
// CHECK: %[[A2:.*]] = arith.addf %[[A1]], %{{.*}} : f32
// CHECK: affine.yield %[[A2]] : f32
func.func @dot(%a: memref<8xf32>, %out: memref<1xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %sum = affine.for %i = 0 to 8 iter_args(%acc = %zero) -> (f32) {
    %x = affine.load %a[%i] : memref<8xf32>
    %acc2 = arith.addf %acc, %x : f32
    affine.yield %acc2 : f32
  }
  affine.store %sum, %out[0] : memref<1xf32>
  return
}
