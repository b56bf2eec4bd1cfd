// The reference interpreter: runs functions of a module on buffers and scalars, the oracle for every transformation.
package dev.colt.exec.interp;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Numerics;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes func.func bodies of one module with MLIR's semantics for the func, arith, math, memref,
 * affine and vector ops COLT uses. Each function is compiled once, on first use, into closures
 * over slot-indexed frames; calls follow func.call into other functions of the module. Globals
 * (memref.global) are created on first use and live as long as this interpreter.
 *
 * <p>Failures (unsupported op or type, out-of-bounds access, integer division by zero, other
 * undefined behaviour, missing function, arguments that do not fit the signature) raise
 * {@link InterpreterException} located at the op concerned. Not thread-safe.
 */
public final class Interpreter {
  private final Map<String, Operation> functions = new HashMap<>();
  private final Map<String, Operation> globalDecls = new HashMap<>();
  private final Map<String, CompiledFunction> compiled = new HashMap<>();
  private final Map<String, Buffer> globals = new HashMap<>();
  private final Operation module;

  /** An interpreter for {@code module}; fails with IllegalArgumentException unless a builtin.module. */
  public Interpreter(Operation module) {
    if (!module.is(ModuleOp.NAME)) {
      throw new IllegalArgumentException("expected a builtin.module, got " + module.name());
    }
    this.module = module;
    for (Operation op : ModuleOp.body(module)) {
      if (op.attr("sym_name") instanceof Attribute.StringAttr name) {
        if (op.is("func.func")) {
          functions.put(name.value(), op);
        } else if (op.is("memref.global")) {
          globalDecls.put(name.value(), op);
        }
      }
    }
  }

  /**
   * Runs {@code entry} of {@code module} once on fresh pattern inputs (dynamic dimensions of size
   * {@link PatternInputs#DEFAULT_DYNAMIC_DIM}) and returns the arguments afterwards, in signature
   * order: buffers hold what the function left in them.
   */
  public static List<RuntimeValue> runWithPatternInputs(Operation module, String entry) {
    return runWithPatternInputs(module, entry, PatternInputs.DEFAULT_DYNAMIC_DIM);
  }

  /** As {@link #runWithPatternInputs(Operation, String)} with dynamic dims of {@code dynamicDim}. */
  public static List<RuntimeValue> runWithPatternInputs(Operation module, String entry,
      long dynamicDim) {
    Interpreter interpreter = new Interpreter(module);
    FunctionType type = interpreter.signature(entry);
    List<RuntimeValue> args;
    try {
      args = PatternInputs.forSignature(type, dynamicDim);
    } catch (IllegalArgumentException e) {
      throw new InterpreterException(interpreter.functions.get(entry), e.getMessage());
    }
    interpreter.call(entry, args);
    return args;
  }

  /** The names of the module's functions. */
  public List<String> functionNames() {
    return functions.keySet().stream().sorted().toList();
  }

  /** The type of function {@code name}; fails with InterpreterException when there is none. */
  public FunctionType signature(String name) {
    Operation fn = functions.get(name);
    if (fn == null) {
      throw new InterpreterException(module, "has no function @" + name);
    }
    return functionType(fn);
  }

  private static FunctionType functionType(Operation fn) {
    if (fn.attr("function_type") instanceof Attribute.TypeAttr t
        && t.type() instanceof FunctionType ft) {
      return ft;
    }
    throw new InterpreterException(fn, "needs a 'function_type' attribute");
  }

  /**
   * Calls function {@code name} with {@code args} (a Buffer per memref, FloatValue per float,
   * IntValue per integer or index, VectorValue per vector) and returns its results. Buffers are
   * passed by reference: the function's writes are visible in them afterwards.
   */
  public List<RuntimeValue> call(String name, List<? extends RuntimeValue> args) {
    CompiledFunction fn = function(name, module);
    List<Type> inputs = fn.type.inputs();
    if (args.size() != inputs.size()) {
      throw new InterpreterException(fn.op, "@" + name + " takes " + inputs.size()
          + " arguments, got " + args.size());
    }
    Frame frame = fn.newFrame();
    for (int a = 0; a < args.size(); a++) {
      put(fn, frame, fn.argSlots().get(a), inputs.get(a), args.get(a), a);
    }
    fn.run(frame);
    List<RuntimeValue> results = new ArrayList<>();
    for (int i = 0; i < fn.type.results().size(); i++) {
      results.add(get(frame, fn.resultSlots().get(i), fn.type.results().get(i)));
    }
    return results;
  }

  private static void put(CompiledFunction fn, Frame frame, Slot slot, Type type,
      RuntimeValue value, int a) {
    switch (value) {
      case Buffer b when type instanceof MemRefType m && b.fits(m) -> frame.refs[slot.index()] = b;
      case RuntimeValue.FloatValue v when type instanceof FloatType ft ->
          frame.floats[slot.index()] = Numerics.roundFloat(ft.width(), v.value());
      case RuntimeValue.IntValue v when type.isIntOrIndex() ->
          frame.ints[slot.index()] = Numerics.wrap(
              type instanceof dev.colt.ir.IntegerType it ? it.width() : 64, v.value());
      case RuntimeValue.VectorValue v when type.equals(v.type()) ->
          frame.refs[slot.index()] = v.floats() != null ? v.floats().clone() : v.ints().clone();
      default -> throw new InterpreterException(fn.op, "argument " + a + " (" + value
          + ") does not fit type " + type);
    }
  }

  private static RuntimeValue get(Frame frame, Slot slot, Type type) {
    return switch (type) {
      case FloatType ft -> new RuntimeValue.FloatValue(ft, frame.floats[slot.index()]);
      case MemRefType m -> (Buffer) frame.refs[slot.index()];
      case VectorType v -> frame.refs[slot.index()] instanceof double[] d
          ? new RuntimeValue.VectorValue(v, d.clone(), null)
          : new RuntimeValue.VectorValue(v, null, ((long[]) frame.refs[slot.index()]).clone());
      default -> new RuntimeValue.IntValue(type, frame.ints[slot.index()]);
    };
  }

  /**
   * The compiled function {@code name}, compiling it on first use; {@code user} locates the
   * error when there is no such function. The returned object may still be being compiled (for
   * recursive calls); it is complete before anything runs.
   */
  CompiledFunction function(String name, Operation user) {
    CompiledFunction fn = compiled.get(name);
    if (fn != null) {
      return fn;
    }
    Operation op = functions.get(name);
    if (op == null) {
      throw new InterpreterException(user, "refers to an unknown function @" + name);
    }
    fn = new CompiledFunction(name, op, functionType(op));
    compiled.put(name, fn);
    try {
      FunctionCompiler.compile(this, op, fn);
    } catch (RuntimeException e) {
      compiled.remove(name);
      throw e;
    }
    return fn;
  }

  /** The buffer of memref.global {@code name}, created and initialized on first use. */
  Buffer global(String name, Operation user) {
    Buffer b = globals.get(name);
    if (b != null) {
      return b;
    }
    Operation decl = globalDecls.get(name);
    if (decl == null) {
      throw new InterpreterException(user, "refers to an unknown global @" + name);
    }
    if (!(decl.attr("type") instanceof Attribute.TypeAttr t) || !(t.type() instanceof MemRefType m)
        || !m.hasStaticShape()) {
      throw new InterpreterException(decl, "needs a static memref 'type' attribute");
    }
    Access.memref(decl, new dev.colt.ir.Value(m));
    b = Buffer.allocate(m);
    if (decl.attr("initial_value") instanceof Attribute.DenseElementsAttr init) {
      if (((dev.colt.ir.ShapedType) init.type()).numElements() != b.size()) {
        throw new InterpreterException(decl, "initial value has the wrong number of elements");
      }
      for (long i = 0; i < b.size(); i++) {
        if (b.kind().isFloat) {
          b.setDouble(i, init.get(i));
        } else {
          b.setLong(i, (long) init.get(i));
        }
      }
    }
    globals.put(name, b);
    return b;
  }
}
