// Vectorized dot product and scaled copy of 100-element arrays: 8-lane main loop, masked tail.
func.func @vdot(%a: memref<100xf32>, %b: memref<100xf32>, %out: memref<2xf32>, %y: memref<100xf32>) {
  %zero = arith.constant dense<0.000000e+00> : vector<8xf32>
  %pad = arith.constant 0.000000e+00 : f32
  %three = arith.constant dense<3.000000e+00> : vector<8xf32>
  %acc = affine.for %i = 0 to 96 step 8 iter_args(%v = %zero) -> (vector<8xf32>) {
    %x = vector.load %a[%i] : memref<100xf32>, vector<8xf32>
    %z = affine.vector_load %b[%i] : memref<100xf32>, vector<8xf32>
    %f = vector.fma %x, %z, %v : vector<8xf32>
    affine.yield %f : vector<8xf32>
  }
  %c96 = arith.constant 96 : index
  %ta = vector.transfer_read %a[%c96], %pad : memref<100xf32>, vector<8xf32>
  %tb = vector.transfer_read %b[%c96], %pad : memref<100xf32>, vector<8xf32>
  %tail = arith.mulf %ta, %tb : vector<8xf32>
  %s1 = vector.reduction <add>, %acc : vector<8xf32> into f32
  %s = vector.reduction <add>, %tail, %s1 : vector<8xf32> into f32
  %m = vector.reduction <maximumf>, %ta : vector<8xf32> into f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  memref.store %s, %out[%c0] : memref<2xf32>
  memref.store %m, %out[%c1] : memref<2xf32>
  affine.for %i = 0 to 104 step 8 {
    %x = vector.transfer_read %a[%i], %pad : memref<100xf32>, vector<8xf32>
    %t = arith.mulf %x, %three : vector<8xf32>
    %e = vector.extract %t[0] : f32 from vector<8xf32>
    %t2 = vector.insert %e, %t[7] : f32 into vector<8xf32>
    vector.transfer_write %t2, %y[%i] : vector<8xf32>, memref<100xf32>
  }
  return
}
