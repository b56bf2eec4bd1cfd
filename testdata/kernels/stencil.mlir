// In-place 5-point Gauss-Seidel stencil over a 66x66 grid with a time loop of 8 sweeps.
// Every sweep reads values the same sweep already updated: the i and j loops carry dependences.
func.func @stencil(%A: memref<66x66xf32>) {
  %fifth = arith.constant 2.000000e-01 : f32
  affine.for %t = 0 to 8 {
    affine.for %i = 1 to 65 {
      affine.for %j = 1 to 65 {
        %c = affine.load %A[%i, %j] : memref<66x66xf32>
        %n = affine.load %A[%i - 1, %j] : memref<66x66xf32>
        %s = affine.load %A[%i + 1, %j] : memref<66x66xf32>
        %w = affine.load %A[%i, %j - 1] : memref<66x66xf32>
        %e = affine.load %A[%i, %j + 1] : memref<66x66xf32>
        %0 = arith.addf %c, %n : f32
        %1 = arith.addf %0, %s : f32
        %2 = arith.addf %1, %w : f32
        %3 = arith.addf %2, %e : f32
        %4 = arith.mulf %3, %fifth : f32
        affine.store %4, %A[%i, %j] : memref<66x66xf32>
      }
    }
  }
  return
}
