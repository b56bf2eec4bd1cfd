// Builders for small functions used by the canonicalize and CSE tests, and a semantic comparison.
package dev.colt.transform.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

final class CleanupTesting {
  private CleanupTesting() {}

  /** A {@code func.func @name} with the given argument types, body filled by {@code body}. */
  static Operation function(String name, List<Type> inputs,
      BiConsumer<Block.Builder, List<Value>> body) {
    List<Value> args = inputs.stream().map(Value::new).toList();
    Block.Builder b = new Block.Builder(args);
    body.accept(b, args);
    b.add(Operation.create("func.return", List.of(), List.of(), Map.of()));
    return Operation.create("func.func", List.of(), List.of(),
        Map.of("sym_name", new Attribute.StringAttr(name),
            "function_type", new Attribute.TypeAttr(new FunctionType(inputs, List.of()))),
        List.of(Region.of(b.build())), Location.UNKNOWN);
  }

  static Operation constant(Attribute value, Type type) {
    return Operation.create("arith.constant", List.of(), List.of(type), Map.of("value", value));
  }

  static Operation indexConstant(long v) {
    return constant(Attribute.index(v), IndexType.INSTANCE);
  }

  /** Every op nested in {@code root} called {@code name}. */
  static List<Operation> opsNamed(Operation root, String name) {
    return root.nestedOps().stream().filter(o -> o.is(name)).toList();
  }

  /** Asserts that {@code before} and {@code after} compute the same checksums. */
  static void assertSameResults(Operation before, Operation after) {
    String name = ((Attribute.StringAttr) before.attr("sym_name")).value();
    List<String> expected = Checksums.lines(Interpreter.runWithPatternInputs(
        ModuleOp.create(List.of(before)), name));
    List<String> actual = Checksums.lines(Interpreter.runWithPatternInputs(
        ModuleOp.create(List.of(after)), name));
    assertEquals(expected, actual);
  }
}
