// Converts an ONNX ModelProto into a builtin.module holding one func.func of graph ops.
package dev.colt.dialect.graph.onnx;

import dev.colt.dialect.graph.ConstantOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.ShapedType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import onnx.Onnx;

/**
 * ONNX to graph dialect. The model becomes {@code func.func @NAME(inputs) -> outputs} where NAME is
 * the graph's name made an identifier ({@code main} when empty); inputs that have an initializer
 * are constants, the others are arguments in graph order; initializers become {@code
 * graph.constant} ops where used as tensors. Supported: default-domain opsets
 * {@value #MIN_OPSET}..{@value #MAX_OPSET} (older ones for ops unchanged since), static shapes, the element types of
 * {@link OnnxTensors}, and the ops of {@link OnnxOps}.
 *
 * <p>Failures are {@link DiagnosticException}s located at the file: every unsupported op in one
 * message with its node names, then the first node that does not fit (with its name and type), and
 * declared shapes ({@code value_info}, graph outputs) that disagree with the inferred ones.
 */
public final class OnnxImporter {
  public static final int MIN_OPSET = 11;
  public static final int MAX_OPSET = 21;

  private final Location location;

  private OnnxImporter(Location location) {
    this.location = location;
  }

  /** Imports {@code model}; {@code fileName} locates diagnostics. */
  public static Operation importModel(Onnx.ModelProto model, String fileName) {
    return importModel(model, fileName, Map.of());
  }

  /**
   * Imports {@code model} with some graph inputs bound to known data: each becomes a constant
   * rather than a function argument (for shape or axes inputs a static-shape compiler must know).
   */
  public static Operation importModel(Onnx.ModelProto model, String fileName,
      Map<String, OnnxTensors.Data> bindings) {
    OnnxImporter importer = new OnnxImporter(new Location(fileName, 0, 0));
    try {
      return importer.run(model, bindings);
    } catch (OnnxException e) {
      throw new DiagnosticException(importer.location, e.getMessage());
    }
  }

  /**
   * The default-domain opset version of {@code model}; fails when absent, above
   * {@value #MAX_OPSET}, or older than the oldest opset of an op the graph uses (see
   * {@link OnnxOps#earliestOpset}), naming those ops.
   */
  public static int opset(Onnx.ModelProto model) {
    for (Onnx.OperatorSetIdProto id : model.getOpsetImportList()) {
      if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
        long v = id.getVersion();
        if (v < 1 || v > MAX_OPSET) {
          throw new OnnxException("opset " + v + " is not supported (supported: " + MIN_OPSET
              + " to " + MAX_OPSET + ")");
        }
        java.util.TreeSet<String> tooOld = new java.util.TreeSet<>();
        for (Onnx.NodeProto n : model.getGraph().getNodeList()) {
          if (v < OnnxOps.earliestOpset(n.getOpType())) {
            tooOld.add(n.getOpType());
          }
        }
        if (!tooOld.isEmpty()) {
          throw new OnnxException("opset " + v + " is not supported for "
              + String.join(", ", tooOld) + " (supported: " + MIN_OPSET + " to " + MAX_OPSET + ")");
        }
        return (int) v;
      }
    }
    throw new OnnxException("the model imports no default-domain (ai.onnx) opset");
  }

  private Operation run(Onnx.ModelProto model, Map<String, OnnxTensors.Data> bindings) {
    if (!model.hasGraph()) {
      throw new OnnxException("the model has no graph");
    }
    Onnx.GraphProto graph = model.getGraph();
    rejectUnsupported(graph);
    int opset = opset(model);

    ValueTable table = new ValueTable(location);
    Set<String> initialized = new HashSet<>();
    for (Onnx.TensorProto init : graph.getInitializerList()) {
      table.defineConstant(init.getName(), OnnxTensors.decode(init));
      initialized.add(init.getName());
    }
    for (Map.Entry<String, OnnxTensors.Data> b : bindings.entrySet()) {
      table.defineConstant(b.getKey(), b.getValue());
      initialized.add(b.getKey());
    }
    List<Value> arguments = new ArrayList<>();
    for (Onnx.ValueInfoProto in : graph.getInputList()) {
      if (initialized.contains(in.getName())) {
        continue;
      }
      Value arg = new Value(declaredType(in, true));
      arguments.add(arg);
      table.define(in.getName(), arg);
    }
    Map<String, Onnx.ValueInfoProto> declared = new HashMap<>();
    for (Onnx.ValueInfoProto vi : graph.getValueInfoList()) {
      declared.put(vi.getName(), vi);
    }
    for (int i = 0; i < graph.getNodeCount(); i++) {
      Onnx.NodeProto node = graph.getNode(i);
      String label = "node '" + (node.getName().isEmpty() ? "#" + i : node.getName()) + "' ("
          + node.getOpType() + ")";
      try {
        OnnxOps.converter(node.getOpType()).convert(new NodeContext(node, opset, table));
        for (String out : node.getOutputList()) {
          if (out.isEmpty()) {
            continue;
          }
          if (!table.isDefined(out)) {
            throw new OnnxException("output '" + out + "' was not produced");
          }
          checkDeclared(declared.get(out), table.type(out), "value '" + out + "'");
        }
      } catch (OnnxException e) {
        throw new OnnxException(label + ": " + e.getMessage());
      }
    }
    List<Value> results = new ArrayList<>();
    for (Onnx.ValueInfoProto out : graph.getOutputList()) {
      if (!table.isDefined(out.getName())) {
        throw new OnnxException("graph output '" + out.getName() + "' is not computed by any node");
      }
      Value v = table.value(out.getName());
      checkDeclared(out, (TensorType) v.type(), "graph output '" + out.getName() + "'");
      results.add(v);
    }
    Block.Builder body = table.body();
    body.add(Operation.create("func.return", results, List.of(), Map.of()));
    FunctionType fnType = new FunctionType(arguments.stream().map(Value::type).toList(),
        results.stream().map(Value::type).toList());
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("sym_name", new Attribute.StringAttr(functionName(graph.getName())));
    attrs.put("function_type", new Attribute.TypeAttr(fnType));
    Block entry = new Block(arguments, body.build().operations());
    Operation func = Operation.create("func.func", List.of(), List.of(), attrs,
        List.of(Region.of(entry)), location);
    return ModuleOp.create(List.of(func));
  }

  /** The graph name as a symbol: letters, digits and underscores; {@code main} when empty. */
  static String functionName(String graphName) {
    String s = graphName.replaceAll("[^A-Za-z0-9_]", "_");
    if (s.isEmpty()) {
      return "main";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  private void rejectUnsupported(Onnx.GraphProto graph) {
    Map<String, List<String>> unsupported = new LinkedHashMap<>();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      Onnx.NodeProto n = graph.getNode(i);
      boolean defaultDomain = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
      if (!defaultDomain || !OnnxOps.supports(n.getOpType())) {
        String op = defaultDomain ? n.getOpType() : n.getDomain() + "." + n.getOpType();
        unsupported.computeIfAbsent(op, k -> new ArrayList<>())
            .add("'" + (n.getName().isEmpty() ? "#" + i : n.getName()) + "'");
      }
    }
    if (!unsupported.isEmpty()) {
      List<String> parts = new ArrayList<>();
      unsupported.forEach((op, nodes) -> parts.add(op + " (node" + (nodes.size() > 1 ? "s " : " ")
          + String.join(", ", nodes) + ")"));
      throw new OnnxException("unsupported ONNX op" + (unsupported.size() > 1 ? "s: " : ": ")
          + String.join(", ", parts) + "; supported: " + String.join(", ", OnnxOps.supported()));
    }
  }

  /** The tensor type declared by {@code vi}; fails on non-tensors and dynamic dims when required. */
  private static TensorType declaredType(Onnx.ValueInfoProto vi, boolean requireShape) {
    String what = "input '" + vi.getName() + "'";
    if (!vi.getType().hasTensorType()) {
      throw new OnnxException(what + " is not a tensor (sequences, maps and optionals are not"
          + " supported)");
    }
    Onnx.TypeProto.Tensor t = vi.getType().getTensorType();
    Type elem;
    try {
      elem = OnnxTensors.elementType(t.getElemType());
    } catch (OnnxException e) {
      throw new OnnxException(what + ": " + e.getMessage());
    }
    if (!t.hasShape()) {
      if (requireShape) {
        throw new OnnxException(what + " has no shape; static shapes are required");
      }
      return null;
    }
    List<Long> dims = new ArrayList<>();
    for (Onnx.TensorShapeProto.Dimension d : t.getShape().getDimList()) {
      if (!d.hasDimValue()) {
        if (requireShape) {
          throw new OnnxException(what + " has a dynamic dimension"
              + (d.hasDimParam() ? " '" + d.getDimParam() + "'" : "")
              + "; static shapes are required");
        }
        dims.add(ShapedType.DYNAMIC);
      } else {
        dims.add(d.getDimValue());
      }
    }
    return new TensorType(dims, elem);
  }

  /** Fails when {@code vi} declares a shape or element type other than {@code actual}. */
  private static void checkDeclared(Onnx.ValueInfoProto vi, TensorType actual, String what) {
    if (vi == null || !vi.getType().hasTensorType()) {
      return;
    }
    Onnx.TypeProto.Tensor t = vi.getType().getTensorType();
    if (t.getElemType() != 0 && t.getElemType() != OnnxTensors.dataType(actual.elementType())) {
      throw new OnnxException("shape mismatch: " + what + " is declared with element type "
          + OnnxTensors.dataTypeName(t.getElemType()) + " but computes " + actual);
    }
    if (!t.hasShape()) {
      return;
    }
    List<Onnx.TensorShapeProto.Dimension> dims = t.getShape().getDimList();
    boolean ok = dims.size() == actual.rank();
    for (int i = 0; ok && i < dims.size(); i++) {
      ok = !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == actual.shape().get(i);
    }
    if (!ok) {
      List<String> shown = dims.stream()
          .map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : "?").toList();
      throw new OnnxException("shape mismatch: " + what + " is declared as " + shown
          + " but computes " + actual);
    }
  }

  /** Names to values and constant data; the body under construction. */
  static final class ValueTable {
    private final Location location;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, OnnxTensors.Data> constants = new HashMap<>();
    private final Block.Builder body = new Block.Builder();

    ValueTable(Location location) {
      this.location = location;
    }

    Location location() {
      return location;
    }

    Block.Builder body() {
      return body;
    }

    Value append(Operation op) {
      return body.addValue(op);
    }

    void define(String name, Value v) {
      values.put(name, v);
      constants.remove(name);
    }

    void defineConstant(String name, OnnxTensors.Data d) {
      constants.put(name, d);
      values.remove(name);
    }

    boolean isDefined(String name) {
      return values.containsKey(name) || constants.containsKey(name);
    }

    /** Constant data of {@code name}, or null when it is not a constant. */
    OnnxTensors.Data constant(String name) {
      return constants.get(name);
    }

    TensorType type(String name) {
      OnnxTensors.Data d = constants.get(name);
      if (d != null) {
        return d.type();
      }
      return (TensorType) value(name).type();
    }

    /** The value of {@code name}, materializing a constant as graph.constant on first use. */
    Value value(String name) {
      Value v = values.get(name);
      if (v != null) {
        return v;
      }
      OnnxTensors.Data d = constants.get(name);
      if (d == null) {
        throw new OnnxException("value '" + name + "' is used before it is defined");
      }
      v = append(ConstantOp.build(new Attribute.DenseElementsAttr(d.type(), d.values()),
          location));
      values.put(name, v);
      return v;
    }
  }
}
