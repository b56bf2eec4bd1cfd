// Unit tests for the structural verifier on IR built directly (not parsed).
package dev.colt.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.func.FuncOp;
import dev.colt.dialect.func.ReturnOp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifierTest {
  private static final Location AT = new Location("v.mlir", 7, 3);

  private static Operation op(String name, List<Value> operands, List<Type> results,
      List<Region> regions) {
    return Operation.create(name, operands, results, Map.of(), regions, AT);
  }

  private static Operation testYield() {
    return op("test.yield", List.of(), List.of(), List.of());
  }

  private static Operation func(List<Operation> body, List<Value> args) {
    FunctionType ft = new FunctionType(args.stream().map(Value::type).toList(), List.of());
    return FuncOp.create("f", ft, b -> { }).withBody(new Block(args, body));
  }

  private static List<String> messages(List<Operation> body, List<Value> args) {
    return Verifier.verify(ModuleOp.create(List.of(func(body, args)))).stream()
        .map(Diagnostic::message).toList();
  }

  private static void assertSingle(String part, List<String> messages) {
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains(part), messages.get(0));
  }

  @Test
  void validIrHasNoDiagnostics() {
    Operation a = op("test.op", List.of(), List.of(FloatType.F32), List.of());
    Operation use = op("test.op", List.of(a.result()), List.of(), List.of());
    assertEquals(List.of(), messages(List.of(a, use, ReturnOp.create(List.of())), List.of()));
  }

  @Test
  void useBeforeDefinition() {
    Operation a = op("test.op", List.of(), List.of(FloatType.F32), List.of());
    Operation use = op("test.op", List.of(a.result()), List.of(), List.of());
    assertSingle("'test.op' op operand #0 does not dominate this use",
        messages(List.of(use, a, ReturnOp.create(List.of())), List.of()));
  }

  @Test
  void valueFromASiblingRegion() {
    Operation inner = op("test.op", List.of(), List.of(IndexType.INSTANCE), List.of());
    Operation loop = op("test.loop", List.of(), List.of(),
        List.of(Region.of(new Block(List.of(), List.of(inner, testYield())))));
    Operation use = op("test.op", List.of(inner.result()), List.of(), List.of());
    assertSingle("operand #0 uses a value that is not visible here",
        messages(List.of(loop, use, ReturnOp.create(List.of())), List.of()));
  }

  @Test
  void isolatedFromAbove() {
    Value arg = new Value(FloatType.F32);
    Operation use = op("test.op", List.of(arg), List.of(), List.of());
    Operation iso = op("test.isolated", List.of(), List.of(),
        List.of(Region.of(new Block(List.of(), List.of(use)))));
    assertSingle("uses a value defined outside the isolated region of 'test.isolated'",
        messages(List.of(iso, ReturnOp.create(List.of())), List.of(arg)));
  }

  @Test
  void missingAndMisplacedTerminators() {
    Operation a = op("test.op", List.of(), List.of(), List.of());
    assertSingle("must end with a terminator, not 'test.op'", messages(List.of(a), List.of()));
    assertSingle("'func.return' op must be the last operation in the parent block",
        messages(List.of(ReturnOp.create(List.of()), a, ReturnOp.create(List.of())), List.of()));
    Operation emptyLoop = op("test.loop", List.of(), List.of(),
        List.of(Region.of(new Block(List.of(), List.of()))));
    assertSingle("region #0 has an empty block",
        messages(List.of(emptyLoop, ReturnOp.create(List.of())), List.of()));
  }

  @Test
  void singleBlockRegions() {
    Operation loop = op("test.loop", List.of(), List.of(), List.of(new Region(List.of(
        new Block(List.of(), List.of(testYield())), new Block(List.of(), List.of(testYield()))))));
    assertSingle("expects region #0 to have 0 or 1 blocks",
        messages(List.of(loop, ReturnOp.create(List.of())), List.of()));
  }

  @Test
  void unregisteredOpsAndOpSpecificRules() {
    Operation bad = op("nope.op", List.of(), List.of(), List.of());
    Operation two = op("test.two_results", List.of(), List.of(FloatType.F32), List.of());
    List<String> ms = messages(List.of(bad, two, ReturnOp.create(List.of())), List.of());
    assertEquals(List.of("'nope.op' is not a registered operation",
        "'test.two_results' op expects two results, got 1"), ms);
  }

  @Test
  void valuesDefinedTwice() {
    Operation a = op("test.op", List.of(), List.of(FloatType.F32), List.of());
    List<String> ms = messages(List.of(a, a, ReturnOp.create(List.of())), List.of());
    assertTrue(ms.stream().anyMatch(m -> m.contains("already defined")), ms.toString());
  }

  @Test
  void verifyOrThrowCarriesLocatedDiagnostics() {
    Operation a = op("test.op", List.of(), List.of(), List.of());
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Verifier.verifyOrThrow(ModuleOp.create(List.of(func(List.of(a), List.of())))));
    assertEquals(AT, e.diagnostics().get(0).location());
  }
}
