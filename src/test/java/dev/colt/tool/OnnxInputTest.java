// colt-opt and colt-run on .onnx files: import, lowering, and errors with exit status 1.
package dev.colt.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.graph.onnx.OnnxModelBuilder;
import dev.colt.ir.FloatType;
import dev.colt.ir.TensorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxInputTest {
  @TempDir
  Path dir;

  private record Result(int status, String out, String err) {}

  private static Result opt(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ColtOpt.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ColtRun.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static TensorType t(long... dims) {
    return TensorType.of(FloatType.F32, dims);
  }

  @Test
  void coltOptImportsAndLowersAnOnnxModel() {
    Result r = opt("testdata/models/conv_block.onnx",
        "--pass-pipeline=builtin.module(lower-graph-to-affine)");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("memref.global \"private\" constant @conv_block_cst0"), r.out());
    assertTrue(r.out().contains("func.func @conv_block(%arg0: memref<1x8x16x16xf32>, %arg1:"
        + " memref<1x16x8x8xf32>)"), r.out());
    assertTrue(!r.out().contains("graph."), r.out());
  }

  @Test
  void coltRunGivesTheSameOutputForTheOnnxAndTheGraphIrVersion() {
    Result onnx = run("testdata/models/mlp.onnx", "--print-checksums");
    Result text = run("testdata/models/mlp.mlir", "--print-checksums");
    assertEquals(0, onnx.status(), onnx.err());
    assertEquals(0, text.status(), text.err());
    List<String> onnxLines = onnx.out().lines().toList();
    List<String> textLines = text.out().lines().toList();
    assertEquals(textLines.get(0), onnxLines.get(0), "the input x is argument 0 in both");
    assertEquals(textLines.get(textLines.size() - 1).replaceFirst("arg\\d+", ""),
        onnxLines.get(onnxLines.size() - 1).replaceFirst("arg\\d+", ""), "the output");
  }

  @Test
  void truncatedUnsupportedAndMismatchedModelsFailWithStatusOne() throws IOException {
    byte[] full = Files.readAllBytes(Path.of("testdata/models/mlp.onnx"));
    Path truncated = dir.resolve("truncated.onnx");
    Files.write(truncated, Arrays.copyOf(full, full.length / 3));
    Result r = opt(truncated.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(truncated + ": error: not a valid ONNX model (truncated or"
        + " corrupt protobuf"), r.err());

    Path unsupported = dir.resolve("unsupported.onnx");
    Files.write(unsupported, new OnnxModelBuilder("g", 17).input("x", t(4))
        .node("Cos", "c1", List.of("x"), List.of("a")).node("Erf", "e1", List.of("a"),
            List.of("y")).output("y", t(4)).build().toByteArray());
    r = run(unsupported.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(unsupported + ": error: unsupported ONNX ops: Cos (node 'c1'),"
        + " Erf (node 'e1')"), r.err());

    Path mismatch = dir.resolve("mismatch.onnx");
    Files.write(mismatch, new OnnxModelBuilder("g", 17).input("x", t(2, 3))
        .node("Transpose", "tr", List.of("x"), List.of("y")).output("y", t(2, 3)).build()
        .toByteArray());
    r = opt(mismatch.toString());
    assertEquals(1, r.status());
    assertEquals(mismatch + ": error: shape mismatch: graph output 'y' is declared as [2, 3] but"
        + " computes tensor<3x2xf32>\n", r.err());
  }
}
