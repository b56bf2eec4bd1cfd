// Lowers one tensor function to the memref calling convention of GraphToAffine.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.ConstantOp;
import dev.colt.dialect.memref.MemRefAllocOp;
import dev.colt.dialect.memref.MemRefDeallocOp;
import dev.colt.dialect.memref.MemRefGetGlobalOp;
import dev.colt.dialect.memref.MemRefGlobalOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One function's lowering: buffers for tensor values, the new body, globals for constants. */
final class FunctionLowerer implements LoweringContext {
  private final Operation func;
  private final List<Operation> globals;
  private final String name;
  private final Map<Value, Value> buffers = new IdentityHashMap<>();
  private final List<Value> temporaries = new ArrayList<>();
  private Block.Builder body;

  FunctionLowerer(Operation func, List<Operation> globals) {
    this.func = func;
    this.globals = globals;
    this.name = ((Attribute.StringAttr) func.attr("sym_name")).value();
  }

  /** The memref type holding tensor {@code t}; fails on dynamic shapes or non-tensors. */
  static MemRefType bufferType(Type t, Operation at) {
    if (!(t instanceof TensorType tt) || !tt.hasStaticShape()) {
      throw new DiagnosticException(at.location(), "lower-graph-to-affine: expected a statically"
          + " shaped tensor, got " + t);
    }
    return new MemRefType(tt.shape(), tt.elementType());
  }

  Operation lower() {
    Block entry = func.body();
    Operation ret = entry.terminator();
    if (ret == null || !ret.is("func.return")) {
      throw new DiagnosticException(func.location(), "lower-graph-to-affine: function @" + name
          + " must end with func.return");
    }
    List<Value> args = new ArrayList<>();
    for (Value a : entry.arguments()) {
      Value m = new Value(bufferType(a.type(), func));
      buffers.put(a, m);
      args.add(m);
    }
    List<Value> outputs = new ArrayList<>();
    Map<Value, Value> resultTargets = new IdentityHashMap<>();
    List<Boolean> needsCopy = new ArrayList<>();
    for (Value r : ret.operands()) {
      Value out = new Value(bufferType(r.type(), ret));
      outputs.add(out);
      boolean direct = !buffers.containsKey(r) && !resultTargets.containsKey(r)
          && !definedByConstant(entry, r);
      if (direct) {
        resultTargets.put(r, out);
      }
      needsCopy.add(!direct);
    }
    args.addAll(outputs);
    body = new Block.Builder(args);
    for (Operation op : entry.withoutTerminator()) {
      lowerOp(op, resultTargets);
    }
    for (int i = 0; i < outputs.size(); i++) {
      if (needsCopy.get(i)) {
        LayoutLowering.copy(this, buffers.get(ret.operand(i)), outputs.get(i));
      }
    }
    for (Value t : temporaries) {
      body.add(MemRefDeallocOp.build(t));
    }
    body.add(Operation.create("func.return", List.of(), List.of(), Map.of(), List.of(),
        ret.location()));
    Map<String, Attribute> attrs = new TreeMap<>(func.attributes());
    attrs.put("function_type", new Attribute.TypeAttr(new FunctionType(
        args.stream().map(Value::type).toList(), List.of())));
    return Operation.create("func.func", List.of(), List.of(), attrs,
        List.of(Region.of(body.build())), func.location());
  }

  private static boolean definedByConstant(Block entry, Value v) {
    for (Operation op : entry.operations()) {
      if (op.is(ConstantOp.NAME) && op.result() == v) {
        return true;
      }
    }
    return false;
  }

  private void lowerOp(Operation op, Map<Value, Value> resultTargets) {
    if (op.is(ConstantOp.NAME)) {
      Attribute.DenseElementsAttr value = ConstantOp.value(op);
      MemRefType type = bufferType(op.result().type(), op);
      double[] values = value.isSplat() ? new double[] {value.get(0)} : value.values();
      buffers.put(op.result(), constantBuffer(type, values));
      return;
    }
    LoweringContext.OpLowering lowering = GraphToAffine.lowering(op.name());
    if (lowering == null || op.results().size() != 1) {
      throw new DiagnosticException(op.location(), "lower-graph-to-affine: cannot lower '"
          + op.name() + "' in a tensor function");
    }
    List<Value> operands = new ArrayList<>();
    for (Value v : op.operands()) {
      Value m = buffers.get(v);
      if (m == null) {
        throw new DiagnosticException(op.location(), "lower-graph-to-affine: operand of '"
            + op.name() + "' is not a lowered tensor");
      }
      operands.add(m);
    }
    Value result = resultTargets.get(op.result());
    if (result == null) {
      result = alloc(bufferType(op.result().type(), op));
    }
    buffers.put(op.result(), result);
    lowering.lower(this, op, operands, result);
  }

  @Override
  public Block.Builder body() {
    return body;
  }

  @Override
  public Value alloc(MemRefType type) {
    Value v = body.addValue(MemRefAllocOp.build(type));
    temporaries.add(v);
    return v;
  }

  @Override
  public Value constantBuffer(MemRefType type, double[] values) {
    String symbol = name + "_cst" + globals.size();
    Operation global = MemRefGlobalOp.buildConstant(symbol, type, values);
    globals.add(global);
    return body.addValue(MemRefGetGlobalOp.build(global));
  }
}
