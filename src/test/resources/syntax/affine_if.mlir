// Canonical mlir-opt-22 output of: affine.if with and without else, with results, inline and aliased sets.
#set = affine_set<(d0)[s0] : (d0 - 2 >= 0, -d0 + s0 - 1 >= 0)>
#set1 = affine_set<(d0) : (d0 mod 2 == 0)>
#set2 = affine_set<()[s0] : (s0 >= 0)>
module {
  func.func @conds(%arg0: memref<64xf32>, %arg1: index, %arg2: f32) -> f32 {
    affine.for %arg3 = 0 to 64 {
      affine.if #set(%arg3)[%arg1] {
        affine.store %arg2, %arg0[%arg3] : memref<64xf32>
      }
      affine.if #set1(%arg3) {
        affine.store %arg2, %arg0[%arg3] : memref<64xf32>
      } else {
        %2 = affine.load %arg0[%arg3] : memref<64xf32>
        affine.store %2, %arg0[%arg3] : memref<64xf32>
      }
    }
    %0 = affine.if #set(%arg1)[%arg1] -> f32 {
      affine.yield %arg2 : f32
    } else {
      %2 = arith.addf %arg2, %arg2 : f32
      affine.yield %2 : f32
    }
    %1:2 = affine.if #set2()[%arg1] -> (f32, index) {
      affine.yield %arg2, %arg1 : f32, index
    } else {
      affine.yield %0, %arg1 : f32, index
    }
    return %1#0 : f32
  }
}

