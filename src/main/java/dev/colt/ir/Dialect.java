// A namespace of operations, discovered through java.util.ServiceLoader.
package dev.colt.ir;

import java.util.List;

/**
 * A dialect: a namespace and its operation definitions. Implementations are registered in
 * {@code META-INF/services/dev.colt.ir.Dialect} so that lower layers (parser, verifier) find them
 * without importing them.
 */
public interface Dialect {
  /** The prefix of every op name in this dialect ({@code affine}). */
  String namespace();

  /** Every op of the dialect. */
  List<OpDefinition> operations();
}
