// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-skew{factor=2}))' | FileCheck %s

// CHECK: #[[LB:.*]] = affine_map<(d0) -> (d0 * 2)>
// CHECK: #[[UB:.*]] = affine_map<(d0) -> (d0 * 2 + 8)>
// CHECK-LABEL: func.func @stencil
// CHECK: affine.for %[[I:.*]] = 1 to 8 {
// CHECK-NEXT: affine.for %[[J:.*]] = #[[LB]](%[[I]]) to #[[UB]](%[[I]]) {
// CHECK-NEXT: affine.load %{{.*}}[%[[I]] - 1, %[[I]] * -2 + %[[J]] + 1]
// CHECK-NEXT: affine.store %{{.*}}, %{{.*}}[%[[I]], %[[I]] * -2 + %[[J]]]
func.func @stencil(%A: memref<8x9xf32>) {
  affine.for %i = 1 to 8 {
    affine.for %j = 0 to 8 {
      %v = affine.load %A[%i - 1, %j + 1] : memref<8x9xf32>
      affine.store %v, %A[%i, %j] : memref<8x9xf32>
    }
  }
  return
}
