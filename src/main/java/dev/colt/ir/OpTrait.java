// Properties of operations that generic code (verifier, passes, analyses) relies on.
package dev.colt.ir;

/** Traits an {@link OpDefinition} can declare. */
public enum OpTrait {
  /** Must be the last op of its block; ends the block. */
  TERMINATOR,
  /** No side effects: may be removed when unused, merged by CSE, hoisted. */
  PURE,
  /** Produces a constant from attributes only. */
  CONSTANT_LIKE,
  /** Operand order does not matter. */
  COMMUTATIVE,
  /** Regions cannot use values defined outside the op. */
  ISOLATED_FROM_ABOVE,
  /** Regions have exactly one block. */
  SINGLE_BLOCK,
  /** Regions may omit their terminator in text; the parser adds it. */
  IMPLICIT_TERMINATOR,
  /** Regions have no terminator (builtin.module). */
  NO_TERMINATOR,
  /** Starts a new affine scope: values defined at its top level are valid affine symbols. */
  AFFINE_SCOPE,
  /** Defines a symbol ({@code sym_name}) visible in its parent. */
  SYMBOL,
  /** Reads memory through a memref operand. */
  READS_MEMORY,
  /** Writes memory through a memref operand. */
  WRITES_MEMORY,
  /** Allocates or frees memory. */
  ALLOCATES
}
