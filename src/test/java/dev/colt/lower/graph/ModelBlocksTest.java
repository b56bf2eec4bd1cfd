// The model blocks of testdata/models: ONNX files in sync, and graph IR, ONNX import and ONNX Runtime agree.
package dev.colt.lower.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.colt.dialect.graph.onnx.ModelLoader;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.text.Parser;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import onnx.Onnx;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each block: the committed {@code .onnx} equals what {@link ModelBlocks} builds (run with
 * {@code -Dcolt.regenerate=true} to rewrite them); the {@code .mlir} version on pattern inputs and
 * the imported {@code .onnx} on the pattern inputs of its graph inputs, both lowered and
 * interpreted, match ONNX Runtime on the {@code .onnx} file.
 */
class ModelBlocksTest {
  static final Path DIR = Path.of("testdata/models");
  static final double RTOL = 1e-3;
  static final double ATOL = 1e-4;

  @TestFactory
  Stream<DynamicTest> blocks() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : ModelBlocks.NAMES) {
      tests.add(DynamicTest.dynamicTest(name + ".onnx is up to date", () -> upToDate(name)));
      tests.add(DynamicTest.dynamicTest(name + " matches ONNX Runtime", () -> agree(name)));
    }
    return tests.stream();
  }

  private static void upToDate(String name) throws IOException {
    byte[] built = ModelBlocks.build(name).toByteArray();
    Path file = DIR.resolve(name + ".onnx");
    if (Boolean.getBoolean("colt.regenerate")) {
      Files.write(file, built);
    }
    assertArrayEquals(built, Files.readAllBytes(file), file + " differs from ModelBlocks."
        + name + "; regenerate with -Dcolt.regenerate=true");
  }

  private static void agree(String name) throws IOException, OrtException {
    Operation fromText = Parser.parseModule(Files.readString(DIR.resolve(name + ".mlir")),
        name + ".mlir");
    Path onnxFile = DIR.resolve(name + ".onnx");
    Operation fromOnnx = ModelLoader.load(onnxFile);
    FunctionType textType = GraphRunner.signature(GraphRunner.function(fromText));
    FunctionType onnxType = GraphRunner.signature(GraphRunner.function(fromOnnx));
    assertEquals(textType.results(), onnxType.results());
    assertEquals(textType.inputs().subList(0, onnxType.inputs().size()), onnxType.inputs());

    List<double[]> textInputs = patternInputs(textType.inputs());
    double[] viaText = GraphRunner.run(fromText, textInputs).get(0);
    double[] viaOnnx = GraphRunner.run(fromOnnx, textInputs.subList(0, onnxType.inputs().size()))
        .get(0);
    double[] reference = onnxRuntime(Files.readAllBytes(onnxFile), textInputs);
    check("graph IR", viaText, reference);
    check("ONNX import", viaOnnx, reference);
  }

  private static List<double[]> patternInputs(List<dev.colt.ir.Type> types) {
    List<double[]> out = new ArrayList<>();
    for (int a = 0; a < types.size(); a++) {
      out.add(ModelBlocks.pattern(a, (TensorType) types.get(a)));
    }
    return out;
  }

  private static void check(String what, double[] actual, double[] expected) {
    int bad = GraphRunner.firstMismatch(actual, expected, RTOL, ATOL);
    if (bad >= 0) {
      fail(what + ": element " + bad + " is " + actual[bad] + ", ONNX Runtime gives "
          + expected[bad]);
    }
  }

  /** Runs the model with ONNX Runtime, feeding graph input i from {@code inputs.get(i)}. */
  private static double[] onnxRuntime(byte[] model, List<double[]> inputs) throws OrtException,
      IOException {
    Onnx.ModelProto proto = Onnx.ModelProto.parseFrom(model);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
      Map<String, OnnxTensor> feeds = new HashMap<>();
      try {
        for (int i = 0; i < proto.getGraph().getInputCount(); i++) {
          Onnx.ValueInfoProto in = proto.getGraph().getInput(i);
          long[] shape = in.getType().getTensorType().getShape().getDimList().stream()
              .mapToLong(Onnx.TensorShapeProto.Dimension::getDimValue).toArray();
          double[] values = inputs.get(i);
          float[] data = new float[values.length];
          for (int k = 0; k < data.length; k++) {
            data[k] = (float) values[k];
          }
          feeds.put(in.getName(), OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
        }
        try (OrtSession.Result result = session.run(feeds)) {
          FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
          double[] r = new double[out.remaining()];
          for (int k = 0; k < r.length; k++) {
            r[k] = out.get(k);
          }
          return r;
        }
      } finally {
        feeds.values().forEach(OnnxTensor::close);
      }
    }
  }
}
