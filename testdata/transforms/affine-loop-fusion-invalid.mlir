// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-loop-fusion{mode=producer-consumer}))' --verify-diagnostics

// The consumer reads B[i+1], which the producer writes one iteration later: fused, the read
// would come before the write.
func.func @read_before_write(%A: memref<9xf32>, %C: memref<8xf32>) {
  %B = memref.alloc() : memref<9xf32>
  affine.for %i = 0 to 8 {
    %a = affine.load %A[%i] : memref<9xf32>
    affine.store %a, %B[%i] : memref<9xf32>
  }
  // expected-remark@+1 {{'i2' would read elements of memref<9xf32> before 'i' writes them}}
  affine.for %i = 0 to 8 {
    %b = affine.load %B[%i + 1] : memref<9xf32>
    affine.store %b, %C[%i] : memref<8xf32>
  }
  memref.dealloc %B : memref<9xf32>
  return
}

// A store between the nests touches the producer's output.
func.func @intervening_store(%A: memref<8xf32>, %B: memref<8xf32>, %C: memref<8xf32>) {
  affine.for %i = 0 to 8 {
    %a = affine.load %A[%i] : memref<8xf32>
    affine.store %a, %B[%i] : memref<8xf32>
  }
  %c3 = arith.constant 3 : index
  %z = arith.constant 0.0 : f32
  memref.store %z, %B[%c3] : memref<8xf32>
  // expected-remark@+1 {{'memref.store' between them touches memref<8xf32>}}
  affine.for %i = 0 to 8 {
    %b = affine.load %B[%i] : memref<8xf32>
    affine.store %b, %C[%i] : memref<8xf32>
  }
  return
}
