// RUN: colt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{strip-width=8}))' --verify-diagnostics
// RUN: not colt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{loop=x arg=0}))' 2>&1 | FileCheck %s --check-prefix=NOLOOP
// RUN: not colt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{arg=5}))' 2>&1 | FileCheck %s --check-prefix=NOARG

// NOLOOP: error: pass 'affine-data-copy-generate' failed: no loop named 'x'
// NOARG: error: pass 'affine-data-copy-generate' failed: arg=5 is not the position of a memref argument

// Every memref argument of every outermost loop: A is copied; C is written inside the loop.
func.func @written(%A: memref<4x8xf32>, %C: memref<4x8xf32>) {
  // expected-remark@+1 {{argument 1 is written inside the loop; only read-only blocks are packed}}
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 8 {
      %a = affine.load %A[%i, %j] : memref<4x8xf32>
      affine.store %a, %C[%i, %j] : memref<4x8xf32>
    }
  }
  return
}

// -----

// Two reads of A whose rows start at different outer offsets (0 and n) share no block.
func.func @two_blocks(%A: memref<8x8xf32>, %C: memref<4x8xf32>, %n: index) {
  // expected-remark@+2 {{accesses of argument 0 start from different outer offsets in dimension 0}}
  // expected-remark@+1 {{argument 1 is written inside the loop}}
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 8 {
      %a = affine.load %A[%i, %j] : memref<8x8xf32>
      %b = affine.load %A[%i + %n, %j] : memref<8x8xf32>
      %s = arith.addf %a, %b : f32
      affine.store %s, %C[%i, %j] : memref<4x8xf32>
    }
  }
  return
}

// -----

// 8-lane loads at columns 0, 4 and 8 of B: the one at column 4 would straddle two strips of 8.
// A's block (columns 0 to 8) does not split into strips of 8.
func.func @strips(%A: memref<4x12xf32>, %B: memref<4x16xf32>, %C: memref<4x8xf32>) {
  // expected-remark@+3 {{the extent 9 of the block of argument 0 in the cut dimension is not a multiple of the strip width 8}}
  // expected-remark@+2 {{a vector access of argument 1 with 8 lanes starting 4 elements into a strip of 8 reaches across it}}
  // expected-remark@+1 {{argument 2 is written inside the loop}}
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 3 {
      %a = affine.load %A[%i, %j * 4] : memref<4x12xf32>
      %v = affine.vector_load %B[%i, %j * 4] : memref<4x16xf32>, vector<8xf32>
      affine.vector_store %v, %C[%i, 0] : memref<4x8xf32>, vector<8xf32>
    }
  }
  return
}
