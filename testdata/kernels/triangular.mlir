// Lower-triangular matrix-vector product y = L * x: the inner bound is an affine map of the outer index.
#upper = affine_map<(d0) -> (d0 + 1)>
func.func @trmv(%L: memref<96x96xf32>, %x: memref<96xf32>, %y: memref<96xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  affine.for %i = 0 to 96 {
    %acc = affine.for %j = 0 to #upper(%i) iter_args(%s = %zero) -> (f32) {
      %l = affine.load %L[%i, %j] : memref<96x96xf32>
      %v = affine.load %x[%j] : memref<96xf32>
      %p = arith.mulf %l, %v : f32
      %s2 = arith.addf %s, %p : f32
      affine.yield %s2 : f32
    }
    affine.store %acc, %y[%i] : memref<96xf32>
  }
  return
}
