// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-vectorize{width=8}))' --verify-diagnostics

// x[i] = x[i-1] * 0.5 + y[i] is a first-order recurrence.
func.func @recurrence(%x: memref<64xf32>, %y: memref<64xf32>) {
  %half = arith.constant 5.000000e-01 : f32
  // expected-remark@+1 {{carries a recurrence that is not a recognized reduction}}
  affine.for %i = 1 to 64 {
    %p = affine.load %x[%i - 1] : memref<64xf32>
    %q = affine.load %y[%i] : memref<64xf32>
    %m = arith.mulf %p, %half : f32
    %s = arith.addf %m, %q : f32
    affine.store %s, %x[%i] : memref<64xf32>
  }
  return
}

// Column access: stride 64 along i.
func.func @column(%A: memref<64x64xf32>, %B: memref<64xf32>) {
  // expected-remark@+1 {{is neither contiguous along the loop nor invariant in it}}
  affine.for %i = 0 to 64 {
    %v = affine.load %A[%i, 3] : memref<64x64xf32>
    affine.store %v, %B[%i] : memref<64xf32>
  }
  return
}
