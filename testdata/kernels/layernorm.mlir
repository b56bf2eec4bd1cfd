// Layer normalization over the last axis of a 32x128 matrix, two passes (mean, then variance).
func.func @layernorm(%X: memref<32x128xf32>, %gamma: memref<128xf32>, %beta: memref<128xf32>, %Y: memref<32x128xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %n = arith.constant 1.280000e+02 : f32
  %eps = arith.constant 9.99999974E-6 : f32
  affine.for %i = 0 to 32 {
    %sum = affine.for %j = 0 to 128 iter_args(%s = %zero) -> (f32) {
      %x = affine.load %X[%i, %j] : memref<32x128xf32>
      %s2 = arith.addf %s, %x : f32
      affine.yield %s2 : f32
    }
    %mean = arith.divf %sum, %n : f32
    %sq = affine.for %j = 0 to 128 iter_args(%s = %zero) -> (f32) {
      %x = affine.load %X[%i, %j] : memref<32x128xf32>
      %d = arith.subf %x, %mean : f32
      %d2 = arith.mulf %d, %d : f32
      %s2 = arith.addf %s, %d2 : f32
      affine.yield %s2 : f32
    }
    %var = arith.divf %sq, %n : f32
    %ve = arith.addf %var, %eps : f32
    %rstd = math.rsqrt %ve : f32
    affine.for %j = 0 to 128 {
      %x = affine.load %X[%i, %j] : memref<32x128xf32>
      %g = affine.load %gamma[%j] : memref<128xf32>
      %b = affine.load %beta[%j] : memref<128xf32>
      %d = arith.subf %x, %mean : f32
      %nrm = arith.mulf %d, %rstd : f32
      %sc = arith.mulf %nrm, %g : f32
      %y = arith.addf %sc, %b : f32
      affine.store %y, %Y[%i, %j] : memref<32x128xf32>
    }
  }
  return
}
