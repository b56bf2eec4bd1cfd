// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(test-op-remark{op=affine.for}))' --verify-diagnostics
// RUN: not colt-opt %s --pass-pipeline='builtin.module(func.func(test-op-remark{op=affine.for fail=true}))' 2>&1 | FileCheck %s

// CHECK: remarks.mlir:[[@LINE+4]]:3: error: pass 'test-op-remark' failed: found affine.for
// CHECK-NEXT: {{^}}  affine.for %i = 0 to 4 {
// CHECK-NEXT: {{^}}  ^
func.func @loops(%A: memref<4xf32>, %x: f32) {
  affine.for %i = 0 to 4 { // expected-remark {{found affine.for}}
    // expected-remark@+1 {{found affine.for}}
    affine.for %j = 0 to 4 {
      affine.store %x, %A[%j] : memref<4xf32>
    }
  }
  return
}
