// memref.global: a named module-level buffer, optionally constant with dense initial contents.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code memref.global "private" constant @w : memref<4xf32> = dense<[...]>}. Attributes:
 * {@code sym_name}, optional {@code sym_visibility}, {@code type} (a static memref type),
 * optional {@code initial_value} (dense elements of the matching tensor type, or unit for
 * {@code uninitialized}; absent for an external declaration), optional unit {@code constant},
 * optional {@code alignment} (i64). No operands, results or regions.
 */
public final class MemRefGlobalOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.global";
  public static final String SYM_NAME = "sym_name";
  public static final String SYM_VISIBILITY = "sym_visibility";
  public static final String TYPE = "type";
  public static final String INITIAL_VALUE = "initial_value";
  public static final String CONSTANT = "constant";
  public static final String ALIGNMENT = "alignment";

  private static final Set<String> ELIDED = Set.of(SYM_NAME, SYM_VISIBILITY, TYPE,
      INITIAL_VALUE, CONSTANT);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.SYMBOL);
  }

  public static String symName(Operation op) {
    return ((Attribute.StringAttr) op.attr(SYM_NAME)).value();
  }

  public static MemRefType type(Operation op) {
    return (MemRefType) ((Attribute.TypeAttr) op.attr(TYPE)).type();
  }

  public static boolean isConstant(Operation op) {
    return op.hasAttr(CONSTANT);
  }

  /** The dense initial contents; empty when uninitialized or external. */
  public static Optional<Attribute.DenseElementsAttr> initialValue(Operation op) {
    return op.attr(INITIAL_VALUE) instanceof Attribute.DenseElementsAttr d ? Optional.of(d)
        : Optional.empty();
  }

  /** The tensor type an initial value of memref type {@code type} has. */
  public static TensorType initialValueType(MemRefType type) {
    return new TensorType(type.shape(), type.elementType());
  }

  /**
   * A private global {@code name} of {@code type} holding {@code values} (row-major, or one
   * value for a splat).
   *
   * @throws IllegalArgumentException when the type is not static or the value count is wrong
   */
  public static Operation buildConstant(String name, MemRefType type, double[] values) {
    if (!type.hasStaticShape()) {
      throw new IllegalArgumentException(NAME + ": type must be static, got " + type);
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(SYM_NAME, new Attribute.StringAttr(name));
    attrs.put(SYM_VISIBILITY, new Attribute.StringAttr("private"));
    attrs.put(TYPE, new Attribute.TypeAttr(type));
    attrs.put(CONSTANT, Attribute.UnitAttr.INSTANCE);
    attrs.put(INITIAL_VALUE, new Attribute.DenseElementsAttr(initialValueType(type), values));
    return Operation.create(NAME, List.of(), List.of(), attrs);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!MemRefSupport.checkCounts(op, 0, 0, sink)) {
      return;
    }
    if (!(op.attr(SYM_NAME) instanceof Attribute.StringAttr)) {
      MemRefSupport.error(sink, op, "requires attribute 'sym_name'");
    }
    if (op.hasAttr(SYM_VISIBILITY) && !(op.attr(SYM_VISIBILITY) instanceof Attribute.StringAttr)) {
      MemRefSupport.error(sink, op, "'sym_visibility' must be a string");
    }
    if (!(op.attr(TYPE) instanceof Attribute.TypeAttr ta)
        || !(ta.type() instanceof MemRefType type)) {
      MemRefSupport.error(sink, op, "requires attribute 'type' to be a memref type");
      return;
    }
    if (!type.hasStaticShape()) {
      MemRefSupport.error(sink, op, "type should be static shaped memref, but got '" + type
          + "'");
    }
    Attribute init = op.attr(INITIAL_VALUE);
    if (init instanceof Attribute.DenseElementsAttr d) {
      if (!d.type().equals(initialValueType(type))) {
        MemRefSupport.error(sink, op, "initial value expected to be of type '"
            + initialValueType(type) + "', but was of type '" + d.type() + "'");
      }
    } else if (init != null && !(init instanceof Attribute.UnitAttr)) {
      MemRefSupport.error(sink, op, "initial value must be dense elements or 'uninitialized'");
    }
    if (isConstant(op) && !(init instanceof Attribute.DenseElementsAttr)) {
      MemRefSupport.error(sink, op, "a constant global needs a dense initial value");
    }
    if (op.hasAttr(ALIGNMENT) && (!(op.attr(ALIGNMENT) instanceof Attribute.IntegerAttr a)
        || a.value() <= 0 || Long.bitCount(a.value()) != 1)) {
      MemRefSupport.error(sink, op, "alignment attribute value must be a power of 2");
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    if (op.attr(SYM_VISIBILITY) instanceof Attribute.StringAttr vis) {
      printer.print(" \"" + vis.value() + "\"");
    }
    if (isConstant(op)) {
      printer.print(" constant");
    }
    printer.print(" @" + symName(op) + " : ").printType(type(op));
    Attribute init = op.attr(INITIAL_VALUE);
    if (init instanceof Attribute.DenseElementsAttr d) {
      printer.print(" = ").printAttributeWithoutType(d);
    } else if (init instanceof Attribute.UnitAttr) {
      printer.print(" = uninitialized");
    }
    MemRefSupport.printAttrDict(printer, op, ELIDED);
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    Map<String, Attribute> attrs = new TreeMap<>();
    String visibility = parseOptionalString(parser);
    if (visibility != null) {
      attrs.put(SYM_VISIBILITY, new Attribute.StringAttr(visibility));
    }
    if (parser.parseOptionalKeyword(CONSTANT)) {
      attrs.put(CONSTANT, Attribute.UnitAttr.INSTANCE);
    }
    attrs.put(SYM_NAME, new Attribute.StringAttr(parser.parseSymbolName()));
    parser.parsePunct(":");
    Location typeLoc = parser.location();
    Type type = parser.parseType();
    if (!(type instanceof MemRefType memrefType)) {
      throw parser.error(typeLoc, "type should be static shaped memref, but got '" + type + "'");
    }
    attrs.put(TYPE, new Attribute.TypeAttr(memrefType));
    if (parser.parseOptionalPunct("=")) {
      if (parser.parseOptionalKeyword("uninitialized")) {
        attrs.put(INITIAL_VALUE, Attribute.UnitAttr.INSTANCE);
      } else {
        if (!memrefType.hasStaticShape()) {
          throw parser.error(typeLoc, "type should be static shaped memref, but got '" + type
              + "'");
        }
        Location valueLoc = parser.location();
        Attribute init = parser.parseAttribute(initialValueType(memrefType));
        if (!(init instanceof Attribute.DenseElementsAttr)) {
          throw parser.error(valueLoc, "initial value should be a dense elements attribute");
        }
        attrs.put(INITIAL_VALUE, init);
      }
    }
    Map<String, Attribute> extra = parser.parseOptionalAttrDict();
    return Operation.create(NAME, List.of(), List.of(), MemRefSupport.with(attrs, extra),
        List.of(), MemRefSupport.loc(location));
  }

  /**
   * The visibility string when the next token is a string literal; null otherwise. The parser
   * SPI has no optional-string form, so a failed attempt (which consumes nothing) means absent.
   */
  private static String parseOptionalString(OpParser parser) {
    try {
      return parser.parseString();
    } catch (DiagnosticException e) {
      return null;
    }
  }
}
