// Custom text form of builtin.module: `module [@name] [attributes {..}] { ops }`.
package dev.colt.ir.text;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The syntax of {@code builtin.module}; the module's single block has no terminator. */
final class ModuleSyntax implements OpSyntax {
  static final ModuleSyntax INSTANCE = new ModuleSyntax();

  private ModuleSyntax() {}

  @Override
  public void print(Operation op, OpPrinter p) {
    if (op.attr("sym_name") instanceof Attribute.StringAttr name) {
      p.print(" ").printAttribute(new Attribute.SymbolRefAttr(name.value()));
    }
    Map<String, Attribute> rest = new TreeMap<>(op.attributes());
    rest.remove("sym_name");
    rest.remove("sym_visibility");
    if (!rest.isEmpty()) {
      p.print(" attributes");
      p.printOptionalAttrDict(rest, Set.of());
    }
    p.print(" ");
    p.printRegion(op.region(0), false, false);
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    Map<String, Attribute> attrs = new TreeMap<>();
    if (p instanceof OperationParser op && op.tok().is(Token.Kind.SYMBOL)) {
      attrs.put("sym_name", new Attribute.StringAttr(p.parseSymbolName()));
    }
    if (p.parseOptionalKeyword("attributes")) {
      attrs.putAll(p.parseOptionalAttrDict());
    }
    Region body = p.parseRegion(List.of(), List.of(), true);
    if (body.blocks().isEmpty()) {
      body = Region.of(new Block(List.of(), List.of()));
    }
    return Operation.create(ModuleOp.NAME, List.of(), List.of(), attrs, List.of(body), location);
  }
}
