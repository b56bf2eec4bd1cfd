// RUN: colt-opt %s --pass-pipeline='builtin.module(lower-graph-to-affine)' | FileCheck %s

// Tensor arguments become memrefs, the result becomes a trailing memref argument; the matmul's
// result is a temporary, the relu writes the output directly; constants become globals.
// CHECK: memref.global "private" constant @mlp_cst0 : memref<16xf32>
// CHECK-LABEL: func.func @mlp(%arg0: memref<4x8xf32>, %arg1: memref<8x16xf32>, %arg2: memref<4x16xf32>) {
// CHECK: [[B:%.+]] = memref.get_global @mlp_cst0 : memref<16xf32>
// CHECK: [[H:%.+]] = memref.alloc() : memref<4x16xf32>
// CHECK: affine.for %[[I0:arg[0-9]+]] = 0 to 4 {
// CHECK-NEXT: affine.for %[[J0:arg[0-9]+]] = 0 to 16 {
// CHECK-NEXT: affine.store {{.*}}, [[H]][%[[I0]], %[[J0]]] : memref<4x16xf32>
// CHECK: affine.for %[[I:arg[0-9]+]] = 0 to 4 {
// CHECK-NEXT: affine.for %[[J:arg[0-9]+]] = 0 to 16 {
// CHECK-NEXT: affine.for %[[K:arg[0-9]+]] = 0 to 8 {
// CHECK-NEXT: affine.load %arg0[%[[I]], %[[K]]] : memref<4x8xf32>
// CHECK-NEXT: affine.load %arg1[%[[K]], %[[J]]] : memref<8x16xf32>
// CHECK: arith.maximumf
// CHECK: affine.store {{.*}}, %arg2[{{.*}}] : memref<4x16xf32>
// CHECK: memref.dealloc [[H]]
// CHECK-NOT: graph.
// CHECK: return
func.func @mlp(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %b = graph.constant dense<0.5> : tensor<16xf32>
  %h = graph.matmul %x, %w : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %hb = graph.add %h, %b : (tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  %y = graph.relu %hb : (tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// Softmax subtracts the row maximum: a max reduction, then exp of the difference.
// CHECK-LABEL: func.func @softmax
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: affine.for {{.*}} = 0 to 2 {
// CHECK: affine.for {{.*}} iter_args
// CHECK: arith.maximumf
// CHECK: arith.subf
// CHECK-NEXT: math.exp
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %y = graph.softmax %x {axis = -1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}
