// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(canonicalize))' | FileCheck %s
// RUN: colt-opt %s --pipeline-file passes/canonicalize.pipeline | FileCheck %s
// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(canonicalize{promote-single-iteration=false}))' | FileCheck %s --check-prefix=NOPROMOTE

// CHECK-LABEL: func.func @fold_constants
// CHECK-NEXT: [[C:%.+]] = arith.constant 15 : i32
// CHECK-NEXT: affine.store [[C]], %arg0[0]
// CHECK-NEXT: return
func.func @fold_constants(%A: memref<8xi32>) {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %s = arith.addi %c2, %c3 : i32
  %p = arith.muli %s, %c3 : i32
  affine.store %p, %A[0] : memref<8xi32>
  return
}

// CHECK-LABEL: func.func @apply_chain
// CHECK-NOT: affine.apply
// CHECK: affine.for [[I:%.+]] = 0 to 8 {
// CHECK-NEXT: affine.load %arg0{{\[}}[[I]] * 2 + 2]
// CHECK-NEXT: affine.store
func.func @apply_chain(%A: memref<32xf32>) {
  affine.for %i = 0 to 8 {
    %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    %k = affine.apply affine_map<(d0) -> (d0 * 2)>(%j)
    %v = affine.load %A[%k] : memref<32xf32>
    affine.store %v, %A[%i] : memref<32xf32>
  }
  return
}

// CHECK-LABEL: func.func @dead_code
// CHECK-NOT: arith.mulf
// CHECK-NOT: affine.apply
// CHECK-NEXT: affine.store %arg1, %arg0[8]
// CHECK-NEXT: return
func.func @dead_code(%A: memref<16xf32>, %x: f32) {
  %unused = arith.mulf %x, %x : f32
  %c4 = arith.constant 4 : index
  %a = affine.apply affine_map<()[s0] -> (s0 * 2)>()[%c4]
  affine.store %x, %A[%a] : memref<16xf32>
  return
}

// CHECK-LABEL: func.func @loops
// CHECK-NEXT: affine.store %arg1, %arg0[6]
// CHECK-NEXT: affine.for %{{.+}} = 0 to 10 {
// NOPROMOTE-LABEL: func.func @loops
// NOPROMOTE-NEXT: affine.for %{{.+}} = 5 to 6 {
func.func @loops(%A: memref<16xf32>, %x: f32) {
  affine.for %i = 4 to 4 {
    affine.store %x, %A[%i] : memref<16xf32>
  }
  affine.for %i = 5 to 6 {
    affine.store %x, %A[%i + 1] : memref<16xf32>
  }
  %c10 = arith.constant 10 : index
  affine.for %i = 0 to min affine_map<()[s0] -> (s0, 12)>()[%c10] {
    affine.store %x, %A[%i] : memref<16xf32>
  }
  return
}

// CHECK-LABEL: func.func @hoist_and_dedup
// CHECK-NEXT: [[TWO:%.+]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: affine.for
// CHECK-NEXT: affine.store [[TWO]]
func.func @hoist_and_dedup(%A: memref<16xf32>) {
  affine.for %i = 0 to 4 {
    %one = arith.constant 1.000000e+00 : f32
    %one2 = arith.constant 1.000000e+00 : f32
    %s = arith.addf %one, %one2 : f32
    affine.store %s, %A[%i] : memref<16xf32>
  }
  return
}

// CHECK-LABEL: func.func @iter_args
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: affine.store [[Z]], %arg0[0]
// CHECK-NEXT: return
func.func @iter_args(%A: memref<4xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %r = affine.for %i = 0 to 0 iter_args(%acc = %zero) -> (f32) {
    %v = affine.load %A[%i] : memref<4xf32>
    %s = arith.addf %acc, %v : f32
    affine.yield %s : f32
  }
  affine.store %r, %A[0] : memref<4xf32>
  return
}

// CHECK-LABEL: func.func @constant_conditions
// CHECK-NOT: affine.if
// CHECK: affine.store %arg1, %arg0[1]
// CHECK-NEXT: [[S:%.+]] = arith.addf %arg1, %arg1
// CHECK-NEXT: affine.store [[S]], %arg0[2]
// CHECK-NEXT: return
func.func @constant_conditions(%A: memref<4xf32>, %x: f32) {
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%c1) {
    affine.store %x, %A[0] : memref<4xf32>
  }
  affine.if affine_set<(d0)[s0] : (d0 - 1 == 0, s0 - 5 >= 0)>(%c1)[%c5] {
    affine.store %x, %A[1] : memref<4xf32>
  }
  %r = affine.if affine_set<(d0) : (d0 - 3 >= 0)>(%c1) -> f32 {
    affine.yield %x : f32
  } else {
    %s = arith.addf %x, %x : f32
    affine.yield %s : f32
  }
  affine.store %r, %A[2] : memref<4xf32>
  return
}
