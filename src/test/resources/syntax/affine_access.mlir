// Canonical mlir-opt-22 output of: affine.load/store/vector_load/vector_store subscripts with dims, symbols and constants; apply/min/max.
#map = affine_map<(d0, d1)[s0] -> (d0 * 8 + d1 + s0)>
#map1 = affine_map<()[s0] -> (s0 * 2)>
#map2 = affine_map<(d0)[s0] -> (d0 + 32, s0)>
#map3 = affine_map<(d0)[s0] -> (d0, s0, 4)>
module {
  func.func @access(%arg0: memref<?x8xf32>, %arg1: memref<16xf32>, %arg2: index) {
    %c0 = arith.constant 0 : index
    %dim = memref.dim %arg0, %c0 : memref<?x8xf32>
    affine.for %arg3 = 0 to %dim {
      affine.for %arg4 = 0 to 8 {
        %0 = affine.load %arg0[%arg3 + 1, %arg4] : memref<?x8xf32>
        %1 = affine.load %arg0[%arg3 + symbol(%arg2), %arg4 * 2 + symbol(%dim)] : memref<?x8xf32>
        %2 = affine.load %arg0[(%arg3 floordiv 4) * 3 - 1, %arg4 mod 8] : memref<?x8xf32>
        %3 = affine.load %arg1[%arg4 ceildiv 2] {nontemporal = true} : memref<16xf32>
        affine.store %0, %arg0[%arg3, 7] : memref<?x8xf32>
        affine.store %1, %arg1[-%arg4 + symbol(%arg2)] : memref<16xf32>
        %4 = affine.vector_load %arg0[%arg3, 0] : memref<?x8xf32>, vector<8xf32>
        affine.vector_store %4, %arg0[%arg3 + 1, 0] : memref<?x8xf32>, vector<8xf32>
        %5 = affine.vector_load %arg1[%arg4 * 2] : memref<16xf32>, vector<4xf32>
        affine.vector_store %5, %arg1[0] : memref<16xf32>, vector<4xf32>
        %6 = affine.apply #map(%arg3, %arg4)[%arg2]
        %7 = affine.apply #map1()[%arg2]
        %8 = affine.min #map2(%arg3)[%arg2]
        %9 = affine.max #map3(%6)[%7]
        %10 = affine.load %arg1[%6 mod 16] : memref<16xf32>
      }
    }
    return
  }
}

