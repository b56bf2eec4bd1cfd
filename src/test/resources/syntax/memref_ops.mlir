// Canonical mlir-opt-22 output of: memref ops: globals, get_global, alloc/alloca with dynamic sizes and alignment, dim, cast, load/store, copy, dealloc.
module {
  memref.global "private" constant @w : memref<4xf32> = dense<[1.000000e+00, -2.500000e+00, 3.000000e+00, 4.000000e+00]>
  memref.global "private" constant @m : memref<2x3xi32> = dense<[[1, 2, 3], [4, 5, 6]]>
  memref.global "private" constant @z : memref<8xf32> = dense<0.000000e+00> {alignment = 64 : i64}
  memref.global @buf : memref<2xf32> = uninitialized
  memref.global "private" @ext : memref<3xf64>
  func.func @mem(%arg0: index, %arg1: f32) -> index {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %0 = memref.get_global @w : memref<4xf32>
    %1 = memref.get_global @m : memref<2x3xi32>
    %alloc = memref.alloc(%arg0) {alignment = 64 : i64} : memref<?xf32>
    %alloc_0 = memref.alloc() : memref<64xf32>
    %alloca = memref.alloca(%arg0, %arg0) : memref<?x4x?xf32>
    %alloca_1 = memref.alloca() : memref<f32>
    %dim = memref.dim %alloca, %c1 : memref<?x4x?xf32>
    %cast = memref.cast %alloc : memref<?xf32> to memref<64xf32>
    %cast_2 = memref.cast %alloc_0 : memref<64xf32> to memref<?xf32>
    %2 = memref.load %0[%c0] : memref<4xf32>
    %3 = memref.load %alloca[%c0, %c1, %dim] : memref<?x4x?xf32>
    memref.store %2, %alloc[%c1] : memref<?xf32>
    memref.store %arg1, %alloca_1[] : memref<f32>
    memref.copy %alloc, %alloc_0 : memref<?xf32> to memref<64xf32>
    memref.dealloc %alloc : memref<?xf32>
    memref.dealloc %alloc_0 : memref<64xf32>
    return %dim : index
  }
}

