// RUN: colt-run %s --print-checksums | FileCheck %s
// RUN: colt-run %s --entry double --print-checksums --pass-pipeline='builtin.module(func.func(canonicalize,cse))' | FileCheck %s
// RUN: not colt-run %s --entry nope 2>&1 | FileCheck %s --check-prefix=NOENTRY

// Pattern inputs: %in[f] = (((7 f) mod 17) - 8) / 8 = -1, -0.125, 0.75, -0.5 (sum -0.875, abs 2.375);
// %out starts as (((7 f + 13) mod 17) - 8) / 8 and is overwritten with 2 * %in.
// CHECK: arg0 sum=-8.750000e-01 abs=2.375000e+00
// CHECK-NEXT: arg1 sum=-1.750000e+00 abs=4.750000e+00
// NOENTRY: error: {{.*}}nope
func.func @double(%in: memref<4xf32>, %out: memref<4xf32>) {
  %c1 = arith.constant 1 : index
  affine.for %i = 0 to 4 {
    %j = affine.apply affine_map<(d0)[s0] -> (d0 + s0 - 1)>(%i)[%c1]
    %v = affine.load %in[%j] : memref<4xf32>
    %d = arith.addf %v, %v : f32
    affine.store %d, %out[%i] : memref<4xf32>
  }
  return
}
