// Thrown by graph shape inference when operand types or attributes do not fit an op.
package dev.colt.dialect.graph;

/**
 * A shape inference failure with a user-facing message (no location: the verifier and the ONNX
 * importer attach one). Unchecked so inference helpers compose without plumbing.
 */
public final class ShapeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShapeException(String message) {
    super(message);
  }
}
