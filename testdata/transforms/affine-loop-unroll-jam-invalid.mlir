// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll-jam{unroll-jam-factor=2}))' --verify-diagnostics

// A[i, j] reads A[i-1, j+1]: jamming i would run (i+1, j) before (i, j+1), which it reads.
func.func @skewed(%A: memref<8x8xf32>) {
  // expected-remark@+1 {{unroll-and-jam is illegal}}
  affine.for %i = 1 to 7 {
    affine.for %j = 0 to 7 {
      %v = affine.load %A[%i - 1, %j + 1] : memref<8x8xf32>
      affine.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
