// Compiles the body of one func.func into steps, assigning every SSA value a frame slot.
package dev.colt.exec.interp;

import dev.colt.ir.Block;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a function once: gives each value a slot (so running never looks values up in maps),
 * and turns each op into a {@link Step} through the per-dialect compilers. Region terminators
 * ({@code affine.yield}, {@code func.return}) are not compiled as steps; the op owning the region
 * reads their operands through {@link #slots}.
 */
final class FunctionCompiler {
  private static final Map<String, OpCompiler> COMPILERS = new HashMap<>();

  static {
    ArithOps.register(COMPILERS);
    MathOps.register(COMPILERS);
    MemRefOps.register(COMPILERS);
    AffineOps.register(COMPILERS);
    VectorOps.register(COMPILERS);
    FuncOps.register(COMPILERS);
  }

  final Interpreter interpreter;
  private final Map<Value, Slot> slots = new IdentityHashMap<>();
  private int nInts;
  private int nFloats;
  private int nRefs;

  private FunctionCompiler(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  /** True when the interpreter knows how to run ops named {@code name}. */
  static boolean supports(String name) {
    return COMPILERS.containsKey(name) || name.equals("affine.yield") || name.equals("func.return");
  }

  /**
   * Compiles {@code fn} (a func.func with a body) into {@code target}. Fails with
   * InterpreterException on an unsupported op or type, or a value used before its definition.
   */
  static void compile(Interpreter interpreter, Operation fn, CompiledFunction target) {
    FunctionCompiler c = new FunctionCompiler(interpreter);
    if (fn.regions().isEmpty() || fn.region(0).blocks().isEmpty()) {
      throw new InterpreterException(fn, "function @" + target.name + " has no body");
    }
    if (fn.region(0).blocks().size() != 1) {
      throw new InterpreterException(fn, "functions with more than one block are not supported");
    }
    Block entry = fn.body();
    FunctionType type = target.type;
    if (entry.arguments().size() != type.inputs().size()) {
      throw new InterpreterException(fn, "entry block has " + entry.arguments().size()
          + " arguments but the function type has " + type.inputs().size() + " inputs");
    }
    List<Slot> args = new ArrayList<>();
    for (Value a : entry.arguments()) {
      args.add(c.define(a, fn));
    }
    Operation ret = entry.terminator();
    if (ret == null || !ret.is("func.return")) {
      throw new InterpreterException(fn, "function body does not end in func.return");
    }
    Step[] steps = c.compileBlock(entry, fn);
    List<Slot> results = c.slots(ret.operands(), ret);
    target.define(args, results, steps, c.nInts, c.nFloats, c.nRefs);
  }

  /** Gives {@code v} a fresh slot; fails on a type the interpreter cannot hold. */
  Slot define(Value v, Operation owner) {
    Type t = v.type();
    if (!(t.isFloat() || t.isIntOrIndex() || t instanceof dev.colt.ir.MemRefType
        || t instanceof dev.colt.ir.VectorType)) {
      throw new InterpreterException(owner, "values of type " + t + " are not supported");
    }
    Slot s = switch (Slot.kindOf(t)) {
      case INT -> new Slot(Slot.Kind.INT, nInts++);
      case FLOAT -> new Slot(Slot.Kind.FLOAT, nFloats++);
      case REF -> new Slot(Slot.Kind.REF, nRefs++);
    };
    slots.put(v, s);
    return s;
  }

  /** A fresh slot of the given kind that no value owns (scratch space). */
  Slot scratch(Slot.Kind kind) {
    return switch (kind) {
      case INT -> new Slot(kind, nInts++);
      case FLOAT -> new Slot(kind, nFloats++);
      case REF -> new Slot(kind, nRefs++);
    };
  }

  /** The slot of {@code v}; fails when {@code v} has not been defined before {@code user}. */
  Slot slot(Value v, Operation user) {
    Slot s = slots.get(v);
    if (s == null) {
      throw new InterpreterException(user, "uses a value that is not defined before it");
    }
    return s;
  }

  /** Slot index of operand {@code i} of {@code op}. */
  int operand(Operation op, int i) {
    if (i >= op.operands().size()) {
      throw new InterpreterException(op, "expects at least " + (i + 1) + " operands");
    }
    return slot(op.operand(i), op).index();
  }

  /** Slot index of result {@code i} of {@code op}. */
  int result(Operation op, int i) {
    if (i >= op.results().size()) {
      throw new InterpreterException(op, "expects at least " + (i + 1) + " results");
    }
    return slot(op.result(i), op).index();
  }

  List<Slot> slots(List<Value> values, Operation user) {
    List<Slot> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(slot(v, user));
    }
    return out;
  }

  /**
   * Compiles the ops of {@code block} in order, leaving out a trailing affine.yield or func.return
   * (the owner handles it). Block arguments must have been defined by the caller.
   */
  Step[] compileBlock(Block block, Operation owner) {
    List<Step> steps = new ArrayList<>();
    List<Operation> ops = block.operations();
    for (int k = 0; k < ops.size(); k++) {
      Operation op = ops.get(k);
      boolean last = k == ops.size() - 1;
      if (op.is("affine.yield") || op.is("func.return")) {
        if (!last) {
          throw new InterpreterException(op, "must be the last op of its block");
        }
        continue;
      }
      OpCompiler compiler = COMPILERS.get(op.name());
      if (compiler == null) {
        throw new InterpreterException(op, "is not supported by the interpreter");
      }
      for (Value r : op.results()) {
        define(r, op);
      }
      steps.add(compileOp(compiler, op));
    }
    return steps.toArray(Step[]::new);
  }

  /**
   * Compiles one op; a malformed op that trips a dialect accessor (missing attribute, wrong
   * operand segments) is reported as an InterpreterException at the op.
   */
  private Step compileOp(OpCompiler compiler, Operation op) {
    try {
      return compiler.compile(op, this);
    } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException
        | ClassCastException e) {
      throw new InterpreterException(op, "is malformed: " + e.getMessage());
    }
  }

  /**
   * A step copying the values in {@code from} to {@code to} as one parallel assignment (correct
   * even when a destination is also a source, as when a loop yields its iter_args swapped).
   */
  Step parallelCopy(List<Slot> from, List<Slot> to) {
    if (from.size() == 0) {
      return f -> { };
    }
    if (from.size() == 1) {
      Slot s = from.get(0);
      Slot d = to.get(0);
      return switch (s.kind()) {
        case INT -> f -> f.ints[d.index()] = f.ints[s.index()];
        case FLOAT -> f -> f.floats[d.index()] = f.floats[s.index()];
        case REF -> f -> f.refs[d.index()] = f.refs[s.index()];
      };
    }
    Slot[] src = from.toArray(Slot[]::new);
    Slot[] dst = to.toArray(Slot[]::new);
    Slot[] tmp = new Slot[src.length];
    for (int i = 0; i < src.length; i++) {
      tmp[i] = scratch(src[i].kind());
    }
    return f -> {
      for (int i = 0; i < src.length; i++) {
        Slot.move(f, src[i], f, tmp[i]);
      }
      for (int i = 0; i < src.length; i++) {
        Slot.move(f, tmp[i], f, dst[i]);
      }
    };
  }
}
