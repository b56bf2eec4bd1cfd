// Zero-padded 3-point blur along rows of a 48x64 image: affine.if guards the border reads,
// once as a side-effecting branch and once as a value-producing if/else.
#has_left = affine_set<(d0) : (d0 - 1 >= 0)>
#has_right = affine_set<(d0) : (-d0 + 62 >= 0)>
func.func @blur(%X: memref<48x64xf32>, %Y: memref<48x64xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %third = arith.constant 0.333333343 : f32
  affine.for %i = 0 to 48 {
    affine.for %j = 0 to 64 {
      %c = affine.load %X[%i, %j] : memref<48x64xf32>
      affine.store %c, %Y[%i, %j] : memref<48x64xf32>
      affine.if #has_left(%j) {
        %l = affine.load %X[%i, %j - 1] : memref<48x64xf32>
        %y = affine.load %Y[%i, %j] : memref<48x64xf32>
        %s = arith.addf %y, %l : f32
        affine.store %s, %Y[%i, %j] : memref<48x64xf32>
      }
      %r = affine.if #has_right(%j) -> f32 {
        %v = affine.load %X[%i, %j + 1] : memref<48x64xf32>
        affine.yield %v : f32
      } else {
        affine.yield %zero : f32
      }
      %y = affine.load %Y[%i, %j] : memref<48x64xf32>
      %s = arith.addf %y, %r : f32
      %b = arith.mulf %s, %third : f32
      affine.store %b, %Y[%i, %j] : memref<48x64xf32>
    }
  }
  return
}
