// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-vectorize{width=4}))' | FileCheck %s

// CHECK-LABEL: func.func @scale
// CHECK: affine.for %[[I:.*]] = 0 to 8 step 4 {
// CHECK-NEXT: %[[V:.*]] = affine.vector_load %{{.*}}[%[[I]]] : memref<10xf32>, vector<4xf32>
// CHECK-NEXT: %[[W:.*]] = arith.mulf %[[V]], %[[V]] : vector<4xf32>
// CHECK-NEXT: affine.vector_store %[[W]], %{{.*}}[%[[I]]] : memref<10xf32>, vector<4xf32>
// CHECK: affine.for %{{.*}} = 8 to 10 {
func.func @scale(%A: memref<10xf32>, %B: memref<10xf32>) {
  affine.for %i = 0 to 10 {
    %v = affine.load %A[%i] : memref<10xf32>
    %w = arith.mulf %v, %v : f32
    affine.store %w, %B[%i] : memref<10xf32>
  }
  return
}

// CHECK-LABEL: func.func @dot
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : vector<4xf32>
// CHECK: %[[VS:.*]] = affine.for %{{.*}} = 0 to 8 step 4 iter_args(%[[ACC:.*]] = %[[Z]]) -> (vector<4xf32>) {
// CHECK: vector.fma %{{.*}}, %{{.*}}, %[[ACC]] : vector<4xf32>
// CHECK: vector.reduction <add>, %[[VS]], %{{.*}} : vector<4xf32> into f32
func.func @dot(%a: memref<8xf32>, %b: memref<8xf32>, %out: memref<1xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %sum = affine.for %i = 0 to 8 iter_args(%acc = %zero) -> (f32) {
    %x = affine.load %a[%i] : memref<8xf32>
    %y = affine.load %b[%i] : memref<8xf32>
    %p = arith.mulf %x, %y : f32
    %acc2 = arith.addf %acc, %p : f32
    affine.yield %acc2 : f32
  }
  affine.store %sum, %out[0] : memref<1xf32>
  return
}
