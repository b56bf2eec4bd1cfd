// RUN: colt-opt %s --cse --canonicalize --dump-pass-pipeline 2>&1 | FileCheck %s --check-prefix=FLAGS
// RUN: not colt-opt %s --pass-pipeline='builtin.module(func.func(canonicalize{max-iteration=2}))' 2>&1 | FileCheck %s --check-prefix=BADOPT
// RUN: not colt-opt %s --pass-pipeline='builtin.module(func.func(no-such-pass))' 2>&1 | FileCheck %s --check-prefix=BADPASS
// RUN: colt-opt %s --pass-pipeline='builtin.module(func.func(cse))' --print-ir-after-all -o %t 2>&1 | FileCheck %s --check-prefix=DUMP

// FLAGS: builtin.module(func.func(cse,canonicalize))
// BADOPT: <pass-pipeline>:1:39: error: pass 'canonicalize' has no option 'max-iteration'
// BADOPT-NEXT: builtin.module(func.func(canonicalize{max-iteration=2}))
// BADOPT-NEXT: {{^}}                                      ^
// BADPASS: error: unknown pass 'no-such-pass'
// DUMP: // -----// IR Dump After cse //----- //
// DUMP-NEXT: func.func @f
func.func @f() {
  return
}
