// Direct NCHW 2-D convolution: 1x8x18x18 input, 16x8x3x3 filter, stride 1, no padding -> 1x16x16x16.
func.func @conv2d(%in: memref<1x8x18x18xf32>, %w: memref<16x8x3x3xf32>, %out: memref<1x16x16x16xf32>) {
  affine.for %n = 0 to 1 {
    affine.for %f = 0 to 16 {
      affine.for %y = 0 to 16 {
        affine.for %x = 0 to 16 {
          affine.for %c = 0 to 8 {
            affine.for %ky = 0 to 3 {
              affine.for %kx = 0 to 3 {
                %i = affine.load %in[%n, %c, %y + %ky, %x + %kx] : memref<1x8x18x18xf32>
                %k = affine.load %w[%f, %c, %ky, %kx] : memref<16x8x3x3xf32>
                %o = affine.load %out[%n, %f, %y, %x] : memref<1x16x16x16xf32>
                %p = arith.mulf %i, %k : f32
                %s = arith.addf %o, %p : f32
                affine.store %s, %out[%n, %f, %y, %x] : memref<1x16x16x16xf32>
              }
            }
          }
        }
      }
    }
  }
  return
}
