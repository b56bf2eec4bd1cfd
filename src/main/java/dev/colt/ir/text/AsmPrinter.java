// Prints operations, regions, types and attributes in mlir-opt's textual form.
package dev.colt.ir.text;

import dev.colt.ir.AffineExprFormatter;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.IntegerType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link OpPrinter} behind {@link Printer}. Runs twice over the IR: a first pass only records
 * which affine maps and integer sets are printed as attributes, in the order mlir-opt encounters
 * them (for the generic form, nested regions before the op's own attributes), and names them
 * {@code #map}, {@code #map1}, ..., {@code #set}, ...; the second pass prints.
 */
final class AsmPrinter implements OpPrinter {
  private final OpRegistry registry = OpRegistry.global();
  private final ValueNamer namer;
  private final boolean collecting;
  private final boolean genericOnly;
  private final Map<AffineMap, String> mapAliases;
  private final Map<IntegerSet, String> setAliases;
  private final StringBuilder out = new StringBuilder();
  private final Deque<String> defaultDialects = new ArrayDeque<>();
  private int indent;

  private AsmPrinter(ValueNamer namer, boolean collecting, boolean genericOnly,
      Map<AffineMap, String> mapAliases, Map<IntegerSet, String> setAliases) {
    this.namer = namer;
    this.collecting = collecting;
    this.genericOnly = genericOnly;
    this.mapAliases = mapAliases;
    this.setAliases = setAliases;
    defaultDialects.push("builtin");
  }

  /**
   * Prints {@code root} with alias definitions first; {@code genericOnly} prints every op in the
   * generic form (like mlir-opt's {@code --mlir-print-op-generic}, also without result names).
   */
  static String print(Operation root, boolean genericOnly) {
    ValueNamer namer = new ValueNamer(root, !genericOnly);
    Map<AffineMap, String> maps = new LinkedHashMap<>();
    Map<IntegerSet, String> sets = new LinkedHashMap<>();
    AsmPrinter collector = new AsmPrinter(namer, true, genericOnly, maps, sets);
    collector.printOperation(root);
    int i = 0;
    for (Map.Entry<AffineMap, String> e : maps.entrySet()) {
      e.setValue(i == 0 ? "map" : "map" + i);
      i++;
    }
    i = 0;
    for (Map.Entry<IntegerSet, String> e : sets.entrySet()) {
      e.setValue(i == 0 ? "set" : "set" + i);
      i++;
    }
    AsmPrinter printer = new AsmPrinter(namer, false, genericOnly, maps, sets);
    StringBuilder text = new StringBuilder();
    for (Map.Entry<AffineMap, String> e : maps.entrySet()) {
      text.append('#').append(e.getValue()).append(" = affine_map<")
          .append(AffineExprFormatter.format(e.getKey())).append(">\n");
    }
    for (Map.Entry<IntegerSet, String> e : sets.entrySet()) {
      text.append('#').append(e.getValue()).append(" = affine_set<")
          .append(AffineExprFormatter.format(e.getKey())).append(">\n");
    }
    printer.printOperation(root);
    return text.append(printer.out).append('\n').toString();
  }

  // Operations ------------------------------------------------------------------------------------

  private void printOperation(Operation op) {
    out.append(" ".repeat(indent));
    if (!op.results().isEmpty()) {
      String id = namer.groupId(op.results().get(0));
      out.append('%').append(id == null ? "<<UNKNOWN SSA VALUE>>" : id);
      if (op.results().size() > 1) {
        out.append(':').append(op.results().size());
      }
      out.append(" = ");
    }
    OpDefinition def = registry.lookup(op.name());
    OpSyntax syntax = genericOnly ? null : OperationParser.syntaxFor(def);
    if (syntax != null) {
      int mark = out.length();
      int savedIndent = indent;
      int savedDialects = defaultDialects.size();
      out.append(shortName(op.name()));
      defaultDialects.push(syntax.defaultDialect().isEmpty() ? defaultDialects.peek()
          : syntax.defaultDialect());
      try {
        syntax.print(op, this);
        defaultDialects.pop();
        return;
      } catch (RuntimeException e) {
        // A malformed op its custom printer cannot handle: fall back to the generic form.
        out.setLength(mark);
        indent = savedIndent;
        while (defaultDialects.size() > savedDialects) {
          defaultDialects.pop();
        }
      }
    }
    printGeneric(op);
  }

  private String shortName(String name) {
    String dialect = defaultDialects.peek();
    if (dialect != null && name.startsWith(dialect + ".")) {
      return name.substring(dialect.length() + 1);
    }
    return name;
  }

  private void printGeneric(Operation op) {
    out.append('"').append(op.name()).append("\"(");
    printOperands(op.operands());
    out.append(')');
    // Attributes go in the attribute dictionary (not the properties) so that mlir-opt keeps
    // discardable ones; mlir-opt also visits regions before attributes when naming aliases.
    printGenericRegions(op);
    printGenericAttributes(op);
    out.append(" : (");
    printTypes(op.operands().stream().map(Value::type).toList());
    out.append(") -> ");
    List<Type> results = op.results().stream().map(Value::type).toList();
    if (results.size() == 1 && !(results.get(0) instanceof dev.colt.ir.FunctionType)) {
      printType(results.get(0));
    } else {
      out.append('(');
      printTypes(results);
      out.append(')');
    }
  }

  private void printGenericAttributes(Operation op) {
    if (!op.attributes().isEmpty()) {
      out.append(' ');
      printDictionary(op.attributes(), List.of(), op.dialect().equals("vector"));
    }
  }

  private void printGenericRegions(Operation op) {
    if (op.regions().isEmpty()) {
      return;
    }
    out.append(" (");
    for (int i = 0; i < op.regions().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printRegion(op.regions().get(i), true, true, true);
    }
    out.append(')');
  }

  private void printRegion(Region region, boolean printEntryArgs, boolean printTerminator,
      boolean printEmptyBlock) {
    out.append("{\n");
    List<Block> blocks = region.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean header = i > 0 || (printEmptyBlock && b.operations().isEmpty())
          || (printEntryArgs && !b.arguments().isEmpty());
      printBlock(b, i == 0, header, i > 0 || printTerminator);
    }
    out.append(" ".repeat(indent)).append('}');
  }

  private void printBlock(Block b, boolean entry, boolean header, boolean printTerminator) {
    if (header) {
      out.append(" ".repeat(indent)).append('^').append(namer.blockName(b));
      if (!b.arguments().isEmpty()) {
        out.append('(');
        for (int i = 0; i < b.arguments().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          printArgumentDecl(b.arguments().get(i));
        }
        out.append(')');
      }
      out.append(':');
      if (!entry) {
        out.append("  // no predecessors");
      }
      out.append('\n');
    }
    indent += 2;
    List<Operation> ops = b.operations();
    int n = ops.size();
    if (!printTerminator && n > 0 && isTrivialTerminator(ops.get(n - 1))) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      printOperation(ops.get(i));
      out.append('\n');
    }
    indent -= 2;
  }

  private boolean isTrivialTerminator(Operation op) {
    return registry.hasTrait(op, OpTrait.TERMINATOR) && op.operands().isEmpty()
        && op.attributes().isEmpty() && op.results().isEmpty() && op.regions().isEmpty();
  }

  // OpPrinter -------------------------------------------------------------------------------------

  @Override
  public OpPrinter print(String text) {
    out.append(text);
    return this;
  }

  @Override
  public OpPrinter printOperand(Value v) {
    String n = namer.name(v);
    out.append('%').append(n == null ? "<<UNKNOWN SSA VALUE>>" : n);
    return this;
  }

  @Override
  public OpPrinter printOperands(List<Value> vs) {
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printOperand(vs.get(i));
    }
    return this;
  }

  @Override
  public OpPrinter printType(Type t) {
    out.append(t);
    return this;
  }

  @Override
  public OpPrinter printTypes(List<Type> ts) {
    for (int i = 0; i < ts.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(ts.get(i));
    }
    return this;
  }

  @Override
  public OpPrinter printAttributeWithoutType(Attribute a) {
    if (a instanceof Attribute.DenseElementsAttr d) {
      printDenseLiteral(d);
      return this;
    }
    return printAttribute(a);
  }

  @Override
  public OpPrinter printAttribute(Attribute a) {
    switch (a) {
      case Attribute.IntegerAttr i -> {
        if (i.type() instanceof IntegerType it && it.width() == 1) {
          out.append(i.value() != 0 ? "true" : "false");
        } else {
          out.append(i.value()).append(" : ").append(i.type());
        }
      }
      case Attribute.FloatAttr f ->
          out.append(FloatFormat.format(f.value(), f.type())).append(" : ").append(f.type());
      case Attribute.StringAttr s -> printString(s.value());
      case Attribute.TypeAttr t -> out.append(t.type());
      case Attribute.AffineMapAttr m -> printAffineMap(m.map());
      case Attribute.IntegerSetAttr s -> printIntegerSet(s.set());
      case Attribute.ArrayAttr arr -> {
        out.append('[');
        for (int i = 0; i < arr.elements().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          printAttribute(arr.elements().get(i));
        }
        out.append(']');
      }
      case Attribute.DenseArrayAttr d -> {
        out.append("array<").append(d.elementType());
        for (int i = 0; i < d.size(); i++) {
          out.append(i == 0 ? ": " : ", ");
          if (d.elementType().width() == 1) {
            out.append(d.get(i) != 0 ? "true" : "false");
          } else {
            out.append(d.get(i));
          }
        }
        out.append('>');
      }
      case Attribute.SymbolRefAttr s -> {
        out.append('@');
        if (s.name().matches("[a-zA-Z_$.][a-zA-Z0-9_$.-]*")) {
          out.append(s.name());
        } else {
          printString(s.name());
        }
      }
      case Attribute.UnitAttr u -> out.append("unit");
      case Attribute.DictionaryAttr d -> printDictionary(d.entries(), List.of());
      case Attribute.DenseElementsAttr d -> printDense(d);
    }
    return this;
  }

  private void printDense(Attribute.DenseElementsAttr d) {
    printDenseLiteral(d);
    out.append(" : ").append(d.type());
  }

  /** {@code dense<...>} without the type. */
  private void printDenseLiteral(Attribute.DenseElementsAttr d) {
    ShapedType st = (ShapedType) d.type();
    out.append("dense<");
    if (d.isSplat()) {
      printElement(d.get(0), st.elementType());
    } else {
      printDenseDim(d, st, 0, 0);
    }
    out.append('>');
  }

  private long printDenseDim(Attribute.DenseElementsAttr d, ShapedType st, int dim, long index) {
    out.append('[');
    long n = st.shape().get(dim);
    for (long i = 0; i < n; i++) {
      if (i > 0) {
        out.append(", ");
      }
      if (dim + 1 < st.rank()) {
        index = printDenseDim(d, st, dim + 1, index);
      } else {
        printElement(d.get(index++), st.elementType());
      }
    }
    out.append(']');
    return index;
  }

  private void printElement(double v, Type elem) {
    if (elem instanceof FloatType ft) {
      out.append(FloatFormat.format(v, ft));
    } else if (elem instanceof IntegerType it && it.width() == 1) {
      out.append(v != 0 ? "true" : "false");
    } else {
      out.append((long) v);
    }
  }

  private void printString(String s) {
    out.append('"');
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append((char) c);
      } else {
        out.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    out.append('"');
  }

  private void printDictionary(Map<String, Attribute> attrs, Collection<String> elided) {
    printDictionary(attrs, elided, false);
  }

  /**
   * {@code vectorKind}: the generic form of a vector op, whose combining kind (held as a string)
   * MLIR spells as the enum attribute {@code #vector.kind<add>}; the parser maps it back.
   */
  private void printDictionary(Map<String, Attribute> attrs, Collection<String> elided,
      boolean vectorKind) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
      if (elided.contains(e.getKey())) {
        continue;
      }
      if (!first) {
        out.append(", ");
      }
      first = false;
      if (e.getKey().matches("[a-zA-Z_][a-zA-Z0-9_$.]*")) {
        out.append(e.getKey());
      } else {
        printString(e.getKey());
      }
      if (vectorKind && e.getKey().equals("kind")
          && e.getValue() instanceof Attribute.StringAttr k && k.value().matches("[a-z]+")) {
        out.append(" = #vector.kind<").append(k.value()).append('>');
      } else if (!(e.getValue() instanceof Attribute.UnitAttr)) {
        out.append(" = ");
        printAttribute(e.getValue());
      }
    }
    out.append('}');
  }

  @Override
  public OpPrinter printAffineMap(AffineMap map) {
    if (collecting) {
      mapAliases.putIfAbsent(map, "");
      out.append("#map");
    } else {
      out.append('#').append(mapAliases.get(map));
    }
    return this;
  }

  @Override
  public OpPrinter printIntegerSet(IntegerSet set) {
    if (collecting) {
      setAliases.putIfAbsent(set, "");
      out.append("#set");
    } else {
      out.append('#').append(setAliases.get(set));
    }
    return this;
  }

  @Override
  public OpPrinter printAffineMapOfSsaIds(AffineMap map, List<Value> operands) {
    for (int i = 0; i < map.numResults(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      AffineExprFormatter.format(map.result(i), d -> operandName(operands, d),
          s -> "symbol(" + operandName(operands, map.numDims() + s) + ")", out);
    }
    return this;
  }

  private String operandName(List<Value> operands, int i) {
    if (i >= operands.size()) {
      throw new IllegalArgumentException("map operand " + i + " missing");
    }
    String n = namer.name(operands.get(i));
    return "%" + (n == null ? "<<UNKNOWN SSA VALUE>>" : n);
  }

  @Override
  public OpPrinter printAffineMapApplication(AffineMap map, List<Value> operands) {
    if (operands.size() != map.numInputs()) {
      throw new IllegalArgumentException("map with " + map.numInputs() + " inputs applied to "
          + operands.size() + " operands");
    }
    printAffineMap(map);
    out.append('(');
    printOperands(operands.subList(0, map.numDims()));
    out.append(')');
    if (map.numSymbols() > 0) {
      out.append('[');
      printOperands(operands.subList(map.numDims(), operands.size()));
      out.append(']');
    }
    return this;
  }

  @Override
  public OpPrinter printOptionalAttrDict(Map<String, Attribute> attributes,
      Collection<String> elided) {
    List<String> shown = new ArrayList<>(attributes.keySet());
    shown.removeAll(elided);
    if (!shown.isEmpty()) {
      if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      printDictionary(attributes, elided);
    }
    return this;
  }

  @Override
  public OpPrinter printRegion(Region region, boolean printEntryArgs, boolean printTerminator) {
    printRegion(region, printEntryArgs, printTerminator, false);
    return this;
  }

  @Override
  public OpPrinter printArgumentDecl(Value v) {
    printOperand(v);
    out.append(": ").append(v.type());
    return this;
  }
}
