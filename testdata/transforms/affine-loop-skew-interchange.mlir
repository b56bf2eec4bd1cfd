// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-skew{factor=1},affine-loop-interchange))' | FileCheck %s

// A[i][j] = A[i-1][j+1]: the dependence (1, -1) forbids interchange (see
// affine-loop-interchange-invalid.mlir); skewed it is (1, 0) and the skewed band interchanges,
// with the parallelogram's bounds exchanged.
// CHECK: #[[LB:.*]] = affine_map<(d0) -> (1, d0 - 7)>
// CHECK: #[[UB:.*]] = affine_map<(d0) -> (8, d0 + 1)>
// CHECK-LABEL: func.func @stencil
// CHECK: affine.for %[[J:.*]] = 1 to 15 {
// CHECK-NEXT: affine.for %[[I:.*]] = max #[[LB]](%[[J]]) to min #[[UB]](%[[J]]) {
// CHECK-NEXT: affine.load %{{.*}}[%[[I]] - 1, -%[[I]] + %[[J]] + 1]
// CHECK-NEXT: affine.store %{{.*}}, %{{.*}}[%[[I]], -%[[I]] + %[[J]]]
func.func @stencil(%A: memref<8x9xf32>) {
  affine.for %i = 1 to 8 {
    affine.for %j = 0 to 8 {
      %v = affine.load %A[%i - 1, %j + 1] : memref<8x9xf32>
      affine.store %v, %A[%i, %j] : memref<8x9xf32>
    }
  }
  return
}
