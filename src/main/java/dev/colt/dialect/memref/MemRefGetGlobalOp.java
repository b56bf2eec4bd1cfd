// memref.get_global: the buffer of a memref.global, by symbol name.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.OpContext;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code %w = memref.get_global @w : memref<4xf32>}: attribute {@code name} (symbol reference),
 * one memref result of the global's type. The global must exist in the enclosing module.
 */
public final class MemRefGetGlobalOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.get_global";
  public static final String GLOBAL_NAME = "name";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** The referenced global's symbol name (without {@code @}). */
  public static String globalName(Operation op) {
    return ((Attribute.SymbolRefAttr) op.attr(GLOBAL_NAME)).name();
  }

  /** Reads global {@code name} of {@code type}. */
  public static Operation build(String name, MemRefType type) {
    return Operation.create(NAME, List.of(), List.of(type),
        Map.of(GLOBAL_NAME, new Attribute.SymbolRefAttr(name)));
  }

  /** Reads the global defined by {@code global} (a memref.global op). */
  public static Operation build(Operation global) {
    return build(MemRefGlobalOp.symName(global), MemRefGlobalOp.type(global));
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!MemRefSupport.checkCounts(op, 0, 1, sink)) {
      return;
    }
    if (!(op.attr(GLOBAL_NAME) instanceof Attribute.SymbolRefAttr)) {
      MemRefSupport.error(sink, op, "requires attribute 'name' to be a symbol reference");
    }
    if (!(op.result().type() instanceof MemRefType)) {
      MemRefSupport.error(sink, op, "result #0 must be a memref, but got '" + op.result().type()
          + "'");
    }
  }

  @Override
  public void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
    if (!(op.attr(GLOBAL_NAME) instanceof Attribute.SymbolRefAttr ref)) {
      return;
    }
    Operation module = op;
    while (module != null && !module.is(ModuleOp.NAME)) {
      module = context.parent(module);
    }
    if (module == null) {
      return;
    }
    for (Operation top : ModuleOp.body(module)) {
      if (top.is(MemRefGlobalOp.NAME)
          && top.attr(MemRefGlobalOp.SYM_NAME) instanceof Attribute.StringAttr s
          && s.value().equals(ref.name())) {
        if (top.attr(MemRefGlobalOp.TYPE) instanceof Attribute.TypeAttr t
            && !t.type().equals(op.result().type())) {
          MemRefSupport.error(sink, op, "result type '" + op.result().type()
              + "' does not match type '" + t.type() + "' of the global memref @" + ref.name());
        }
        return;
      }
    }
    MemRefSupport.error(sink, op, "'" + ref.name() + "' does not reference a valid global memref");
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" @" + globalName(op) + " : ").printType(op.result().type());
    MemRefSupport.printAttrDict(printer, op, Set.of(GLOBAL_NAME));
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    String name = parser.parseSymbolName();
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    Map<String, Attribute> attrs = new TreeMap<>(parser.parseOptionalAttrDict());
    attrs.put(GLOBAL_NAME, new Attribute.SymbolRefAttr(name));
    return Operation.create(NAME, List.of(), List.of(type), attrs, List.of(),
        MemRefSupport.loc(location));
  }
}
