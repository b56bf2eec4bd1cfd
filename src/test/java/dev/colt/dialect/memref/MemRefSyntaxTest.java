// Round trips of every memref op's custom form, as mlir-opt-22 prints it.
package dev.colt.dialect.memref;

import dev.colt.dialect.affine.SyntaxRoundTrip;
import org.junit.jupiter.api.Test;

class MemRefSyntaxTest {
  @Test
  void roundTripsLikeMlirOpt() throws Exception {
    SyntaxRoundTrip.check(SyntaxRoundTrip.resource("memref_ops.mlir"));
  }
}
