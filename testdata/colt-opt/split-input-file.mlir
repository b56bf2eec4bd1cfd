// RUN: colt-opt %s --split-input-file | FileCheck %s
// RUN: colt-opt %s | FileCheck %s --check-prefix=WHOLE

// Each chunk is parsed and printed on its own, separated as mlir-opt separates them.
// CHECK: module {
// CHECK-NEXT: func.func @first
// CHECK: // -----
// CHECK-NEXT: module {
// CHECK-NEXT: func.func @second
// WHOLE: module {
// WHOLE-NEXT: func.func @first
// WHOLE-NOT: // -----
// WHOLE: func.func @second
func.func @first() {
  return
}

// -----

func.func @second() {
  return
}
