// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-parallelize{outermost-only=false}))' --verify-diagnostics

func.func @prefix(%A: memref<8x8xf32>) {
  affine.for %i = 0 to 8 {
    // expected-remark@+1 {{iterations of 'j' depend on each other}}
    affine.for %j = 1 to 8 {
      %v = affine.load %A[%i, %j - 1] : memref<8x8xf32>
      affine.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
