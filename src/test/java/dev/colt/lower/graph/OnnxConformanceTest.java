// Runs the ONNX node tests (Debian libonnx-testdata) of supported ops: import, lower, interpret, compare.
package dev.colt.lower.graph;

import static org.junit.jupiter.api.Assertions.fail;

import dev.colt.dialect.graph.onnx.OnnxImporter;
import dev.colt.dialect.graph.onnx.OnnxOps;
import dev.colt.dialect.graph.onnx.OnnxTensors;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import onnx.Onnx;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every node test whose ops are all supported runs through ONNX import, lower-graph-to-affine, and
 * both the reference interpreter and the LLVM JIT, and each is compared with the expected outputs at ONNX's tolerance for
 * fp32 (rtol 1e-3, atol 1e-5). Cases outside COLT's scope are skipped with their reason (see
 * {@link #OUT_OF_SCOPE}); a summary test prints pass counts by op and writes them to
 * {@code target/onnx-conformance.txt}. Non-float graph inputs (shapes, axes) are bound to their
 * test data as constants: COLT compiles for static shapes. Skipped when the package is absent.
 */
class OnnxConformanceTest {
  static final Path NODE_TESTS = Path.of("/usr/share/libonnx-testdata/data/node");
  static final double RTOL = 1e-3;
  static final double ATOL = 1e-5;

  /** Import diagnostics that mark a test as out of scope, with the reason reported. */
  static final Map<String, String> OUT_OF_SCOPE = new LinkedHashMap<>();

  static {
    OUT_OF_SCOPE.put("opset ", "opset outside the supported range");
    OUT_OF_SCOPE.put("unsupported element type", "element type other than float/double");
    OUT_OF_SCOPE.put("only 2-D (NCHW, rank 4)", "1-D or 3-D convolution/pooling");
    OUT_OF_SCOPE.put("is not a tensor", "sequence/optional values");
    OUT_OF_SCOPE.put("(mask) is not supported", "Dropout mask output");
    OUT_OF_SCOPE.put("(Indices) is not supported", "MaxPool indices output");
    OUT_OF_SCOPE.put("training_mode", "training mode");
    OUT_OF_SCOPE.put("only float tensors are supported", "integer arithmetic");
  }

  private final Map<String, int[]> counts = new TreeMap<>();
  private final Map<String, List<String>> skipped = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> nodeTests() throws IOException {
    if (!Files.isDirectory(NODE_TESTS)) {
      return Stream.of(DynamicTest.dynamicTest("libonnx-testdata not installed", () ->
          Assumptions.abort("install Debian's libonnx-testdata to run the ONNX node tests")));
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(NODE_TESTS)) {
      for (Path dir : dirs.sorted().toList()) {
        Path model = dir.resolve("model.onnx");
        if (!Files.exists(model)) {
          continue;
        }
        Onnx.ModelProto proto = Onnx.ModelProto.parseFrom(Files.readAllBytes(model));
        Set<String> ops = new HashSet<>();
        proto.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
        if (ops.isEmpty() || !ops.stream().allMatch(OnnxOps::supports)) {
          continue;
        }
        String op = proto.getGraph().getNode(0).getOpType();
        String name = dir.getFileName().toString();
        tests.add(DynamicTest.dynamicTest(name, () -> run(name, op, dir, proto)));
      }
    }
    tests.add(DynamicTest.dynamicTest("summary", this::summary));
    return tests.stream();
  }

  private void run(String name, String op, Path dir, Onnx.ModelProto proto) throws IOException {
    int[] c = counts.computeIfAbsent(op, k -> new int[3]);
    try {
      runDataSets(dir, proto);
      c[0]++;
    } catch (OutOfScope e) {
      c[2]++;
      skipped.computeIfAbsent(e.getMessage(), k -> new ArrayList<>()).add(name);
      Assumptions.abort("out of scope: " + e.getMessage());
    } catch (AssertionError | RuntimeException e) {
      c[1]++;
      throw e;
    }
  }

  private static final class OutOfScope extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfScope(String reason) {
      super(reason);
    }
  }

  private static void runDataSets(Path dir, Onnx.ModelProto proto) throws IOException {
    Set<String> initializers = new HashSet<>();
    proto.getGraph().getInitializerList().forEach(t -> initializers.add(t.getName()));
    List<String> inputs = proto.getGraph().getInputList().stream()
        .map(Onnx.ValueInfoProto::getName).filter(n -> !initializers.contains(n)).toList();
    List<Path> sets;
    try (Stream<Path> s = Files.list(dir)) {
      sets = s.filter(p -> p.getFileName().toString().startsWith("test_data_set_")).sorted()
          .toList();
    }
    for (Onnx.ValueInfoProto in : proto.getGraph().getInputList()) {
      if (!in.getType().hasTensorType()) {
        throw new OutOfScope("sequence/optional values");
      }
    }
    for (Path set : sets) {
      Map<String, OnnxTensors.Data> bindings = new TreeMap<>();
      List<double[]> floatInputs = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        OnnxTensors.Data d = read(set.resolve("input_" + i + ".pb"));
        if (d.type().elementType().isFloat()) {
          floatInputs.add(d.values());
        } else {
          bindings.put(inputs.get(i), d);
        }
      }
      Operation module;
      try {
        module = OnnxImporter.importModel(proto, dir.resolve("model.onnx").toString(), bindings);
      } catch (DiagnosticException e) {
        String msg = e.diagnostics().get(0).message();
        for (Map.Entry<String, String> oos : OUT_OF_SCOPE.entrySet()) {
          if (msg.contains(oos.getKey())) {
            throw new OutOfScope(oos.getValue());
          }
        }
        throw e;
      }
      for (GraphRunner.Executor executor : GraphRunner.Executor.values()) {
        List<double[]> actual = GraphRunner.run(module, floatInputs, executor);
        for (int o = 0; o < actual.size(); o++) {
          double[] expected = read(set.resolve("output_" + o + ".pb")).values();
          int bad = GraphRunner.firstMismatch(actual.get(o), expected, RTOL, ATOL);
          if (bad >= 0) {
            fail(executor + ", " + set.getFileName() + " output " + o + ": element " + bad
                + " is " + (bad < actual.get(o).length ? actual.get(o)[bad] : "missing")
                + ", expected " + (bad < expected.length ? expected[bad] : "nothing") + " ("
                + expected.length + " elements expected, " + actual.get(o).length
                + " computed)");
          }
        }
      }
    }
  }

  private static OnnxTensors.Data read(Path pb) throws IOException {
    try {
      return OnnxTensors.decode(Onnx.TensorProto.parseFrom(Files.readAllBytes(pb)));
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().contains("unsupported element type")) {
        throw new OutOfScope("element type other than float/double");
      }
      throw e;
    }
  }

  private void summary() throws IOException {
    StringBuilder sb = new StringBuilder("ONNX node tests by op: passed / failed / out of scope\n");
    int[] total = new int[3];
    counts.forEach((op, c) -> {
      sb.append(String.format("  %-20s %3d / %d / %d%n", op, c[0], c[1], c[2]));
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    });
    sb.append(String.format("  %-20s %3d / %d / %d%n", "total", total[0], total[1], total[2]));
    sb.append("Out of scope:\n");
    skipped.forEach((reason, names) -> sb.append("  ").append(reason).append(": ")
        .append(String.join(", ", names)).append('\n'));
    System.out.print(sb);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/onnx-conformance.txt"), sb.toString());
  }
}
