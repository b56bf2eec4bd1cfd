// The upper half of the IR text parser: operations, SSA names, blocks, regions and OpParser services.
package dev.colt.ir.text;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.text.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses operations in MLIR's generic form ({@code "d.op"(%a) <{p}> ({..}) {a} : (t) -> t}) and
 * in the custom forms of the {@link OpSyntax} registered for each op name. SSA names live in
 * lexical scopes, one per region; a name is visible in nested regions unless a region of an
 * isolated-from-above op lies between, and may not be redefined while visible. Forward references
 * are not supported: a use must follow its definition in the text.
 */
final class OperationParser extends AsmParser implements OpParser {
  /** The names defined in one region. */
  private static final class Scope {
    final Map<String, List<Value>> names = new HashMap<>();
    final boolean isolated;
    final String owner;

    Scope(boolean isolated, String owner) {
      this.isolated = isolated;
      this.owner = owner;
    }
  }

  /** A result name group being bound: {@code %name} or {@code %name:count}. */
  private record ResultName(String name, int count, Location location) {}

  private final OpRegistry registry = OpRegistry.global();
  private final Deque<Scope> scopes = new ArrayDeque<>();
  /** Ops being parsed, innermost first (for isolation and default dialects). */
  private final Deque<OpDefinition> opStack = new ArrayDeque<>();

  OperationParser(String source, String file) {
    super(source, file);
  }

  // Top level -------------------------------------------------------------------------------------

  /** Parses a whole file into a builtin.module (wrapping bare top-level ops). */
  Operation parseTopLevel() {
    Location start = new Location(lexer.file(), 1, 1);
    scopes.push(new Scope(true, ModuleOp.NAME));
    List<Operation> ops = new ArrayList<>();
    while (!tok().is(Kind.EOF)) {
      if (tok().is(Kind.HASH_ID)) {
        parseAliasDefinition();
        continue;
      }
      ops.add(parseOperation());
    }
    scopes.pop();
    if (ops.size() == 1 && ops.get(0).is(ModuleOp.NAME)) {
      return ops.get(0);
    }
    Operation module = ModuleOp.create(ops);
    return new Operation(module.name(), module.operands(), module.results(), module.attributes(),
        module.regions(), start);
  }

  /** Parses one operation with its result names, and defines those names. */
  Operation parseOperation() {
    Location start = tok().location();
    List<ResultName> names = new ArrayList<>();
    if (tok().is(Kind.VALUE_ID)) {
      while (true) {
        Token t = tok();
        if (!t.is(Kind.VALUE_ID)) {
          throw error("expected SSA value name, found '" + t.spelling() + "'");
        }
        consume();
        int count = 1;
        if (acceptPunct(":")) {
          if (!tok().is(Kind.INTEGER)) {
            throw error("expected integer number of results");
          }
          long c = parseIntegerValue(consume());
          if (c < 1 || c > Integer.MAX_VALUE) {
            throw error(prev().location(), "expected named operation to have at least 1 result");
          }
          count = (int) c;
        }
        names.add(new ResultName(t.text(), count, t.location()));
        if (!acceptPunct(",")) {
          break;
        }
      }
      expectPunct("=", "after SSA names");
    }
    // Like MLIR, an op is located at its name (diagnostics point there, not at the results).
    Location opLocation = tok().location();
    Operation op;
    if (tok().is(Kind.STRING)) {
      op = parseGenericOperation(opLocation);
    } else if (tok().is(Kind.BARE_IDENT)) {
      op = parseCustomOperation(opLocation);
    } else {
      throw error("expected operation name, found '" + tok().spelling() + "'");
    }
    skipOptionalLocation();
    int total = names.stream().mapToInt(ResultName::count).sum();
    if (!names.isEmpty() && total != op.results().size()) {
      throw error(start, "operation defines " + op.results().size() + " results but was provided "
          + total + " to bind");
    }
    int next = 0;
    for (ResultName n : names) {
      define(n.name(), op.results().subList(next, next + n.count()), n.location());
      next += n.count();
    }
    return op;
  }

  private OpDefinition lookupOp(String name) {
    OpDefinition def = registry.lookup(name);
    if (def != null || name.contains(".")) {
      return def;
    }
    for (OpDefinition enclosing : opStack) {
      OpSyntax s = syntaxFor(enclosing);
      if (s != null && !s.defaultDialect().isEmpty()) {
        def = registry.lookup(s.defaultDialect() + "." + name);
        if (def != null) {
          return def;
        }
      }
    }
    return registry.lookup("builtin." + name);
  }

  /** The custom syntax of an op, or null when it only has the generic form. */
  static OpSyntax syntaxFor(OpDefinition def) {
    if (def instanceof OpSyntax s) {
      return s;
    }
    if (def != null && def.name().equals(ModuleOp.NAME)) {
      return ModuleSyntax.INSTANCE;
    }
    return null;
  }

  private Operation parseCustomOperation(Location start) {
    Token nameTok = consume();
    OpDefinition def = lookupOp(nameTok.text());
    if (def == null) {
      throw error(nameTok.location(), "'" + nameTok.text() + "' is not a registered operation");
    }
    OpSyntax syntax = syntaxFor(def);
    if (syntax == null) {
      throw error(nameTok.location(), "'" + def.name() + "' has no custom assembly form; write it"
          + " in the generic form \"" + def.name() + "\"(...)");
    }
    opStack.push(def);
    try {
      Operation op = syntax.parse(this, start);
      if (op == null || !op.name().equals(def.name())) {
        throw error(start, "custom parser of '" + def.name() + "' built a different operation");
      }
      return op;
    } catch (DiagnosticException e) {
      throw e;
    } catch (RuntimeException e) {
      throw error(tok().location(), "invalid '" + def.name() + "': " + e.getMessage());
    } finally {
      opStack.pop();
    }
  }

  private Operation parseGenericOperation(Location start) {
    Token nameTok = consume();
    OpDefinition def = registry.lookup(nameTok.text());
    if (def == null) {
      throw error(nameTok.location(), "'" + nameTok.text() + "' is not a registered operation");
    }
    expectPunct("(", "to start operand list");
    List<UnresolvedOperand> operands = parseOperandList();
    expectPunct(")", "to end operand list");
    if (tok().isPunct("[")) {
      throw error("successor blocks are not supported");
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    if (acceptPunct("<")) {
      if (!tok().isPunct("{")) {
        throw error("expected '{' to start properties");
      }
      attrs.putAll(parseAttrDict());
      expectPunct(">", "to end properties");
    }
    List<Region> regions = new ArrayList<>();
    opStack.push(def);
    try {
      if (tok().isPunct("(")) {
        consume();
        do {
          if (!tok().isPunct("{")) {
            throw error("expected '{' to begin a region");
          }
          regions.add(parseRegion(List.of(), List.of(), false));
        } while (acceptPunct(","));
        expectPunct(")", "to end region list");
      }
    } finally {
      opStack.pop();
    }
    if (tok().isPunct("{")) {
      Token dictTok = tok();
      for (Map.Entry<String, Attribute> e : parseAttrDict().entrySet()) {
        if (attrs.put(e.getKey(), e.getValue()) != null) {
          throw error(dictTok.location(), "attribute '" + e.getKey()
              + "' given both as a property and as an attribute");
        }
      }
    }
    expectPunct(":", "followed by operation type");
    Token typeTok = tok();
    Type t = parseType();
    if (!(t instanceof FunctionType ft)) {
      throw error(typeTok.location(), "expected function type");
    }
    if (ft.inputs().size() != operands.size()) {
      throw error(typeTok.location(), "expected " + operands.size() + " operand type"
          + (operands.size() == 1 ? "" : "s") + " but had " + ft.inputs().size());
    }
    List<Value> values = resolveOperands(operands, ft.inputs());
    return Operation.create(def.name(), values, ft.results(), attrs, regions, start);
  }

  // SSA names -------------------------------------------------------------------------------------

  private void define(String name, List<Value> values, Location loc) {
    for (Scope s : scopes) {
      if (s.names.containsKey(name)) {
        throw error(loc, "redefinition of SSA value '%" + name + "'");
      }
      if (s.isolated) {
        break;
      }
    }
    scopes.peek().names.put(name, List.copyOf(values));
  }

  @Override
  public Value resolveOperand(UnresolvedOperand operand, Type type) {
    List<Value> group = null;
    Scope barrier = null;
    boolean beyondBarrier = false;
    for (Scope s : scopes) {
      List<Value> g = s.names.get(operand.name());
      if (g != null) {
        group = g;
        break;
      }
      if (s.isolated && barrier == null) {
        barrier = s;
        beyondBarrier = true;
      }
    }
    if (group == null) {
      throw error(operand.location(), "use of undeclared SSA value name '%" + operand.name() + "'");
    }
    if (beyondBarrier) {
      throw error(operand.location(), "use of SSA value '%" + operand.name()
          + "' defined outside the isolated region of '" + barrier.owner + "'");
    }
    if (operand.resultNumber() >= group.size()) {
      throw error(operand.location(), "reference to invalid result number #"
          + operand.resultNumber() + " of '%" + operand.name() + "' (it has " + group.size()
          + ")");
    }
    Value v = group.get(operand.resultNumber());
    if (type != null && !v.type().equals(type)) {
      throw error(operand.location(), "use of value '%" + operand.name()
          + "' expects different type than prior uses: '" + type + "' vs '" + v.type() + "'");
    }
    return v;
  }

  @Override
  public Value resolveOperand(UnresolvedOperand operand) {
    return resolveOperand(operand, null);
  }

  @Override
  public List<Value> resolveOperands(List<UnresolvedOperand> operands, List<Type> types) {
    if (operands.size() != types.size()) {
      Location at = operands.isEmpty() ? tok().location() : operands.get(0).location();
      throw error(at, operands.size() + " operands present, but expected " + types.size());
    }
    List<Value> out = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      out.add(resolveOperand(operands.get(i), types.get(i)));
    }
    return out;
  }

  @Override
  public UnresolvedOperand parseOperand() {
    UnresolvedOperand u = parseOptionalOperand();
    if (u == null) {
      throw error("expected SSA operand, found '" + tok().spelling() + "'");
    }
    return u;
  }

  @Override
  public UnresolvedOperand parseOptionalOperand() {
    if (!tok().is(Kind.VALUE_ID)) {
      return null;
    }
    Token t = consume();
    int number = 0;
    if (tok().is(Kind.HASH_ID) && tok().offset() == t.end()) {
      Token n = consume();
      if (!n.text().matches("[0-9]+") || n.text().length() > 9) {
        throw error(n.location(), "invalid SSA value result number");
      }
      number = Integer.parseInt(n.text());
    }
    return new UnresolvedOperand(t.text(), number, t.location());
  }

  @Override
  public List<UnresolvedOperand> parseOperandList() {
    List<UnresolvedOperand> out = new ArrayList<>();
    UnresolvedOperand first = parseOptionalOperand();
    if (first == null) {
      return out;
    }
    out.add(first);
    while (acceptPunct(",")) {
      out.add(parseOperand());
    }
    return out;
  }

  @Override
  public Argument parseArgument() {
    Argument a = parseOptionalArgument();
    if (a == null) {
      throw error("expected SSA value name, found '" + tok().spelling() + "'");
    }
    return a;
  }

  @Override
  public Argument parseOptionalArgument() {
    if (!tok().is(Kind.VALUE_ID)) {
      return null;
    }
    Token t = consume();
    if (tok().is(Kind.HASH_ID) && tok().offset() == t.end()) {
      throw error(tok().location(), "a value being defined cannot have a result number");
    }
    return new Argument(t.text(), t.location());
  }

  // Regions and blocks ----------------------------------------------------------------------------

  @Override
  public Region parseRegion(List<Argument> arguments, List<Type> types, boolean isolatedFromAbove) {
    Token open = tok();
    expectPunct("{", "to begin a region");
    if (arguments.size() != types.size()) {
      throw error(open.location(), arguments.size() + " region arguments but " + types.size()
          + " types");
    }
    OpDefinition owner = opStack.peek();
    boolean isolated = isolatedFromAbove
        || (owner != null && owner.hasTrait(OpTrait.ISOLATED_FROM_ABOVE));
    scopes.push(new Scope(isolated, owner == null ? "?" : owner.name()));
    try {
      List<Block> blocks = new ArrayList<>();
      if (!arguments.isEmpty()) {
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
          Value v = new Value(types.get(i));
          define(arguments.get(i).name(), List.of(v), arguments.get(i).location());
          args.add(v);
        }
        if (tok().is(Kind.BLOCK_ID)) {
          throw error("invalid block name in region with named arguments");
        }
        blocks.add(parseBlockBody(args, open));
      } else if (!tok().isPunct("}") && !tok().is(Kind.BLOCK_ID)) {
        blocks.add(parseBlockBody(List.of(), open));
      }
      Map<String, Location> labels = new HashMap<>();
      while (tok().is(Kind.BLOCK_ID)) {
        Token label = consume();
        if (labels.put(label.text(), label.location()) != null) {
          throw error(label.location(), "redefinition of block '^" + label.text() + "'");
        }
        List<Value> args = new ArrayList<>();
        if (acceptPunct("(")) {
          if (!tok().isPunct(")")) {
            do {
              Argument a = parseArgument();
              expectPunct(":", "and type for block argument");
              Value v = new Value(parseType());
              skipOptionalLocation();
              define(a.name(), List.of(v), a.location());
              args.add(v);
            } while (acceptPunct(","));
          }
          expectPunct(")", "to end block argument list");
        }
        expectPunct(":", "after block name");
        blocks.add(parseBlockBody(args, open));
      }
      if (tok().is(Kind.EOF)) {
        throw error(open.location(), "unterminated region: no '}' matches this '{' before the end"
            + " of the file");
      }
      expectPunct("}", "to end region");
      return new Region(blocks);
    } finally {
      scopes.pop();
    }
  }

  private Block parseBlockBody(List<Value> args, Token open) {
    List<Operation> ops = new ArrayList<>();
    while (!tok().isPunct("}") && !tok().is(Kind.BLOCK_ID)) {
      if (tok().is(Kind.EOF)) {
        throw error(open.location(), "unterminated region: no '}' matches this '{' before the end"
            + " of the file");
      }
      ops.add(parseOperation());
    }
    return new Block(args, ops);
  }

  @Override
  public Region parseOptionalRegion(List<Argument> arguments, List<Type> types) {
    if (!tok().isPunct("{")) {
      return null;
    }
    return parseRegion(arguments, types, false);
  }

  // OpParser: tokens ------------------------------------------------------------------------------

  @Override
  public Location location() {
    return tok().location();
  }

  @Override
  public void parsePunct(String punct) {
    expectPunct(punct, "");
  }

  @Override
  public boolean parseOptionalPunct(String punct) {
    return acceptPunct(punct);
  }

  @Override
  public void parseKeyword(String keyword) {
    expectKeyword(keyword, "");
  }

  @Override
  public boolean parseOptionalKeyword(String keyword) {
    return acceptKeyword(keyword);
  }

  @Override
  public String parseKeywordToken() {
    if (!tok().is(Kind.BARE_IDENT)) {
      throw error("expected keyword, found '" + tok().spelling() + "'");
    }
    return consume().text();
  }

  @Override
  public String parseOptionalKeywordToken() {
    return tok().is(Kind.BARE_IDENT) ? consume().text() : null;
  }

  @Override
  public long parseInteger() {
    return parseSignedInteger();
  }

  @Override
  public Long parseOptionalInteger() {
    if (tok().is(Kind.INTEGER)) {
      return parseIntegerValue(consume());
    }
    if (tok().isPunct("-")) {
      Token minus = tok();
      consume();
      if (tok().is(Kind.INTEGER)) {
        return -parseIntegerValue(consume());
      }
      rewindTo(minus);
    }
    return null;
  }

  @Override
  public String parseString() {
    if (!tok().is(Kind.STRING)) {
      throw error("expected string, found '" + tok().spelling() + "'");
    }
    return consume().text();
  }

  @Override
  public String parseSymbolName() {
    if (!tok().is(Kind.SYMBOL)) {
      throw error("expected symbol name (@name), found '" + tok().spelling() + "'");
    }
    return consume().text();
  }

  // OpParser: types and attributes ----------------------------------------------------------------

  @Override
  public Type parseColonType() {
    expectPunct(":", "");
    return parseType();
  }

  @Override
  public List<Type> parseColonTypeList() {
    expectPunct(":", "");
    return parseTypeList();
  }

  @Override
  public Map<String, Attribute> parseOptionalAttrDict() {
    if (!tok().isPunct("{")) {
      return Map.of();
    }
    return parseAttrDict();
  }

  // OpParser: affine ------------------------------------------------------------------------------

  @Override
  public AffineMap parseAffineMap() {
    Token t = tok();
    if (!t.is(Kind.HASH_ID) && !t.isKeyword("affine_map")) {
      throw error("expected affine map (#alias or affine_map<...>), found '" + t.spelling() + "'");
    }
    Attribute a = parseAttribute();
    if (!(a instanceof Attribute.AffineMapAttr m)) {
      throw error(t.location(), "'" + t.spelling() + "' is not an affine map");
    }
    return m.map();
  }

  @Override
  public IntegerSet parseIntegerSet() {
    Token t = tok();
    if (!t.is(Kind.HASH_ID) && !t.isKeyword("affine_set")) {
      throw error("expected integer set (#alias or affine_set<...>), found '" + t.spelling()
          + "'");
    }
    Attribute a = parseAttribute();
    if (!(a instanceof Attribute.IntegerSetAttr s)) {
      throw error(t.location(), "'" + t.spelling() + "' is not an integer set");
    }
    return s.set();
  }

  @Override
  public MapWithOperands parseAffineMapOfSsaIds(String open, String close) {
    expectPunct(open, "");
    List<Value> dims = new ArrayList<>();
    List<Value> syms = new ArrayList<>();
    Map<Value, Integer> dimPos = new IdentityHashMap<>();
    Map<Value, Integer> symPos = new IdentityHashMap<>();
    AffineParser.Operands resolver = q -> {
      if (q.tok().is(Kind.VALUE_ID)) {
        Value v = resolveOperand(parseOperand(), IndexType.INSTANCE);
        return AffineExpr.dim(dimPos.computeIfAbsent(v, k -> {
          dims.add(k);
          return dims.size() - 1;
        }));
      }
      if (q.tok().isKeyword("symbol")) {
        q.consume();
        q.expectPunct("(", "after 'symbol'");
        Value v = resolveOperand(parseOperand(), IndexType.INSTANCE);
        q.expectPunct(")", "after symbol operand");
        return AffineExpr.symbol(symPos.computeIfAbsent(v, k -> {
          syms.add(k);
          return syms.size() - 1;
        }));
      }
      return null;
    };
    Token start = tok();
    List<AffineExpr> exprs = new AffineParser(this, resolver).parseExprList(close);
    expectPunct(close, "");
    List<Value> operands = new ArrayList<>(dims);
    operands.addAll(syms);
    try {
      return new MapWithOperands(new AffineMap(dims.size(), syms.size(), exprs), operands);
    } catch (IllegalArgumentException e) {
      throw error(start.location(), e.getMessage());
    }
  }

  @Override
  public MapWithOperands parseAffineMapApplication() {
    Token mapTok = tok();
    AffineMap map = parseAffineMap();
    expectPunct("(", "to start the dimension operands of the map");
    List<UnresolvedOperand> dims = parseOperandList();
    expectPunct(")", "to end the dimension operands of the map");
    List<UnresolvedOperand> syms = List.of();
    if (acceptPunct("[")) {
      syms = parseOperandList();
      expectPunct("]", "to end the symbol operands of the map");
    }
    if (dims.size() != map.numDims()) {
      throw error(mapTok.location(), "dim operand count and affine map dim count must match ("
          + dims.size() + " vs " + map.numDims() + ")");
    }
    if (syms.size() != map.numSymbols()) {
      throw error(mapTok.location(), "symbol operand count and affine map symbol count must"
          + " match (" + syms.size() + " vs " + map.numSymbols() + ")");
    }
    List<Value> operands = new ArrayList<>();
    for (UnresolvedOperand u : dims) {
      operands.add(resolveOperand(u, IndexType.INSTANCE));
    }
    for (UnresolvedOperand u : syms) {
      operands.add(resolveOperand(u, IndexType.INSTANCE));
    }
    return new MapWithOperands(map, operands);
  }

  @Override
  public MapWithOperands parseAffineBound(String minMaxKeyword) {
    boolean hasKeyword = acceptKeyword(minMaxKeyword);
    if (!hasKeyword) {
      if (tok().is(Kind.VALUE_ID)) {
        Value v = resolveOperand(parseOperand(), IndexType.INSTANCE);
        return new MapWithOperands(AffineMap.of(0, 1, AffineExpr.symbol(0)), List.of(v));
      }
      if (tok().is(Kind.INTEGER) || tok().isPunct("-")) {
        return new MapWithOperands(AffineMap.constant(parseSignedInteger()), List.of());
      }
    }
    Token at = tok();
    MapWithOperands m = parseAffineMapApplication();
    if (m.map().numResults() == 0) {
      throw error(at.location(), "bound map has no results");
    }
    if (m.map().numResults() > 1 && !hasKeyword) {
      throw error(at.location(), "bound map with multiple results requires the '"
          + minMaxKeyword + "' prefix");
    }
    return m;
  }
}
