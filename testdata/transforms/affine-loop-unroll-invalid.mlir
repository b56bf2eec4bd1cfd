// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-unroll{unroll-factor=4}))' --verify-diagnostics

func.func @triangular(%A: memref<8x8xf32>) {
  affine.for %i = 0 to 8 {
    // expected-remark@+1 {{unrolling needs a constant trip count}}
    affine.for %j = 0 to affine_map<(d0) -> (d0 + 1)>(%i) {
      %v = affine.load %A[%i, %j] : memref<8x8xf32>
      affine.store %v, %A[%j, %i] : memref<8x8xf32>
    }
  }
  return
}
