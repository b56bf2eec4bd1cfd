// One compiled operation of the interpreter: runs against a frame.
package dev.colt.exec.interp;

/** The compiled form of an op: reads its operands from and writes its results to a frame. */
@FunctionalInterface
interface Step {
  void run(Frame frame);

  /** Runs {@code steps} in order. */
  static void runAll(Step[] steps, Frame frame) {
    for (Step s : steps) {
      s.run(frame);
    }
  }
}
