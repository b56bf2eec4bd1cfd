// Row-wise softmax of a 64x256 matrix: max, exp(x - max) with sum, then normalize.
func.func @softmax(%X: memref<64x256xf32>, %Y: memref<64x256xf32>) {
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.000000e+00 : f32
  affine.for %i = 0 to 64 {
    %max = affine.for %j = 0 to 256 iter_args(%m = %ninf) -> (f32) {
      %x = affine.load %X[%i, %j] : memref<64x256xf32>
      %m2 = arith.maximumf %m, %x : f32
      affine.yield %m2 : f32
    }
    %sum = affine.for %j = 0 to 256 iter_args(%s = %zero) -> (f32) {
      %x = affine.load %X[%i, %j] : memref<64x256xf32>
      %d = arith.subf %x, %max : f32
      %e = math.exp %d : f32
      affine.store %e, %Y[%i, %j] : memref<64x256xf32>
      %s2 = arith.addf %s, %e : f32
      affine.yield %s2 : f32
    }
    affine.for %j = 0 to 256 {
      %e = affine.load %Y[%i, %j] : memref<64x256xf32>
      %y = arith.divf %e, %sum : f32
      affine.store %y, %Y[%i, %j] : memref<64x256xf32>
    }
  }
  return
}
