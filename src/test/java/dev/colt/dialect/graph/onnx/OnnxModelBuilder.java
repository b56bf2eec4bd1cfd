// Builds small ONNX models with the generated protobuf classes, for tests and testdata files.
package dev.colt.dialect.graph.onnx;

import com.google.protobuf.ByteString;
import dev.colt.ir.TensorType;
import java.util.Arrays;
import java.util.List;
import onnx.Onnx;

/** A fluent ONNX model builder: inputs, initializers, nodes, outputs, one default-domain opset. */
public final class OnnxModelBuilder {
  private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
  private final int opset;

  public OnnxModelBuilder(String graphName, int opset) {
    graph.setName(graphName);
    this.opset = opset;
  }

  public static Onnx.ValueInfoProto valueInfo(String name, TensorType type) {
    Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
    for (long d : type.shape()) {
      shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
        .setTensorType(Onnx.TypeProto.Tensor.newBuilder()
            .setElemType(OnnxTensors.dataType(type.elementType())).setShape(shape))).build();
  }

  public OnnxModelBuilder input(String name, TensorType type) {
    graph.addInput(valueInfo(name, type));
    return this;
  }

  /** An input whose dimension {@code dynamicDim} is the symbol {@code param}. */
  public OnnxModelBuilder dynamicInput(String name, TensorType type, int dynamicDim, String param) {
    Onnx.ValueInfoProto.Builder vi = valueInfo(name, type).toBuilder();
    vi.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(dynamicDim)
        .clearDimValue().setDimParam(param);
    graph.addInput(vi);
    return this;
  }

  public OnnxModelBuilder output(String name, TensorType type) {
    graph.addOutput(valueInfo(name, type));
    return this;
  }

  public OnnxModelBuilder initializer(String name, TensorType type, double[] values) {
    graph.addInitializer(OnnxTensors.encode(name, type, values));
    return this;
  }

  public OnnxModelBuilder node(String opType, String name, List<String> inputs,
      List<String> outputs, Onnx.AttributeProto... attributes) {
    graph.addNode(Onnx.NodeProto.newBuilder().setOpType(opType).setName(name)
        .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(Arrays.asList(attributes)));
    return this;
  }

  public Onnx.ModelProto build() {
    return Onnx.ModelProto.newBuilder().setIrVersion(8).setProducerName("colt-tests")
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph).build();
  }

  public static Onnx.AttributeProto attr(String name, long v) {
    return Onnx.AttributeProto.newBuilder().setName(name)
        .setType(Onnx.AttributeProto.AttributeType.INT).setI(v).build();
  }

  public static Onnx.AttributeProto attr(String name, double v) {
    return Onnx.AttributeProto.newBuilder().setName(name)
        .setType(Onnx.AttributeProto.AttributeType.FLOAT).setF((float) v).build();
  }

  public static Onnx.AttributeProto attr(String name, String v) {
    return Onnx.AttributeProto.newBuilder().setName(name)
        .setType(Onnx.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(v))
        .build();
  }

  public static Onnx.AttributeProto ints(String name, long... v) {
    Onnx.AttributeProto.Builder b = Onnx.AttributeProto.newBuilder().setName(name)
        .setType(Onnx.AttributeProto.AttributeType.INTS);
    for (long x : v) {
      b.addInts(x);
    }
    return b.build();
  }
}
