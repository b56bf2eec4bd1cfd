// A func.func compiled to steps over slot-indexed frames.
package dev.colt.exec.interp;

import dev.colt.ir.FunctionType;
import dev.colt.ir.Operation;
import java.util.List;

/**
 * The executable form of one function. Filled in after compilation so that calls (including
 * recursive ones) can refer to it while it is being compiled.
 */
final class CompiledFunction {
  final String name;
  final Operation op;
  final FunctionType type;
  private List<Slot> argSlots;
  private List<Slot> resultSlots;
  private Step[] body;
  private int nInts;
  private int nFloats;
  private int nRefs;

  CompiledFunction(String name, Operation op, FunctionType type) {
    this.name = name;
    this.op = op;
    this.type = type;
  }

  void define(List<Slot> args, List<Slot> results, Step[] steps, int ints, int floats, int refs) {
    this.argSlots = List.copyOf(args);
    this.resultSlots = List.copyOf(results);
    this.body = steps;
    this.nInts = ints;
    this.nFloats = floats;
    this.nRefs = refs;
  }

  List<Slot> argSlots() {
    return argSlots;
  }

  List<Slot> resultSlots() {
    return resultSlots;
  }

  /** A fresh frame for one call. */
  Frame newFrame() {
    return new Frame(nInts, nFloats, nRefs);
  }

  /** Runs the body on a frame whose argument slots are set; results are then in their slots. */
  void run(Frame frame) {
    Step.runAll(body, frame);
  }
}
