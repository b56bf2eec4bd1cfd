// What an ONNX node converter sees: the node's inputs, attributes, opset, and where to emit ops.
package dev.colt.dialect.graph.onnx;

import dev.colt.dialect.graph.GraphOp;
import dev.colt.dialect.graph.ShapeException;
import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;
import onnx.Onnx;

/**
 * One node being converted. Inputs are materialized as graph values on demand, so inputs used only
 * as data (shapes, axes) never become ops. Failures are {@link OnnxException}s; the importer adds
 * the node's name and type.
 */
public final class NodeContext {
  private final Onnx.NodeProto node;
  private final int opset;
  private final OnnxImporter.ValueTable table;

  NodeContext(Onnx.NodeProto node, int opset, OnnxImporter.ValueTable table) {
    this.node = node;
    this.opset = opset;
    this.table = table;
  }

  /** The default-domain opset version the model imports. */
  public int opset() {
    return opset;
  }

  public String opType() {
    return node.getOpType();
  }

  // Inputs ---------------------------------------------------------------------------------------

  /** True when input {@code i} exists and is not the empty name (an omitted optional input). */
  public boolean hasInput(int i) {
    return i < node.getInputCount() && !node.getInput(i).isEmpty();
  }

  /** Input {@code i} as a graph value; fails when it is missing. */
  public Value input(int i) {
    if (!hasInput(i)) {
      throw new OnnxException("input #" + i + " is required");
    }
    return table.value(node.getInput(i));
  }

  /** The type of input {@code i}. */
  public TensorType inputType(int i) {
    if (!hasInput(i)) {
      throw new OnnxException("input #" + i + " is required");
    }
    return table.type(node.getInput(i));
  }

  /** Input {@code i} as constant data; fails unless it is an initializer or a Constant's output. */
  public OnnxTensors.Data constantInput(int i) {
    OnnxTensors.Data d = hasInput(i) ? table.constant(node.getInput(i)) : null;
    if (d == null) {
      throw new OnnxException("input #" + i + (hasInput(i) ? " ('" + node.getInput(i) + "')" : "")
          + " must be a constant (an initializer or a Constant node's output)");
    }
    return d;
  }

  // Outputs --------------------------------------------------------------------------------------

  /** Binds output {@code i} to {@code v}. */
  public void setOutput(int i, Value v) {
    table.define(node.getOutput(i), v);
  }

  /** Binds output {@code i} to constant data (materialized only if used as a tensor). */
  public void setConstantOutput(int i, OnnxTensors.Data d) {
    table.defineConstant(node.getOutput(i), d);
  }

  /** True when output {@code i} is named (so something may read it). */
  public boolean hasOutput(int i) {
    return i < node.getOutputCount() && !node.getOutput(i).isEmpty();
  }

  /** Fails when any output from {@code i} on is requested: the converter supports fewer outputs. */
  public void rejectOutputsFrom(int i, String what) {
    for (int k = i; k < node.getOutputCount(); k++) {
      if (!node.getOutput(k).isEmpty()) {
        throw new OnnxException("output #" + k + " (" + what + ") is not supported");
      }
    }
  }

  // Emitting -------------------------------------------------------------------------------------

  /** Appends a graph op with an inferred result type and returns its result. */
  public Value emit(GraphOp def, List<Value> operands, Map<String, Attribute> attrs) {
    try {
      return table.append(def.build(operands, attrs, table.location()));
    } catch (ShapeException e) {
      throw new OnnxException(e.getMessage());
    }
  }

  // Attributes -----------------------------------------------------------------------------------

  private Onnx.AttributeProto attribute(String name) {
    for (Onnx.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  public boolean hasAttr(String name) {
    return attribute(name) != null;
  }

  public long attrInt(String name, long dflt) {
    Onnx.AttributeProto a = attribute(name);
    return a == null ? dflt : a.getI();
  }

  /** A required integer attribute. */
  public long attrInt(String name) {
    Onnx.AttributeProto a = attribute(name);
    if (a == null) {
      throw new OnnxException("attribute '" + name + "' is required");
    }
    return a.getI();
  }

  public double attrFloat(String name, double dflt) {
    Onnx.AttributeProto a = attribute(name);
    return a == null ? dflt : a.getF();
  }

  public String attrString(String name, String dflt) {
    Onnx.AttributeProto a = attribute(name);
    return a == null ? dflt : a.getS().toStringUtf8();
  }

  /** The integer list, or {@code dflt} (possibly null) when absent. */
  public List<Long> attrInts(String name, List<Long> dflt) {
    Onnx.AttributeProto a = attribute(name);
    return a == null ? dflt : List.copyOf(a.getIntsList());
  }

  /** A tensor attribute, or null. */
  public Onnx.TensorProto attrTensor(String name) {
    Onnx.AttributeProto a = attribute(name);
    return a == null || !a.hasT() ? null : a.getT();
  }

  /** The names of the node's attributes, for rejecting unsupported ones. */
  public List<String> attrNames() {
    return node.getAttributeList().stream().map(Onnx.AttributeProto::getName).toList();
  }

  /** Fails when the node has an attribute named {@code name} with a value other than allowed. */
  public void requireAttr(String name, long allowed) {
    if (hasAttr(name) && attrInt(name) != allowed) {
      throw new OnnxException("attribute " + name + " = " + attrInt(name)
          + " is not supported (only " + allowed + ")");
    }
  }
}
