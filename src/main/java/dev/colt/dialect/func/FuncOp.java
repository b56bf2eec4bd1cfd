// func.func: a named function with one isolated region whose entry block arguments are its arguments.
package dev.colt.dialect.func;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code func.func @f(%arg0: memref<4xf32>) -> f32 attributes {..} {..}} and declarations
 * {@code func.func private @g(f32) -> f32} (an empty region). Attributes {@code sym_name},
 * {@code function_type} and optional {@code sym_visibility}.
 */
public final class FuncOp implements OpDefinition, OpSyntax {
  public static final String NAME = "func.func";
  private static final Set<String> ELIDED =
      Set.of("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.ISOLATED_FROM_ABOVE, OpTrait.SYMBOL, OpTrait.AFFINE_SCOPE);
  }

  @Override
  public String defaultDialect() {
    return "func";
  }

  /**
   * A function with a body: {@code body} receives a builder whose arguments are the function's
   * arguments and must add the ops including the final {@code func.return}.
   */
  public static Operation create(String name, FunctionType type, Consumer<Block.Builder> body) {
    List<Value> args = new ArrayList<>();
    for (Type t : type.inputs()) {
      args.add(new Value(t));
    }
    Block.Builder b = new Block.Builder(args);
    body.accept(b);
    return Operation.create(NAME, List.of(), List.of(), attributes(name, type, null),
        List.of(Region.of(b.build())), Location.UNKNOWN);
  }

  /** A private declaration (no body). */
  public static Operation declare(String name, FunctionType type) {
    return Operation.create(NAME, List.of(), List.of(), attributes(name, type, "private"),
        List.of(new Region(List.of())), Location.UNKNOWN);
  }

  private static Map<String, Attribute> attributes(String name, FunctionType type,
      String visibility) {
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("sym_name", new Attribute.StringAttr(name));
    attrs.put("function_type", new Attribute.TypeAttr(type));
    if (visibility != null) {
      attrs.put("sym_visibility", new Attribute.StringAttr(visibility));
    }
    return attrs;
  }

  /** The symbol name; precondition: {@code op} is a verified func.func. */
  public static String name(Operation op) {
    return ((Attribute.StringAttr) op.attr("sym_name")).value();
  }

  /** The function type; precondition: {@code op} is a verified func.func. */
  public static FunctionType functionType(Operation op) {
    return (FunctionType) ((Attribute.TypeAttr) op.attr("function_type")).type();
  }

  /** True for a declaration (no body). */
  public static boolean isDeclaration(Operation op) {
    return op.region(0).blocks().isEmpty();
  }

  /** The function's arguments (entry block arguments); precondition: it has a body. */
  public static List<Value> arguments(Operation op) {
    return op.body().arguments();
  }

  /** The func.func named {@code name} among the module's top-level ops, or null. */
  public static Operation lookup(Operation module, String name) {
    for (Operation op : ModuleOp.body(module)) {
      if (op.is(NAME) && op.attr("sym_name") instanceof Attribute.StringAttr s
          && s.value().equals(name)) {
        return op;
      }
    }
    return null;
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!(op.attr("sym_name") instanceof Attribute.StringAttr)) {
      sink.error(op, "requires a string attribute 'sym_name'");
      return;
    }
    if (!(op.attr("function_type") instanceof Attribute.TypeAttr t)
        || !(t.type() instanceof FunctionType ft)) {
      sink.error(op, "requires a type attribute 'function_type' holding a function type");
      return;
    }
    if (op.hasAttr("sym_visibility") && !(op.attr("sym_visibility")
        instanceof Attribute.StringAttr v && Set.of("public", "private", "nested")
        .contains(v.value()))) {
      sink.error(op, "has an invalid 'sym_visibility' (public, private or nested)");
    }
    if (!op.operands().isEmpty() || !op.results().isEmpty()) {
      sink.error(op, "takes no operands and has no results");
    }
    if (op.regions().size() != 1) {
      sink.error(op, "requires one region");
      return;
    }
    Region body = op.region(0);
    if (body.blocks().isEmpty()) {
      if (!(op.attr("sym_visibility") instanceof Attribute.StringAttr v)
          || v.value().equals("public")) {
        sink.error(op, "symbol declaration cannot have public visibility");
      }
      return;
    }
    List<Value> args = body.entry().arguments();
    List<Type> argTypes = args.stream().map(Value::type).toList();
    if (!argTypes.equals(ft.inputs())) {
      sink.error(op, "entry block argument types " + argTypes
          + " do not match the function type inputs " + ft.inputs());
    }
    for (Block b : body.blocks()) {
      Operation term = b.terminator();
      if (term != null && term.is(ReturnOp.NAME)) {
        List<Type> got = term.operands().stream().map(Value::type).toList();
        if (!got.equals(ft.results())) {
          sink.error(term, "'func.return' op has " + describe(got)
              + " but the enclosing function (@" + name(op) + ") returns "
              + describe(ft.results()));
        }
      }
    }
  }

  private static String describe(List<Type> types) {
    return types.isEmpty() ? "no operands" : "operand types (" + join(types) + ")";
  }

  private static String join(List<Type> types) {
    return String.join(", ", types.stream().map(Type::toString).toList());
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ");
    if (op.attr("sym_visibility") instanceof Attribute.StringAttr v
        && !v.value().equals("public")) {
      p.print(v.value()).print(" ");
    }
    p.printAttribute(new Attribute.SymbolRefAttr(name(op)));
    FunctionType ft = functionType(op);
    p.print("(");
    if (isDeclaration(op)) {
      p.printTypes(ft.inputs());
    } else {
      List<Value> args = arguments(op);
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          p.print(", ");
        }
        p.printArgumentDecl(args.get(i));
      }
    }
    p.print(")");
    if (!ft.results().isEmpty()) {
      p.print(" -> ");
      if (ft.results().size() == 1 && !(ft.results().get(0) instanceof FunctionType)) {
        p.printType(ft.results().get(0));
      } else {
        p.print("(").printTypes(ft.results()).print(")");
      }
    }
    Map<String, Attribute> rest = new TreeMap<>(op.attributes());
    rest.keySet().removeAll(ELIDED);
    if (!rest.isEmpty()) {
      p.print(" attributes");
      p.printOptionalAttrDict(rest, Set.of());
    }
    if (!isDeclaration(op)) {
      p.print(" ");
      p.printRegion(op.region(0), false, true);
    }
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    String visibility = null;
    if (p.parseOptionalKeyword("private")) {
      visibility = "private";
    } else if (p.parseOptionalKeyword("nested")) {
      visibility = "nested";
    } else if (p.parseOptionalKeyword("public")) {
      visibility = null;
    }
    String name = p.parseSymbolName();
    p.parsePunct("(");
    List<OpParser.Argument> args = new ArrayList<>();
    List<Type> inputs = new ArrayList<>();
    if (!p.parseOptionalPunct(")")) {
      Boolean named = null;
      do {
        Location at = p.location();
        OpParser.Argument a = p.parseOptionalArgument();
        if (named != null && named != (a != null)) {
          throw p.error(at, "expected " + (named ? "SSA identifier" : "type")
              + " (function arguments are either all named or all unnamed)");
        }
        named = a != null;
        if (a != null) {
          p.parsePunct(":");
          args.add(a);
        }
        inputs.add(p.parseType());
        if (p.parseOptionalPunct("{")) {
          throw p.error("argument attributes are not supported");
        }
        p.skipOptionalLocation();
      } while (p.parseOptionalPunct(","));
      p.parsePunct(")");
    }
    List<Type> results = List.of();
    if (p.parseOptionalPunct("->")) {
      results = p.parseResultTypes();
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    if (p.parseOptionalKeyword("attributes")) {
      Location at = p.location();
      attrs.putAll(p.parseOptionalAttrDict());
      for (String k : ELIDED) {
        if (attrs.containsKey(k)) {
          throw p.error(at, "'" + k + "' may not be given in the attribute dictionary");
        }
      }
    }
    FunctionType type = new FunctionType(inputs, results);
    attrs.putAll(attributes(name, type, visibility));
    Region body;
    Location regionAt = p.location();
    if (args.isEmpty() && !inputs.isEmpty()) {
      body = p.parseOptionalRegion(List.of(), List.of());
      if (body != null) {
        throw p.error(regionAt, "a function with a body must name its arguments");
      }
      body = new Region(List.of());
    } else {
      body = p.parseOptionalRegion(args, inputs);
      if (body == null) {
        body = new Region(List.of());
      }
    }
    return Operation.create(NAME, List.of(), List.of(), attrs, List.of(body), location);
  }
}
