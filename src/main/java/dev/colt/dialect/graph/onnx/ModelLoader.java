// Entry point for tools: reads an .onnx file into a module of graph ops.
package dev.colt.dialect.graph.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import onnx.Onnx;

/**
 * Loads ONNX models. {@link #isOnnx} decides by the {@code .onnx} extension; {@link #load} returns a
 * verified {@code builtin.module} (see {@link OnnxImporter} for its shape) or throws a
 * {@link DiagnosticException} located at the file for unreadable, truncated or unsupported models.
 */
public final class ModelLoader {
  private ModelLoader() {}

  /** True for file names ending in {@code .onnx} (any case). */
  public static boolean isOnnx(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
  }

  /** Reads and imports {@code path}. */
  public static Operation load(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new DiagnosticException(new Location(path.toString(), 0, 0),
          "cannot read ONNX model: " + e.getMessage());
    }
    return load(bytes, path.toString());
  }

  /** Imports a serialized model; {@code fileName} locates diagnostics. */
  public static Operation load(byte[] bytes, String fileName) {
    Onnx.ModelProto model;
    try {
      model = Onnx.ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new DiagnosticException(new Location(fileName, 0, 0), "not a valid ONNX model"
          + " (truncated or corrupt protobuf: " + e.getMessage() + ")");
    }
    Operation module = OnnxImporter.importModel(model, fileName);
    Verifier.verifyOrThrow(module);
    return module;
  }
}
