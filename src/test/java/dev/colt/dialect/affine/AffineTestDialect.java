// A test-only dialect standing in for func/arith: an affine scope, constants and opaque values.
package dev.colt.dialect.affine;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Dialect;
import dev.colt.ir.IndexType;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ops under {@code affinetest.}: {@code scope} (an isolated affine scope with block arguments,
 * like a function), {@code constant} (constant-like index), {@code opaque} (an index value that is
 * neither a dim nor a symbol when defined inside a loop). Registered only on the test class path.
 */
public final class AffineTestDialect implements Dialect {
  public static final String SCOPE = "affinetest.scope";
  public static final String CONSTANT = "affinetest.constant";
  public static final String OPAQUE = "affinetest.opaque";

  private record Def(String name, Set<OpTrait> traits) implements OpDefinition {
    @Override
    public void verify(Operation op, VerificationSink sink) {
    }
  }

  @Override
  public String namespace() {
    return "affinetest";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(
        new Def(SCOPE, Set.of(OpTrait.AFFINE_SCOPE, OpTrait.ISOLATED_FROM_ABOVE,
            OpTrait.NO_TERMINATOR)),
        new Def(CONSTANT, Set.of(OpTrait.CONSTANT_LIKE, OpTrait.PURE)),
        new Def(OPAQUE, Set.of()));
  }

  /** A scope whose block has arguments of {@code argTypes}, filled by {@code body}. */
  public static Operation scope(List<Type> argTypes, Consumer<Block.Builder> body) {
    List<Value> args = new ArrayList<>();
    for (Type t : argTypes) {
      args.add(new Value(t));
    }
    Block.Builder b = new Block.Builder(args);
    body.accept(b);
    return Operation.create(SCOPE, List.of(), List.of(), Map.of(), List.of(Region.of(b.build())),
        Location.UNKNOWN);
  }

  public static Operation constant(long v) {
    return Operation.create(CONSTANT, List.of(), List.of(IndexType.INSTANCE),
        Map.of("value", Attribute.index(v)));
  }

  public static Operation opaque() {
    return Operation.create(OPAQUE, List.of(), List.of(IndexType.INSTANCE), Map.of());
  }
}
