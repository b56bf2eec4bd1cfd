// Schedules on the parsed testdata kernels: the result verifies, prints, re-parses and runs like the input.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelScheduleTest {

  private static Operation parse(String file) throws IOException {
    return Parser.parseModule(Files.readString(Path.of("testdata/kernels", file)), file);
  }

  /** The module with its first function replaced by the scheduled one. */
  private static Operation scheduled(Operation module, Trace trace) {
    Operation func = ModuleOp.body(module).get(0);
    return ModuleOp.create(List.of(trace.replay(func)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "matmul.mlir|matmul|tile i,j,k sizes=32,32,16;permute i.point,k.point,j.point;"
          + "vectorize j.point width=16;unroll j.point factor=2;unroll-and-jam i.point factor=4;"
          + "scalar-replace k.point;parallelize i.tile",
      "stencil.mlir|stencil|tile j,k sizes=16,16;unroll-and-jam j.point factor=2",
      "reduction.mlir|dot|vectorize i width=16;unroll i factor=2",
      "triangular.mlir|trmv|tile i sizes=32;parallelize i.tile;unroll i.point factor=2"})
  void scheduledKernelVerifiesPrintsAndComputesTheSame(String file, String entry,
      String actions) throws IOException {
    Operation module = parse(file);
    Trace trace = Trace.parseText(actions.replace(';', '\n'), "inline.trace");
    Operation out = scheduled(module, trace);
    assertEquals(List.of(), Verifier.verify(out));
    String text = Printer.print(out);
    Operation reparsed = Parser.parseModule(text, "printed.mlir");
    assertEquals(text, Printer.print(reparsed));
    List<String> before = Checksums.lines(Interpreter.runWithPatternInputs(module, entry));
    List<String> after = Checksums.lines(Interpreter.runWithPatternInputs(reparsed, entry));
    List<String> diff = Checksums.differences(before, after, 1e-4);
    assertTrue(diff.isEmpty(), () -> diff + "\n" + text);
  }

  @org.junit.jupiter.api.Test
  void timeSkewedStencilTilingAndVectorizingARecurrenceAreRefused() throws IOException {
    Operation stencil = ModuleOp.body(parse("stencil.mlir")).get(0);
    Trace.ReplayException e = org.junit.jupiter.api.Assertions.assertThrows(
        Trace.ReplayException.class,
        () -> Trace.parseText("tile i,j sizes=4,16\n", "t").replay(stencil));
    assertTrue(e.refusal() instanceof dev.colt.transform.Refusal.ViolatesDependence);
    Trace.ReplayException v = org.junit.jupiter.api.Assertions.assertThrows(
        Trace.ReplayException.class,
        () -> Trace.parseText("vectorize k width=8\n", "t").replay(stencil));
    assertTrue(v.refusal() instanceof dev.colt.transform.Refusal.Recurrence, v.getMessage());
  }
}
