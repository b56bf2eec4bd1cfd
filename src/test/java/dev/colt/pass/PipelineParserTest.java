// Tests of pipeline text: parsing, printing back, and located errors for bad pipelines and options.
package dev.colt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.DiagnosticException;
import dev.colt.pass.PipelineElement.OpPipeline;
import dev.colt.pass.PipelineElement.PassInvocation;
import dev.colt.pass.testpasses.TestOptionsPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PipelineParserTest {
  private static final PassRegistry REGISTRY = PassRegistry.global();

  private static OpPipeline parse(String text) {
    return PipelineParser.parse(text, "<pipeline>", REGISTRY);
  }

  private static DiagnosticException parseError(String text) {
    return assertThrows(DiagnosticException.class, () -> parse(text));
  }

  @Test
  void parsesNestedPipelineAndPrintsItBack() {
    OpPipeline p = parse("builtin.module(func.func(canonicalize, cse), test-module-remark)");
    assertEquals("builtin.module(func.func(canonicalize,cse),test-module-remark)", p.toString());
    OpPipeline func = assertInstanceOf(OpPipeline.class, p.elements().get(0));
    assertEquals(PassInfo.Anchor.FUNCTION, func.anchor());
    assertEquals(List.of("canonicalize", "cse"),
        func.elements().stream().map(e -> ((PassInvocation) e).name()).toList());
  }

  @Test
  void parsesTypedOptions() {
    OpPipeline p = parse("builtin.module(func.func(test-options{count=7 tile-sizes=32,32,8 "
        + "mode=exact flag label=\"a b\" ratio=2.5e-1 big=1099511627777}))");
    PassInvocation inv = (PassInvocation) ((OpPipeline) p.elements().get(0)).elements().get(0);
    PassOptions o = inv.options();
    assertEquals(7, o.get(TestOptionsPass.COUNT));
    assertEquals(List.of(32, 32, 8), o.get(TestOptionsPass.SIZES));
    assertEquals("exact", o.get(TestOptionsPass.MODE));
    assertEquals(true, o.get(TestOptionsPass.FLAG));
    assertEquals("a b", o.get(TestOptionsPass.LABEL));
    assertEquals(0.25, o.get(TestOptionsPass.RATIO));
    assertEquals(1099511627777L, o.get(TestOptionsPass.BIG));
    assertEquals("builtin.module(func.func(test-options{count=7 tile-sizes=32,32,8 mode=exact "
        + "flag=true label=\"a b\" ratio=0.25 big=1099511627777}))", p.toString());
  }

  @Test
  void unsetOptionsKeepTheirDefaults() {
    OpPipeline p = parse("builtin.module(func.func(test-options{count=3}))");
    PassInvocation inv = (PassInvocation) ((OpPipeline) p.elements().get(0)).elements().get(0);
    assertEquals(List.of(32, 32), inv.options().get(TestOptionsPass.SIZES));
    assertEquals("{count=3 big=1099511627776 ratio=0.5 flag=false label=x tile-sizes=32,32 "
        + "mode=fast}", inv.options().formatAll());
  }

  @Test
  void functionPassesMayBeListedAtModuleLevel() {
    OpPipeline p = parse("builtin.module(cse)");
    assertEquals("builtin.module(cse)", p.toString());
  }

  @Test
  void unknownOptionIsLocatedAndListsTheKnownOnes() {
    DiagnosticException e = parseError("builtin.module(func.func(canonicalize{max-iter=3}))");
    String msg = e.diagnostics().get(0).message();
    assertTrue(msg.contains("pass 'canonicalize' has no option 'max-iter'"), msg);
    assertTrue(msg.contains("max-iterations"), msg);
    assertEquals(39, e.diagnostics().get(0).location().column());
  }

  @Test
  void malformedValuesSayWhatWasExpected() {
    assertTrue(parseError("builtin.module(func.func(test-options{count=x}))").getMessage()
        .contains("option 'count' of pass 'test-options': expected an integer, got 'x'"));
    assertTrue(parseError("builtin.module(func.func(test-options{tile-sizes=1,a}))").getMessage()
        .contains("expected a comma-separated list of integers, got '1,a'"));
    assertTrue(parseError("builtin.module(func.func(test-options{mode=slow}))").getMessage()
        .contains("expected one of fast, exact, off, got 'slow'"));
    assertTrue(parseError("builtin.module(func.func(test-options{flag=maybe}))").getMessage()
        .contains("expected true or false"));
    assertTrue(parseError("builtin.module(func.func(test-options{ratio=1.2.3}))").getMessage()
        .contains("expected a number"));
    assertTrue(parseError("builtin.module(func.func(test-options{count=1 count=2}))")
        .getMessage().contains("given twice"));
    assertTrue(parseError("builtin.module(func.func(test-options{count=1")
        .getMessage().contains("missing '}'"));
  }

  @Test
  void structuralErrorsAreLocated() {
    DiagnosticException unknown = parseError("builtin.module(func.func(cse,nope))");
    assertTrue(unknown.getMessage().contains("unknown pass 'nope'"), unknown.getMessage());
    assertEquals(30, unknown.diagnostics().get(0).location().column());
    assertTrue(parseError("func.func(cse)").getMessage().contains("must start with builtin.module"));
    assertTrue(parseError("cse").getMessage().contains("builtin.module(func.func(cse))"));
    assertTrue(parseError("builtin.module(func.func(test-module-remark))").getMessage()
        .contains("cannot be nested inside func.func"));
    assertTrue(parseError("builtin.module(func.func(func.func(cse)))").getMessage()
        .contains("cannot be nested inside 'func.func'"));
    assertTrue(parseError("builtin.module(affine.for(cse))").getMessage()
        .contains("cannot nest a pipeline on 'affine.for'"));
    assertTrue(parseError("builtin.module(cse").getMessage().contains("expected ')'"));
    assertTrue(parseError("builtin.module(cse))").getMessage().contains("unexpected ')'"));
    assertTrue(parseError("builtin.module(cse,)").getMessage().contains("expected a pass name"));
  }

  @Test
  void errorsInMultiLinePipelinesReportTheLine() {
    DiagnosticException e = parseError("// a comment\nbuiltin.module(\n  func.func(cse, bad))");
    assertEquals(3, e.diagnostics().get(0).location().line());
    assertEquals(18, e.diagnostics().get(0).location().column());
  }

  @Property(tries = 200)
  void randomPipelinesPrintAndReparseIdentically(@ForAll long seed) {
    Random random = new Random(seed);
    OpPipeline pipeline = new OpPipeline("builtin.module", randomElements(random, true, 0));
    String text = pipeline.toString();
    OpPipeline reparsed = parse(text);
    assertEquals(pipeline, reparsed, text);
    assertEquals(text, reparsed.toString());
  }

  private static List<PipelineElement> randomElements(Random random, boolean moduleLevel,
      int depth) {
    List<PipelineElement> out = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      int choice = random.nextInt(6);
      if (moduleLevel && choice == 0 && depth == 0) {
        out.add(new OpPipeline("func.func", randomElements(random, false, depth + 1)));
      } else if (moduleLevel && choice == 1) {
        out.add(new PassInvocation(REGISTRY.lookup("test-module-remark"),
            defaultsOf("test-module-remark")));
      } else if (choice <= 3) {
        String name = random.nextBoolean() ? "cse" : "canonicalize";
        out.add(new PassInvocation(REGISTRY.lookup(name), defaultsOf(name)));
      } else {
        out.add(new PassInvocation(REGISTRY.lookup("test-options"), randomOptions(random)));
      }
    }
    return out;
  }

  private static PassOptions defaultsOf(String name) {
    return PassOptions.defaults(REGISTRY.lookup(name).info());
  }

  private static PassOptions randomOptions(Random random) {
    PassOptions o = PassOptions.defaults(TestOptionsPass.INFO);
    if (random.nextBoolean()) {
      o = o.with(TestOptionsPass.COUNT, random.nextInt());
    }
    if (random.nextBoolean()) {
      o = o.with(TestOptionsPass.BIG, random.nextLong());
    }
    if (random.nextBoolean()) {
      double d = switch (random.nextInt(3)) {
        case 0 -> random.nextDouble();
        case 1 -> random.nextGaussian() * 1e12;
        default -> -random.nextInt(100);
      };
      o = o.with(TestOptionsPass.RATIO, d);
    }
    if (random.nextBoolean()) {
      o = o.with(TestOptionsPass.FLAG, random.nextBoolean());
    }
    if (random.nextBoolean()) {
      String alphabet = "abz09 ,-=(){}_.";
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(6);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      o = o.with(TestOptionsPass.LABEL, s);
    }
    if (random.nextBoolean()) {
      List<Integer> sizes = new ArrayList<>();
      int len = random.nextInt(4);
      for (int i = 0; i < len; i++) {
        sizes.add(random.nextInt(2000) - 1000);
      }
      o = o.with(TestOptionsPass.SIZES, sizes);
    }
    if (random.nextBoolean()) {
      o = o.with(TestOptionsPass.MODE, List.of("fast", "exact", "off").get(random.nextInt(3)));
    }
    return o;
  }
}
