// Canonical mlir-opt-22 output of: affine.for: constant, symbol and max/min map bounds, steps, iter_args, attributes.
#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0)[s0] -> (d0 + 32, s0)>
#map2 = affine_map<()[s0] -> (0, s0 - 10)>
#map3 = affine_map<()[s0] -> (s0 floordiv 2)>
module {
  func.func @loops(%arg0: memref<512x512xf32>, %arg1: index, %arg2: f32) -> (f32, f32) {
    %c0 = arith.constant 0 : index
    affine.for %arg3 = 0 to 512 step 4 {
      affine.for %arg4 = #map(%arg3) to min #map1(%arg3)[%arg1] {
        %2 = affine.load %arg0[%arg3, %arg4] : memref<512x512xf32>
        affine.store %2, %arg0[%arg4, %arg3] : memref<512x512xf32>
      }
    }
    affine.for %arg3 = max #map2()[%arg1] to %arg1 step 3 {
    } {colt.parallel}
    affine.for %arg3 = %c0 to #map3()[%arg1] {
    }
    affine.for %arg3 = #map(%c0) to 7 {
    }
    %0 = affine.for %arg3 = 0 to 10 iter_args(%arg4 = %arg2) -> (f32) {
      %2 = affine.load %arg0[%arg3, 0] : memref<512x512xf32>
      %3 = arith.addf %arg4, %2 : f32
      affine.yield %3 : f32
    }
    %1:2 = affine.for %arg3 = 0 to 10 iter_args(%arg4 = %arg2, %arg5 = %0) -> (f32, f32) {
      %2 = affine.for %arg6 = 0 to 4 iter_args(%arg7 = %arg4) -> (f32) {
        affine.yield %arg7 : f32
      }
      affine.yield %arg5, %2 : f32, f32
    }
    return %1#0, %1#1 : f32, f32
  }
}

