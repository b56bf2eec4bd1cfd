// RUN: colt-opt %s | FileCheck %s
// Custom forms of the affine and memref ops print back as mlir-opt-22 prints them.

// CHECK-DAG: #[[LB:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[UB:map[0-9]*]] = affine_map<(d0)[s0] -> (d0 + 32, s0)>
// CHECK-DAG: #[[SET:set[0-9]*]] = affine_set<(d0)[s0] : (d0 - 2 >= 0, -d0 + s0 - 1 >= 0)>
// CHECK: memref.global "private" constant @w : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]>
memref.global "private" constant @w : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>

// CHECK-LABEL: func.func @nest(
// CHECK-SAME: %[[A:.*]]: memref<?x8xf32>, %[[N:.*]]: index, %[[X:.*]]: f32) -> f32
func.func @nest(%A: memref<?x8xf32>, %n: index, %x: f32) -> f32 {
  // CHECK: %[[C0:.*]] = arith.constant 0 : index
  %c0 = arith.constant 0 : index
  // CHECK-NEXT: %[[D:.*]] = memref.dim %[[A]], %[[C0]] : memref<?x8xf32>
  %d = memref.dim %A, %c0 : memref<?x8xf32>
  // CHECK-NEXT: %[[G:.*]] = memref.get_global @w : memref<4xf32>
  %g = memref.get_global @w : memref<4xf32>
  // CHECK-NEXT: %[[B:.*]] = memref.alloc(%[[N]]) {alignment = 64 : i64} : memref<?xf32>
  %b = memref.alloc(%n) {alignment = 64 : i64} : memref<?xf32>
  // CHECK-NEXT: %[[C:.*]] = memref.cast %[[B]] : memref<?xf32> to memref<64xf32>
  %c = memref.cast %b : memref<?xf32> to memref<64xf32>
  // CHECK-NEXT: affine.for %[[I:.*]] = 0 to %[[D]] step 4 {
  affine.for %i = 0 to %d step 4 {
    // CHECK-NEXT: affine.for %[[J:.*]] = #[[LB]](%[[I]]) to min #[[UB]](%[[I]])[%[[N]]] {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0)[s0] -> (d0 + 32, s0)>(%i)[%n] {
      // CHECK-NEXT: %[[V:.*]] = affine.load %[[A]][%[[I]] + 1, %[[J]] mod 8] : memref<?x8xf32>
      %v = affine.load %A[%i + 1, %j mod 8] : memref<?x8xf32>
      // CHECK-NEXT: affine.store %[[V]], %[[A]][%[[I]] + symbol(%[[N]]), 0] : memref<?x8xf32>
      affine.store %v, %A[%i + symbol(%n), 0] : memref<?x8xf32>
      // CHECK-NEXT: %[[VV:.*]] = affine.vector_load %[[A]][%[[I]], 0] : memref<?x8xf32>, vector<8xf32>
      %vv = affine.vector_load %A[%i, 0] : memref<?x8xf32>, vector<8xf32>
      // CHECK-NEXT: affine.vector_store %[[VV]], %[[A]][%[[J]], 0] : memref<?x8xf32>, vector<8xf32>
      affine.vector_store %vv, %A[%j, 0] : memref<?x8xf32>, vector<8xf32>
      // CHECK-NEXT: affine.if #[[SET]](%[[I]])[%[[N]]] {
      affine.if affine_set<(d0)[s0] : (d0 - 2 >= 0, s0 - d0 - 1 >= 0)>(%i)[%n] {
        // CHECK-NEXT: affine.store %[[V]], %[[A]][%[[I]], %[[J]] mod 8] : memref<?x8xf32>
        affine.store %v, %A[%i, %j mod 8] : memref<?x8xf32>
      // CHECK-NEXT: } else {
      } else {
        // CHECK-NEXT: memref.store %[[V]], %[[B]][%[[I]]] : memref<?xf32>
        memref.store %v, %b[%i] : memref<?xf32>
      // CHECK-NEXT: }
      }
    // CHECK-NEXT: }
    }
  // CHECK-NEXT: }
  }
  // CHECK-NEXT: %[[R:.*]] = affine.for %[[K:.*]] = 0 to 10 iter_args(%[[ACC:.*]] = %[[X]]) -> (f32) {
  %r = affine.for %k = 0 to 10 iter_args(%acc = %x) -> (f32) {
    // CHECK-NEXT: %[[L:.*]] = memref.load %[[G]][%[[C0]]] : memref<4xf32>
    %l = memref.load %g[%c0] : memref<4xf32>
    // CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[L]] : f32
    %s = arith.addf %acc, %l : f32
    // CHECK-NEXT: affine.yield %[[S]] : f32
    affine.yield %s : f32
  // CHECK-NEXT: }
  }
  // CHECK-NEXT: memref.copy %[[B]], %[[C]] : memref<?xf32> to memref<64xf32>
  memref.copy %b, %c : memref<?xf32> to memref<64xf32>
  // CHECK-NEXT: memref.dealloc %[[B]] : memref<?xf32>
  memref.dealloc %b : memref<?xf32>
  // CHECK-NEXT: return %[[R]] : f32
  return %r : f32
}
