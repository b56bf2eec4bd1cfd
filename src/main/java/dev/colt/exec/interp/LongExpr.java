// A compiled integer expression (affine expressions and index computations) over a frame.
package dev.colt.exec.interp;

/** Evaluates to a long from the values in a frame. */
@FunctionalInterface
interface LongExpr {
  long eval(Frame frame);
}
