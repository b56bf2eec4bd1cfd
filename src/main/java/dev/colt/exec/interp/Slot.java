// Where a value lives in a frame: which array and which index.
package dev.colt.exec.interp;

import dev.colt.ir.FloatType;
import dev.colt.ir.Type;

/** The frame position of one SSA value. */
record Slot(Kind kind, int index) {
  /** Which frame array holds a value. */
  enum Kind { INT, FLOAT, REF }

  /** The array a value of {@code type} lives in. */
  static Kind kindOf(Type type) {
    if (type instanceof FloatType) {
      return Kind.FLOAT;
    }
    return type.isIntOrIndex() ? Kind.INT : Kind.REF;
  }

  /** Copies the value in {@code from}'s slot {@code src} to {@code to}'s slot {@code dst}. */
  static void move(Frame from, Slot src, Frame to, Slot dst) {
    switch (src.kind) {
      case INT -> to.ints[dst.index] = from.ints[src.index];
      case FLOAT -> to.floats[dst.index] = from.floats[src.index];
      case REF -> to.refs[dst.index] = from.refs[src.index];
    }
  }
}
