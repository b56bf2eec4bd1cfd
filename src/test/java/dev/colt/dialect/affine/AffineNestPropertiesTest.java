// Properties of random affine loop nests: they verify, round-trip through text, mlir-opt agrees.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Printer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AffineNestPropertiesTest {
  @Property(tries = 100)
  void randomNestsVerify(@ForAll long seed) {
    Operation scope = AffineTestDialect.scope(RandomAffineNest.ARG_TYPES,
        b -> RandomAffineNest.fill(seed, b));
    assertEquals(List.of(), OpChecker.errors(scope));
    Operation module = ModuleOp.create(List.of(RandomAffineNest.function(seed)));
    assertEquals(List.of(), Verifier.verify(module));
  }

  /**
   * Text read back prints identically. Built IR may print differently once: the parser numbers
   * subscript dims and symbols by first use, as MLIR's does, so the first parse canonicalizes.
   */
  @Property(tries = 100)
  void randomNestsRoundTripThroughText(@ForAll long seed) {
    String printed = Printer.print(ModuleOp.create(List.of(RandomAffineNest.function(seed))));
    String once = SyntaxRoundTrip.reprint(printed);
    assertEquals(once, SyntaxRoundTrip.reprint(once));
    assertEquals(opNames(printed), opNames(once));
  }

  /**
   * mlir-opt-22 accepts what we print for 40 random nests, in one module to keep it fast (skipped,
   * visibly, without it).
   */
  @Test
  void mlirOptAcceptsRandomNests() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(SyntaxRoundTrip.MLIR_OPT), "mlir-opt-22 missing");
    List<Operation> functions = new ArrayList<>();
    Random seeds = new Random(2026);
    for (int i = 0; i < 40; i++) {
      functions.add(RandomAffineNest.function("nest" + i, seeds.nextLong()));
    }
    String printed = Printer.print(ModuleOp.create(functions));
    String generic = SyntaxRoundTrip.generic(printed);
    assertEquals(40, generic.lines().filter(l -> l.contains("\"func.func\"")).count());
  }

  /** The op name (or other first word) of each line, without result names. */
  private static List<String> opNames(String text) {
    return text.lines().map(l -> l.replaceAll("^\\s*(%[^=]*= )?", ""))
        .map(l -> l.split(" ")[0]).toList();
  }
}
