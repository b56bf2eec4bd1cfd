// The table of supported ONNX op types and their converters to graph ops.
package dev.colt.dialect.graph.onnx;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which ONNX ops the importer converts, and how (see the converter classes per family). */
public final class OnnxOps {
  /** Converts one node: reads its inputs and attributes, emits ops, binds its outputs. */
  @FunctionalInterface
  public interface NodeConverter {
    void convert(NodeContext node);
  }

  private static final Map<String, NodeConverter> CONVERTERS = new TreeMap<>();

  static {
    MathConverters.register(CONVERTERS);
    NnConverters.register(CONVERTERS);
    LayoutConverters.register(CONVERTERS);
  }

  /**
   * Ops whose semantics have not changed since an opset older than {@link OnnxImporter#MIN_OPSET}
   * (ONNX's change log), with that opset; every other op needs at least MIN_OPSET.
   */
  private static final Map<String, Integer> EARLIEST_OPSET = Map.of("GlobalAveragePool", 1);

  private OnnxOps() {}

  /** The oldest default-domain opset at which {@code opType} is imported. */
  public static int earliestOpset(String opType) {
    return EARLIEST_OPSET.getOrDefault(opType, OnnxImporter.MIN_OPSET);
  }

  public static boolean supports(String opType) {
    return CONVERTERS.containsKey(opType);
  }

  /** The supported op types, sorted. */
  public static List<String> supported() {
    return List.copyOf(CONVERTERS.keySet());
  }

  static NodeConverter converter(String opType) {
    NodeConverter c = CONVERTERS.get(opType);
    if (c == null) {
      throw new OnnxException("unsupported op " + opType);
    }
    return c;
  }
}
