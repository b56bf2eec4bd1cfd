// RUN: colt-opt %s --split-input-file --verify-diagnostics

func.func @undefined_value(%A: memref<4xf32>) {
  // expected-error@+1 {{use of undeclared SSA value name '%q'}}
  %v = affine.load %A[%q] : memref<4xf32>
  return
}

// -----

func.func @unknown_op() {
  // expected-error@+1 {{'nosuch.op' is not a registered operation}}
  "nosuch.op"() : () -> ()
  return
}

// -----

func.func @type_mismatch(%x: f32, %y: f64) {
  // expected-error@+1 {{expects different type than prior uses}}
  %s = arith.addf %x, %y : f32
  return
}

// -----

func.func @bad_map(%n: index) {
  // expected-error@+1 {{d1}}
  %v = affine.apply affine_map<(d0) -> (d1)>(%n)
  return
}

// -----

func.func @unterminated(%A: memref<4xf32>, %x: f32) {
  // expected-error@+1 {{unterminated region}}
  affine.for %i = 0 to 4 {
    affine.store %x, %A[%i] : memref<4xf32>
