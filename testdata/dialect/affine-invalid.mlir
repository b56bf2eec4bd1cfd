// RUN: colt-opt %s --split-input-file --verify-diagnostics
// Affine verifier and custom-syntax errors; mlir-opt-22 --verify-diagnostics accepts this file too.

func.func @load_non_affine_index(%A: memref<16xf32>) {
  affine.for %i = 0 to 4 {
    %x = arith.addi %i, %i : index
    // expected-error@+1 {{'affine.load' op operand cannot be used as a dimension id}}
    %v = affine.load %A[%x] : memref<16xf32>
  }
  return
}

// -----

func.func @load_iv_as_symbol(%A: memref<16xf32>) {
  affine.for %i = 0 to 4 {
    // expected-error@+1 {{'affine.load' op operand cannot be used as a symbol}}
    %v = affine.load %A[symbol(%i)] : memref<16xf32>
  }
  return
}

// -----

func.func @store_non_affine_index(%A: memref<16xf32>, %v: f32) {
  affine.for %i = 0 to 4 {
    %x = arith.muli %i, %i : index
    // expected-error@+1 {{'affine.store' op operand cannot be used as a dimension id}}
    affine.store %v, %A[%x] : memref<16xf32>
  }
  return
}

// -----

func.func @min_result_is_not_a_dim(%A: memref<16xf32>, %n: index) {
  affine.for %i = 0 to 4 {
    %m = affine.min affine_map<(d0)[s0] -> (d0 + 4, s0)>(%i)[%n]
    // expected-error@+1 {{'affine.load' op operand cannot be used as a dimension id}}
    %v = affine.load %A[%m] : memref<16xf32>
  }
  return
}

// -----

func.func @bound_iv_as_symbol() {
  affine.for %i = 0 to 4 {
    // expected-error@+1 {{'affine.for' op operand cannot be used as a symbol}}
    affine.for %j = 0 to affine_map<()[s0] -> (s0)>()[%i] {
    }
  }
  return
}

// -----

func.func @if_non_affine_operand(%n: index) {
  affine.for %i = 0 to 4 {
    %x = arith.addi %i, %n : index
    // expected-error@+1 {{'affine.if' op operand cannot be used as a dimension id}}
    affine.if affine_set<(d0) : (d0 >= 0)>(%x) {
    }
  }
  return
}

// -----

func.func @yield_type(%x: f32) {
  %r = affine.for %i = 0 to 4 iter_args(%a = %x) -> (f32) {
    // expected-error@+1 {{'affine.yield' op types mismatch between yield op and its parent}}
    affine.yield %i : index
  }
  return
}

// -----

func.func @load_rank(%A: memref<4x8xf32>) {
  affine.for %i = 0 to 4 {
    // expected-error@+1 {{'affine.load' op affine map num results must equal memref rank}}
    %v = affine.load %A[%i] : memref<4x8xf32>
  }
  return
}

// -----

func.func @vector_element_type(%A: memref<16xf32>) {
  // expected-error@+1 {{'affine.vector_load' op requires memref and vector types of the same elemental type}}
  %v = affine.vector_load %A[0] : memref<16xf32>, vector<4xf64>
  return
}

// -----

func.func @if_symbol_count(%n: index) {
  // expected-error@+1 {{custom op 'affine.if' symbol operand count and integer set symbol count must match}}
  affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0)>(%n) {
  }
  return
}

// -----

func.func @iter_args_count(%x: f32) {
  // expected-error@+1 {{custom op 'affine.for' mismatch between the number of loop-carried values and results}}
  %r:2 = affine.for %i = 0 to 4 iter_args(%a = %x) -> (f32, f32) {
    affine.yield %a : f32
  }
  return
}

// -----

func.func @negative_step() {
  // expected-error@+1 {{custom op 'affine.for' expected step to be representable as a positive signed integer}}
  affine.for %i = 0 to 4 step -1 {
  }
  return
}

// -----

func.func @apply_two_results(%i: index) {
  // expected-error@+1 {{operation defines 2 results but was provided 1 to bind}}
  %a = affine.apply affine_map<(d0) -> (d0, d0 + 1)>(%i)
  return
}
