// Transcendental math on f32 and f64, with extf/truncf, affine.min/max/apply and a symbol bound.
#tile = affine_map<(d0) -> (d0 * 16)>
#tileEnd = affine_map<(d0)[s0] -> (d0 * 16 + 16, s0)>
func.func @mathmix(%x: memref<40xf32>, %y: memref<40xf64>, %z: memref<40xf32>) {
  %n = arith.constant 40 : index
  %half = arith.constant 5.000000e-01 : f32
  %two = arith.constant 2.500000e+00 : f64
  affine.for %t = 0 to 3 {
    %lo = affine.apply #tile(%t)
    %hi = affine.min #tileEnd(%t)[%n]
    affine.for %i = #tile(%t) to min #tileEnd(%t)[%n] {
      %v = affine.load %x[%i] : memref<40xf32>
      %e = math.exp %v : f32
      %th = math.tanh %v : f32
      %a = math.absf %v : f32
      %s = math.sqrt %a : f32
      %rs = arith.addf %a, %half : f32
      %r = math.rsqrt %rs : f32
      %l = math.log %rs : f32
      %p = math.powf %rs, %half : f32
      %q = math.fma %e, %th, %s : f32
      %w = arith.addf %q, %r : f32
      %w2 = arith.addf %w, %l : f32
      %w3 = arith.addf %w2, %p : f32
      %neg = arith.negf %w3 : f32
      %mx = arith.maximumf %neg, %w3 : f32
      %mn = arith.minimumf %neg, %v : f32
      %sum = arith.addf %mx, %mn : f32
      %sub = arith.subf %sum, %v : f32
      %dv0 = arith.divf %sub, %rs : f32
      %len = arith.subi %hi, %lo : index
      %leni = arith.index_cast %len : index to i32
      %lenf = arith.sitofp %leni : i32 to f32
      %dv = arith.addf %dv0, %lenf : f32
      affine.store %dv, %z[%i] : memref<40xf32>
      %wide = arith.extf %dv : f32 to f64
      %yy = affine.load %y[%i] : memref<40xf64>
      %m0 = arith.mulf %wide, %two : f64
      %m = math.absf %m0 : f64
      %pp = math.powf %m, %two : f64
      %ee = math.exp %yy : f64
      %o = arith.addf %pp, %ee : f64
      affine.store %o, %y[%i] : memref<40xf64>
    }
  }
  return
}
