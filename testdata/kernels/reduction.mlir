// Dot product of two 4096-element vectors with an iter_args accumulator, written to a 1-element buffer.
func.func @dot(%a: memref<4096xf32>, %b: memref<4096xf32>, %out: memref<1xf32>) {
  %zero = arith.constant 0.000000e+00 : f32
  %sum = affine.for %i = 0 to 4096 iter_args(%acc = %zero) -> (f32) {
    %x = affine.load %a[%i] : memref<4096xf32>
    %y = affine.load %b[%i] : memref<4096xf32>
    %p = arith.mulf %x, %y : f32
    %acc2 = arith.addf %acc, %p : f32
    affine.yield %acc2 : f32
  }
  affine.store %sum, %out[0] : memref<1xf32>
  return
}
