// Property tests of the text layer: round trips of maps, sets and modules; mutated text only fails cleanly.
package dev.colt.ir.text;

import dev.colt.ir.AffineExprFormatter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextProperties {
  private static Attribute parseAttr(String aliasDef) {
    Operation m = Parser.parseModule(aliasDef + "\n\"test.op\"() {a = #x} : () -> ()\n", "p.mlir");
    return ModuleOp.body(m).get(0).attr("a");
  }

  @Property(tries = 300)
  void affineMapsPrintAndParseBackEqual(@ForAll long seed) {
    AffineMap map = new RandomIr(seed).map();
    String text = "#x = affine_map<" + AffineExprFormatter.format(map) + ">";
    assertEquals(new Attribute.AffineMapAttr(map), parseAttr(text), text);
  }

  @Property(tries = 200)
  void integerSetsPrintAndParseBackEqual(@ForAll long seed) {
    IntegerSet set = new RandomIr(seed).set();
    String text = "#x = affine_set<" + AffineExprFormatter.format(set) + ">";
    assertEquals(new Attribute.IntegerSetAttr(set), parseAttr(text), text);
  }

  @Property(tries = 500)
  void floatSpellingsParseBackToTheSameBits(@ForAll long bits, @ForAll boolean wide) {
    for (FloatType t : wide ? List.of(FloatType.F64) : List.of(FloatType.F16, FloatType.F32)) {
      double v = FloatFormat.fromBits(bits, t);
      if (Double.isNaN(v)) {
        continue;
      }
      String s = FloatFormat.format(v, t);
      double back = s.startsWith("0x")
          ? FloatFormat.fromBits(Long.parseUnsignedLong(s.substring(2), 16), t)
          : FloatFormat.parseDecimal(s, t);
      assertEquals(FloatFormat.toBits(v, t), FloatFormat.toBits(back, t), t + " " + s);
    }
  }

  @Property(tries = 100)
  void randomModulesPrintParsePrintIdentically(@ForAll long seed) {
    Operation module = new RandomIr(seed).module();
    List<Diagnostic> problems = Verifier.verify(module);
    assertTrue(problems.isEmpty(), "generator built invalid IR: " + problems);
    String printed = Printer.print(module);
    Operation back;
    try {
      back = Parser.parseModule(printed, "printed.mlir");
    } catch (DiagnosticException e) {
      throw new AssertionError(new DiagnosticRenderer(printed).render(e) + "\n" + printed, e);
    }
    assertEquals(printed, Printer.print(back));
    String generic = Printer.printGeneric(module);
    assertEquals(printed, Printer.print(Parser.parseModule(generic, "generic.mlir")), generic);
  }

  static List<String> corpus() {
    List<String> texts = new ArrayList<>();
    try {
      for (Path p : MlirOptDifferentialTest.kernels()) {
        texts.add(Files.readString(p));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (long seed = 0; seed < 4; seed++) {
      texts.add(Printer.print(new RandomIr(seed).module()));
    }
    return texts;
  }

  private static final List<String> CORPUS = corpus();
  private static final String[] SNIPPETS = {"%", "%0", "(", ")", "{", "}", "[", "]", "<", ">",
      ",", ":", "=", "->", "-", "#map", "^bb0", "@f", "\"", "0x", "1.5", "affine_map<(d0) -> (d0)>",
      "loc(", "f32", "index", "memref<", "dense<", " ", "\n", "//", "floordiv", "symbol(", "max",
      "to", "step", "iter_args(", "return", "affine.yield", "}) : () -> ()", "\"test.op\"()"};

  /** Deletes, inserts or replaces characters and tokens at random. */
  static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int pos = sb.isEmpty() ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0 -> sb.deleteCharAt(Math.min(pos, Math.max(0, sb.length() - 1)));
        case 1 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + r.nextInt(12)));
        case 2 -> sb.insert(pos, SNIPPETS[r.nextInt(SNIPPETS.length)]);
        case 3 -> sb.insert(pos, (char) (32 + r.nextInt(95)));
        default -> {
          int end = pos;
          while (end < sb.length() && !Character.isWhitespace(sb.charAt(end))) {
            end++;
          }
          sb.replace(pos, end, SNIPPETS[r.nextInt(SNIPPETS.length)]);
        }
      }
    }
    return sb.toString();
  }

  @Property(tries = 300)
  void mutatedTextGivesADiagnosticOrValidIr(@ForAll long seed) {
    Random r = new Random(seed);
    String text = mutate(CORPUS.get(r.nextInt(CORPUS.size())), r);
    Operation m;
    try {
      m = Parser.parseModule(text, "mutated.mlir");
    } catch (DiagnosticException e) {
      Diagnostic d = e.diagnostics().get(0);
      assertTrue(d.location().isKnown() && d.location().line() <= text.split("\n", -1).length,
          "diagnostic location " + d.location() + " outside the text: " + d.message());
      assertTrue(!new DiagnosticRenderer(text).render(e).isEmpty());
      return;
    }
    String printed = Printer.print(m);
    assertEquals(printed, Printer.print(Parser.parseModule(printed, "reprinted.mlir")));
  }
}
