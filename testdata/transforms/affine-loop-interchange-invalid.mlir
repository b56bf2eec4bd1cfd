// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-interchange{permutation=1,0}))' --verify-diagnostics

// In-place Gauss-Seidel over a time loop: A[i+1] is read at time t and written at t's next i,
// so swapping t and i would read values of a later sweep.
func.func @stencil(%A: memref<10xf32>) {
  // expected-remark@+1 {{permute is illegal: the dependence would become}}
  affine.for %t = 0 to 4 {
    affine.for %i = 1 to 9 {
      %l = affine.load %A[%i - 1] : memref<10xf32>
      %r = affine.load %A[%i + 1] : memref<10xf32>
      %s = arith.addf %l, %r : f32
      affine.store %s, %A[%i] : memref<10xf32>
    }
  }
  return
}
