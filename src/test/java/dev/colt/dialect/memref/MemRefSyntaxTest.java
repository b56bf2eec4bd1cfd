// Round trips of every memref op's custom form, as mlir-opt-22 prints it.
package dev.colt.dialect.memref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.dialect.affine.SyntaxRoundTrip;
import dev.colt.ir.FloatType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemRefSyntaxTest {
  @Test
  void roundTripsLikeMlirOpt() throws Exception {
    SyntaxRoundTrip.check(SyntaxRoundTrip.resource("memref_ops.mlir"));
  }

  /** Awkward floats survive print and parse bit for bit, and mlir-opt reads them too. */
  @Test
  void globalInitialValuesKeepEveryBit() throws Exception {
    float[] values = {Float.NaN, 0.1f, 1e-8f, -0.0f, Float.POSITIVE_INFINITY, 0.123456789f,
        3.4028235e38f, Float.MIN_VALUE};
    double[] asDouble = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      asDouble[i] = values[i];
    }
    Operation global = MemRefGlobalOp.buildConstant("w",
        MemRefType.of(FloatType.F32, values.length), asDouble);
    String printed = Printer.print(ModuleOp.create(List.of(global)));
    Operation back = ModuleOp.body(Parser.parseModule(printed, "w.mlir")).get(0);
    double[] read = MemRefGlobalOp.initialValue(back).orElseThrow().values();
    for (int i = 0; i < values.length; i++) {
      assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits((float) read[i]),
          "element " + i + " of " + printed);
    }
    if (Files.isExecutable(SyntaxRoundTrip.MLIR_OPT)) {
      SyntaxRoundTrip.generic(printed);
    }
  }
}
