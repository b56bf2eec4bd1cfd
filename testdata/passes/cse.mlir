// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(cse))' | FileCheck %s

// CHECK-LABEL: func.func @same_block
// CHECK-NEXT: [[M:%.+]] = arith.mulf %arg1, %arg1 : f32
// CHECK-NEXT: arith.addf [[M]], [[M]] : f32
// CHECK-NOT: arith.mulf
func.func @same_block(%A: memref<8xf32>, %x: f32) {
  %a = arith.mulf %x, %x : f32
  %b = arith.mulf %x, %x : f32
  %s = arith.addf %a, %b : f32
  affine.store %s, %A[0] : memref<8xf32>
  return
}

// An op in a loop body is replaced by an equal one before the loop (which dominates it).
// CHECK-LABEL: func.func @nested
// CHECK: [[O:%.+]] = arith.addf %arg1, %arg1
// CHECK: affine.for
// CHECK-NOT: arith.addf
// CHECK: affine.store [[O]]
func.func @nested(%A: memref<8xf32>, %x: f32) {
  %o = arith.addf %x, %x : f32
  affine.for %i = 0 to 8 {
    %p = arith.addf %x, %x : f32
    affine.store %p, %A[%i] : memref<8xf32>
  }
  affine.store %o, %A[0] : memref<8xf32>
  return
}

// Sibling loops do not dominate each other; loads are never merged.
// CHECK-LABEL: func.func @siblings
// CHECK: affine.for
// CHECK: affine.load
// CHECK: affine.load
// CHECK: arith.mulf
// CHECK: affine.for
// CHECK: arith.mulf
func.func @siblings(%A: memref<8xf32>, %x: f32) {
  affine.for %i = 0 to 8 {
    %v = affine.load %A[%i] : memref<8xf32>
    %w = affine.load %A[%i] : memref<8xf32>
    %m = arith.mulf %x, %x : f32
    %s = arith.addf %v, %w : f32
    %t = arith.addf %s, %m : f32
    affine.store %t, %A[%i] : memref<8xf32>
  }
  affine.for %i = 0 to 8 {
    %m = arith.mulf %x, %x : f32
    affine.store %m, %A[%i] : memref<8xf32>
  }
  return
}
