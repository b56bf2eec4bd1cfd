// A problem found while reading an ONNX model, before it is given a location.
package dev.colt.dialect.graph.onnx;

/** Unchecked failure inside the importer; {@link ModelLoader} turns it into a diagnostic. */
public final class OnnxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OnnxException(String message) {
    super(message);
  }
}
