// Property: mutated arith/math/vector text yields a located diagnostic or valid IR, never a crash.
package dev.colt.dialect.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DialectTextFuzzTest {
  /** One edit: at a relative position, delete a token-sized span or insert a snippet. */
  record Edit(double where, int deleteLength, String insert) {}

  private static final List<String> SNIPPETS = List.of("", "%", ",", ":", "[", "]", "<", ">",
      "{", "}", "0", "-1", "f32", "i1", "index", "vector<8xf32>", "memref<?xf32>", " to ",
      " into ", " from ", "%arg0", "[7]", "dense<1.0>", "{in_bounds = [true]}",
      "{permutation_map = affine_map<(d0) -> (d0)>}", "<add>", "olt", "9999999999999999999",
      "0x7FC00000", "\"", "#map", "(", ")");

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 6), Arbitraries.of(SNIPPETS)).as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300)
  void mutationsGiveDiagnosticsNotCrashes(@ForAll("edits") List<Edit> edits) throws IOException {
    StringBuilder text = new StringBuilder(DialectTextTest.allOps());
    for (Edit e : edits) {
      int at = (int) (e.where() * text.length());
      text.delete(at, Math.min(text.length(), at + e.deleteLength()));
      text.insert(at, e.insert());
    }
    String mutated = text.toString();
    Operation module;
    try {
      module = Parser.parseModule(mutated, "fuzz.mlir");
    } catch (DiagnosticException d) {
      assertTrue(d.diagnostics().get(0).location().isKnown(), d.getMessage());
      return;
    }
    String printed = Printer.print(module);
    assertEquals(printed, Printer.print(Parser.parseModule(printed, "again.mlir")));
  }
}
