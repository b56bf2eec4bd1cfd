// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-scalrep))' | FileCheck %s

// CHECK-LABEL: func.func @rowsum
// CHECK: affine.for %[[I:.*]] = 0 to 4 {
// CHECK-NEXT: %[[INIT:.*]] = affine.load %{{.*}}[%[[I]]] : memref<4xf32>
// CHECK-NEXT: %[[R:.*]] = affine.for %{{.*}} = 0 to 8 iter_args(%[[S:.*]] = %[[INIT]]) -> (f32) {
// CHECK: %[[T:.*]] = arith.addf %[[S]], %{{.*}} : f32
// CHECK-NEXT: affine.yield %[[T]] : f32
// CHECK: affine.store %[[R]], %{{.*}}[%[[I]]] : memref<4xf32>
func.func @rowsum(%A: memref<4x8xf32>, %y: memref<4xf32>) {
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 8 {
      %a = affine.load %A[%i, %j] : memref<4x8xf32>
      %s = affine.load %y[%i] : memref<4xf32>
      %t = arith.addf %s, %a : f32
      affine.store %t, %y[%i] : memref<4xf32>
    }
  }
  return
}
