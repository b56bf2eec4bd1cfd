// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-tile{tile-sizes=2,2}))' --verify-diagnostics

// A[i, j] reads A[i-1, j+1]: the dependence (<, >) makes the band non-permutable.
func.func @skewed(%A: memref<8x8xf32>) {
  // expected-remark@+1 {{tile is illegal: the band is not permutable}}
  affine.for %i = 1 to 8 {
    affine.for %j = 0 to 7 {
      %v = affine.load %A[%i - 1, %j + 1] : memref<8x8xf32>
      affine.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
