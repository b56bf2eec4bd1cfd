// RUN: colt-opt %s --split-input-file --verify-diagnostics
// memref verifier errors; mlir-opt-22 --verify-diagnostics accepts this file too.

func.func @unknown_global() {
  // expected-error@+1 {{'memref.get_global' op 'v' does not reference a valid global memref}}
  %w = memref.get_global @v : memref<4xf32>
  return
}

// -----

memref.global "private" constant @v : memref<4xf32> = dense<1.000000e+00>
func.func @global_type() {
  // expected-error@+1 {{'memref.get_global' op result type 'memref<8xf32>' does not match type 'memref<4xf32>' of the global memref @v}}
  %w = memref.get_global @v : memref<8xf32>
  return
}

// -----

func.func @alloc_sizes(%n: index) {
  // expected-error@+1 {{'memref.alloc' op incorrect number of dynamic sizes, has 0, expected 1}}
  %a = memref.alloc() : memref<?xf32>
  return
}

// -----

func.func @alloca_symbols(%n: index) {
  // expected-error@+1 {{'memref.alloca' op symbol operand count does not equal memref symbol count: expected 0, got 1}}
  %a = memref.alloca()[%n] : memref<4xf32>
  return
}

// -----

func.func @load_indices(%A: memref<4x4xf32>, %i: index) {
  // expected-error@+1 {{'memref.load' op incorrect number of indices for load, expected 2 but got 1}}
  %v = memref.load %A[%i] : memref<4x4xf32>
  return
}

// -----

func.func @store_indices(%A: memref<4xf32>, %i: index, %v: f32) {
  // expected-error@+1 {{'memref.store' op store index operand count not equal to memref rank}}
  memref.store %v, %A[%i, %i] : memref<4xf32>
  return
}

// -----

func.func @cast_shape(%A: memref<4xf32>) {
  // expected-error@+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<5xf32>' are cast incompatible}}
  %c = memref.cast %A : memref<4xf32> to memref<5xf32>
  return
}
