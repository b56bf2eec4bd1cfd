// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-fusion))' | FileCheck %s

// Producer-consumer: the bias nest fuses into the matmul's output loops (depth 2), and the
// temporary, now private to each (i, j) iteration, shrinks to one element.
// CHECK-LABEL: func.func @matmul_bias
// CHECK: %[[T:.*]] = memref.alloc() : memref<1x1xf32>
// CHECK: affine.for %[[I:.*]] = 0 to 4 {
// CHECK-NEXT: affine.for %[[J:.*]] = 0 to 5 {
// CHECK-NEXT: affine.store %{{.*}}, %[[T]][0, 0]
// CHECK-NEXT: affine.for %{{.*}} = 0 to 6 {
// CHECK: }
// CHECK-NEXT: affine.load %[[T]][0, 0]
// CHECK: affine.store %{{.*}}, %{{.*}}[%[[I]], %[[J]]]
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: memref.dealloc
func.func @matmul_bias(%A: memref<4x6xf32>, %B: memref<6x5xf32>, %bias: memref<5xf32>, %C: memref<4x5xf32>) {
  %T = memref.alloc() : memref<4x5xf32>
  %zero = arith.constant 0.0 : f32
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 5 {
      affine.store %zero, %T[%i, %j] : memref<4x5xf32>
    }
  }
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 5 {
      affine.for %k = 0 to 6 {
        %a = affine.load %A[%i, %k] : memref<4x6xf32>
        %b = affine.load %B[%k, %j] : memref<6x5xf32>
        %c = affine.load %T[%i, %j] : memref<4x5xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %T[%i, %j] : memref<4x5xf32>
      }
    }
  }
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 5 {
      %t = affine.load %T[%i, %j] : memref<4x5xf32>
      %b = affine.load %bias[%j] : memref<5xf32>
      %s = arith.addf %t, %b : f32
      affine.store %s, %C[%i, %j] : memref<4x5xf32>
    }
  }
  memref.dealloc %T : memref<4x5xf32>
  return
}

// Siblings reading one input fuse; the consumer reading ahead in j fuses at depth 1 only.
// CHECK-LABEL: func.func @siblings_then_shifted
// CHECK: affine.for %[[I:.*]] = 0 to 8 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 7 {
// CHECK: affine.store %{{.*}}, %{{.*}}[%[[I]], %{{.*}}]
// CHECK: affine.store %{{.*}}, %{{.*}}[%[[I]], %{{.*}}]
// CHECK-NEXT: }
// CHECK-NEXT: affine.for %{{.*}} = 0 to 7 {
// CHECK: affine.load %{{.*}}[%[[I]], %{{.*}} + 1]
// CHECK-NOT: affine.for
// CHECK: return
func.func @siblings_then_shifted(%A: memref<8x8xf32>, %B: memref<8x8xf32>, %C: memref<8x8xf32>, %D: memref<8x8xf32>) {
  affine.for %i = 0 to 8 {
    affine.for %j = 0 to 7 {
      %a = affine.load %A[%i, %j] : memref<8x8xf32>
      %m = arith.mulf %a, %a : f32
      affine.store %m, %B[%i, %j] : memref<8x8xf32>
    }
  }
  affine.for %i = 0 to 8 {
    affine.for %j = 0 to 7 {
      %a = affine.load %A[%i, %j + 1] : memref<8x8xf32>
      %m = arith.addf %a, %a : f32
      affine.store %m, %C[%i, %j] : memref<8x8xf32>
    }
  }
  affine.for %i = 0 to 8 {
    affine.for %j = 0 to 7 {
      %b = affine.load %B[%i, %j + 1] : memref<8x8xf32>
      affine.store %b, %D[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
