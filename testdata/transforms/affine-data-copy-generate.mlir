// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{loop=i arg=1 strip-width=4}))' | FileCheck %s --check-prefix=STRIPS
// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{loop=j arg=0}))' | FileCheck %s --check-prefix=ROW
// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(affine-data-copy-generate{loop=i arg=0 strip-width=2 strip-dim=0}))' | FileCheck %s --check-prefix=ROWSTRIPS

// Strips: B (8 x 8) read by the whole nest becomes 2 strips of 8 rows x 4 columns, written in
// order by the copy nest; the loop reads element (k, j) at [j floordiv 4, k, j mod 4].
// STRIPS-LABEL: func.func @matmul
// STRIPS-NEXT: %[[BUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x8x4xf32>
// STRIPS-NEXT: affine.for %[[S:.*]] = 0 to 2 {
// STRIPS-NEXT: affine.for %[[R:.*]] = 0 to 8 {
// STRIPS-NEXT: affine.for %[[L:.*]] = 0 to 4 {
// STRIPS-NEXT: %[[V:.*]] = affine.load %{{.*}}[%[[R]], %[[S]] * 4 + %[[L]]] : memref<8x8xf32>
// STRIPS-NEXT: affine.store %[[V]], %[[BUF]][%[[S]], %[[R]], %[[L]]] : memref<2x8x4xf32>
// STRIPS: affine.for %{{.*}} = 0 to 4 {
// STRIPS-NEXT: affine.for %[[K:.*]] = 0 to 8 {
// STRIPS-NEXT: affine.for %[[J:.*]] = 0 to 8 {
// STRIPS: affine.load %[[BUF]][%[[J]] floordiv 4, %[[K]], %[[J]] mod 4] : memref<2x8x4xf32>
// STRIPS: memref.dealloc %[[BUF]] : memref<2x8x4xf32>
// STRIPS-NEXT: return

// Row-major, at an inner loop (loops are named by nest position: the second one is j): it reads
// row i of A, so the block is 1 x 8 at (i, 0), copied inside the i loop.
// ROW-LABEL: func.func @matmul
// ROW-NEXT: affine.for %[[I:.*]] = 0 to 4 {
// ROW-NEXT: %[[BUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x8xf32>
// ROW-NEXT: affine.for %[[X:.*]] = 0 to 1 {
// ROW-NEXT: affine.for %[[Y:.*]] = 0 to 8 {
// ROW-NEXT: %[[V:.*]] = affine.load %{{.*}}[%[[X]] + %[[I]], %[[Y]]] : memref<4x8xf32>
// ROW-NEXT: affine.store %[[V]], %[[BUF]][%[[X]], %[[Y]]] : memref<1x8xf32>
// ROW: affine.for %[[K:.*]] = 0 to 8 {
// ROW-NEXT: affine.for %{{.*}} = 0 to 8 {
// ROW-NEXT: affine.load %[[BUF]][0, %[[K]]] : memref<1x8xf32>
// ROW: memref.dealloc %[[BUF]] : memref<1x8xf32>
// Strips of rows: A (4 x 8) as 2 strips of 2 rows, the rows side by side for each column.
// ROWSTRIPS-LABEL: func.func @matmul
// ROWSTRIPS-NEXT: %[[BUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x8x2xf32>
// ROWSTRIPS-NEXT: affine.for %[[S:.*]] = 0 to 2 {
// ROWSTRIPS-NEXT: affine.for %[[C:.*]] = 0 to 8 {
// ROWSTRIPS-NEXT: affine.for %[[L:.*]] = 0 to 2 {
// ROWSTRIPS-NEXT: %[[V:.*]] = affine.load %{{.*}}[%[[S]] * 2 + %[[L]], %[[C]]] : memref<4x8xf32>
// ROWSTRIPS-NEXT: affine.store %[[V]], %[[BUF]][%[[S]], %[[C]], %[[L]]] : memref<2x8x2xf32>
// ROWSTRIPS: affine.for %[[I:.*]] = 0 to 4 {
// ROWSTRIPS-NEXT: affine.for %[[K:.*]] = 0 to 8 {
// ROWSTRIPS-NEXT: affine.for %{{.*}} = 0 to 8 {
// ROWSTRIPS-NEXT: affine.load %[[BUF]][%[[I]] floordiv 2, %[[K]], %[[I]] mod 2] : memref<2x8x2xf32>
func.func @matmul(%A: memref<4x8xf32>, %B: memref<8x8xf32>, %C: memref<4x8xf32>) {
  affine.for %i = 0 to 4 {
    affine.for %k = 0 to 8 {
      affine.for %j = 0 to 8 {
        %a = affine.load %A[%i, %k] : memref<4x8xf32>
        %b = affine.load %B[%k, %j] : memref<8x8xf32>
        %c = affine.load %C[%i, %j] : memref<4x8xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %C[%i, %j] : memref<4x8xf32>
      }
    }
  }
  return
}
