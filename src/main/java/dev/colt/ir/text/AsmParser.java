// Token handling, types, attributes and alias definitions shared by the IR text parser.
package dev.colt.ir.text;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.NoneType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import dev.colt.ir.text.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lower half of the IR text parser: a one-token lookahead over the {@link Lexer}, and parsers
 * for types, attributes and {@code #alias = ...} definitions. Every failure is a located
 * {@link DiagnosticException}.
 */
class AsmParser {
  final Lexer lexer;
  private Token tok;
  private Token prev;
  /** Attribute aliases ({@code #map = affine_map<...>}), by name without {@code #}. */
  final Map<String, Attribute> aliases = new HashMap<>();

  AsmParser(String source, String file) {
    this.lexer = new Lexer(source, file);
    this.tok = lexer.next();
  }

  // Tokens ----------------------------------------------------------------------------------------

  Token tok() {
    return tok;
  }

  /** The most recently consumed token. */
  Token prev() {
    return prev;
  }

  /** Consumes the current token and returns it. */
  Token consume() {
    prev = tok;
    tok = lexer.next();
    return prev;
  }

  /** Re-lexes from {@code delta} characters into the current token (splits {@code xf32}). */
  void splitCurrent(int delta) {
    lexer.resetTo(tok, tok.offset() + delta);
    tok = lexer.next();
  }

  /** Rewinds so that {@code token} (consumed earlier on this parse) is current again. */
  void rewindTo(Token token) {
    lexer.resetTo(token, token.offset());
    tok = lexer.next();
  }

  public DiagnosticException error(String message) {
    return new DiagnosticException(tok.location(), message);
  }

  public DiagnosticException error(Location loc, String message) {
    return new DiagnosticException(loc, message);
  }

  void expectPunct(String p, String context) {
    if (!tok.isPunct(p)) {
      throw error("expected '" + p + "'" + (context.isEmpty() ? "" : " " + context) + ", found '"
          + tok.spelling() + "'");
    }
    consume();
  }

  boolean acceptPunct(String p) {
    if (tok.isPunct(p)) {
      consume();
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String k) {
    if (tok.isKeyword(k)) {
      consume();
      return true;
    }
    return false;
  }

  void expectKeyword(String k, String context) {
    if (!tok.isKeyword(k)) {
      throw error("expected '" + k + "'" + (context.isEmpty() ? "" : " " + context) + ", found '"
          + tok.spelling() + "'");
    }
    consume();
  }

  /** The value of an integer token (decimal or hex); fails when it does not fit in 64 bits. */
  long parseIntegerValue(Token t) {
    BigInteger v = bigInteger(t);
    if (v.bitLength() > 63) {
      throw error(t.location(), "integer value too large");
    }
    return v.longValue();
  }

  static BigInteger bigInteger(Token t) {
    String s = t.text();
    return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  /** Parses {@code -? integer}. */
  long parseSignedInteger() {
    boolean neg = acceptPunct("-");
    if (!tok.is(Kind.INTEGER)) {
      throw error("expected integer value, found '" + tok.spelling() + "'");
    }
    long v = parseIntegerValue(consume());
    return neg ? -v : v;
  }

  /** Skips a {@code loc(...)} trailing location when present (locations are ignored). */
  public void skipOptionalLocation() {
    if (!tok.isKeyword("loc")) {
      return;
    }
    consume();
    expectPunct("(", "in location");
    int depth = 1;
    while (depth > 0) {
      if (tok.is(Kind.EOF)) {
        throw error("unbalanced parentheses in location");
      }
      if (tok.isPunct("(")) {
        depth++;
      } else if (tok.isPunct(")")) {
        depth--;
      }
      consume();
    }
  }

  // Types -----------------------------------------------------------------------------------------

  /** True when the current token can start a type. */
  boolean atType() {
    if (tok.isPunct("(")) {
      return true;
    }
    if (!tok.is(Kind.BARE_IDENT)) {
      return false;
    }
    String s = tok.text();
    return s.equals("index") || s.equals("none") || s.equals("f16") || s.equals("f32")
        || s.equals("f64") || s.equals("memref") || s.equals("vector") || s.equals("tensor")
        || s.equals("bf16") || s.matches("[isu]i?[0-9]+");
  }

  public Type parseType() {
    Token t = tok;
    if (t.isPunct("(")) {
      return parseFunctionType();
    }
    if (!t.is(Kind.BARE_IDENT)) {
      throw error("expected type, found '" + t.spelling() + "'");
    }
    String s = t.text();
    switch (s) {
      case "index" -> {
        consume();
        return IndexType.INSTANCE;
      }
      case "none" -> {
        consume();
        return NoneType.INSTANCE;
      }
      case "f16" -> {
        consume();
        return FloatType.F16;
      }
      case "f32" -> {
        consume();
        return FloatType.F32;
      }
      case "f64" -> {
        consume();
        return FloatType.F64;
      }
      case "memref", "vector", "tensor" -> {
        consume();
        return parseShapedType(s, t);
      }
      default -> { }
    }
    if (s.matches("i[0-9]+")) {
      consume();
      try {
        return new IntegerType(Integer.parseInt(s.substring(1)));
      } catch (IllegalArgumentException e) {
        throw error(t.location(), "unsupported integer type '" + s + "' (widths 1 to 64)");
      }
    }
    if (s.matches("(si|ui)[0-9]+")) {
      throw error("signed and unsigned integer types are not supported; use signless '"
          + s.substring(1) + "'");
    }
    throw error("unknown type '" + s + "'");
  }

  private FunctionType parseFunctionType() {
    expectPunct("(", "at start of function type");
    List<Type> inputs = new ArrayList<>();
    if (!tok.isPunct(")")) {
      inputs.add(parseType());
      while (acceptPunct(",")) {
        inputs.add(parseType());
      }
    }
    expectPunct(")", "at end of function type inputs");
    expectPunct("->", "in function type");
    return new FunctionType(inputs, parseResultTypes());
  }

  /** A single non-function type, or a parenthesized possibly empty list. */
  public List<Type> parseResultTypes() {
    if (tok.isPunct("(")) {
      consume();
      List<Type> out = new ArrayList<>();
      if (!tok.isPunct(")")) {
        out.add(parseType());
        while (acceptPunct(",")) {
          out.add(parseType());
        }
      }
      expectPunct(")", "at end of type list");
      return out;
    }
    return List.of(parseType());
  }

  public List<Type> parseTypeList() {
    List<Type> out = new ArrayList<>();
    out.add(parseType());
    while (acceptPunct(",")) {
      out.add(parseType());
    }
    return out;
  }

  private Type parseShapedType(String kind, Token kindTok) {
    expectPunct("<", "after '" + kind + "'");
    List<Long> shape = new ArrayList<>();
    if (tok.isPunct("*")) {
      throw error("unranked " + kind + " types are not supported");
    }
    if (tok.isPunct("[")) {
      throw error("scalable vectors are not supported");
    }
    // Dimension list: (integer | ?) 'x' ..., where 'x' may be glued to the next identifier.
    while (true) {
      if (tok.is(Kind.INTEGER) && !tok.text().startsWith("0x")) {
        shape.add(parseIntegerValue(consume()));
      } else if (tok.is(Kind.INTEGER) && tok.text().startsWith("0x")) {
        // "0x4xf32": a zero dimension followed by 'x'.
        shape.add(0L);
        splitCurrent(1);
        continue;
      } else if (tok.isPunct("?")) {
        if (kind.equals("vector")) {
          throw error("vector dimensions must be static");
        }
        consume();
        shape.add(ShapedType.DYNAMIC);
      } else {
        break;
      }
      if (!tok.is(Kind.BARE_IDENT) || !tok.text().startsWith("x")) {
        throw error("expected 'x' in dimension list, found '" + tok.spelling() + "'");
      }
      if (tok.text().length() == 1) {
        consume();
      } else {
        splitCurrent(1);
      }
    }
    Token elemTok = tok;
    Type elem = parseType();
    if (acceptPunct(",")) {
      throw error(prev().location(), "memref layouts and memory spaces are not supported");
    }
    expectPunct(">", "at end of " + kind + " type");
    try {
      return switch (kind) {
        case "memref" -> new MemRefType(shape, elem);
        case "vector" -> new VectorType(shape, elem);
        default -> new TensorType(shape, elem);
      };
    } catch (IllegalArgumentException e) {
      throw error(shape.isEmpty() && kind.equals("vector") ? kindTok.location()
          : elemTok.location(), "invalid " + kind + " type: " + e.getMessage());
    }
  }

  // Attributes ------------------------------------------------------------------------------------

  public Attribute parseAttribute() {
    return parseAttribute(null);
  }

  /**
   * Parses an attribute. {@code expected}, when non-null, is the type of an integer or float
   * literal written without {@code : type}.
   */
  public Attribute parseAttribute(Type expected) {
    Token t = tok;
    switch (t.kind()) {
      case STRING -> {
        consume();
        return new Attribute.StringAttr(t.text());
      }
      case SYMBOL -> {
        consume();
        if (tok.isPunct(":") && lexer.source().startsWith("::", tok.offset())) {
          throw error("nested symbol references are not supported");
        }
        return new Attribute.SymbolRefAttr(t.text());
      }
      case HASH_ID -> {
        return parseHashAttribute();
      }
      case INTEGER, FLOAT -> {
        return parseNumberAttribute(false, expected);
      }
      case PUNCT -> {
        if (t.isPunct("-")) {
          consume();
          if (!tok.is(Kind.INTEGER) && !tok.is(Kind.FLOAT)) {
            throw error("expected integer or float after '-'");
          }
          return parseNumberAttribute(true, expected);
        }
        if (t.isPunct("[")) {
          consume();
          List<Attribute> elems = new ArrayList<>();
          if (!tok.isPunct("]")) {
            elems.add(parseAttribute());
            while (acceptPunct(",")) {
              elems.add(parseAttribute());
            }
          }
          expectPunct("]", "at end of array attribute");
          return new Attribute.ArrayAttr(elems);
        }
        if (t.isPunct("{")) {
          return Attribute.DictionaryAttr.of(parseAttrDict());
        }
        if (t.isPunct("(")) {
          return new Attribute.TypeAttr(parseType());
        }
        throw error("expected attribute value, found '" + t.spelling() + "'");
      }
      case BARE_IDENT -> {
        switch (t.text()) {
          case "true", "false" -> {
            consume();
            return new Attribute.IntegerAttr(t.text().equals("true") ? 1 : 0, IntegerType.I1);
          }
          case "unit" -> {
            consume();
            return Attribute.UnitAttr.INSTANCE;
          }
          case "affine_map" -> {
            consume();
            expectPunct("<", "after 'affine_map'");
            AffineMap m = parseMapBodyLocated();
            expectPunct(">", "at end of affine_map");
            return new Attribute.AffineMapAttr(m);
          }
          case "affine_set" -> {
            consume();
            expectPunct("<", "after 'affine_set'");
            IntegerSet s = parseSetBodyLocated();
            expectPunct(">", "at end of affine_set");
            return new Attribute.IntegerSetAttr(s);
          }
          case "array" -> {
            return parseDenseArray();
          }
          case "dense" -> {
            return parseDense(expected);
          }
          default -> {
            if (atType()) {
              return new Attribute.TypeAttr(parseType());
            }
            throw error("expected attribute value, found '" + t.spelling() + "'");
          }
        }
      }
      default -> throw error("expected attribute value, found '" + t.spelling() + "'");
    }
  }

  AffineMap parseMapBodyLocated() {
    Token start = tok;
    try {
      return AffineParser.parseMapBody(this);
    } catch (IllegalArgumentException e) {
      throw AffineParser.invalid(this, start, e);
    }
  }

  IntegerSet parseSetBodyLocated() {
    Token start = tok;
    try {
      return AffineParser.parseSetBody(this);
    } catch (IllegalArgumentException e) {
      throw AffineParser.invalid(this, start, e);
    }
  }

  private Attribute parseHashAttribute() {
    Token t = consume();
    Attribute a = aliases.get(t.text());
    if (a != null) {
      return a;
    }
    if (t.text().equals("vector.kind")) {
      expectPunct("<", "after '#vector.kind'");
      Token k = tok;
      if (!k.is(Kind.BARE_IDENT)) {
        throw error("expected combining kind");
      }
      consume();
      expectPunct(">", "at end of '#vector.kind'");
      return new Attribute.StringAttr(k.text());
    }
    if (t.text().contains(".")) {
      throw error(t.location(), "dialect attribute '#" + t.text() + "' is not supported");
    }
    throw error(t.location(), "undefined symbol alias id '" + t.text() + "'");
  }

  private Attribute parseNumberAttribute(boolean negative, Type expected) {
    Token num = consume();
    Type type = expected;
    Token typeTok = null;
    if (tok.isPunct(":")) {
      consume();
      typeTok = tok;
      type = parseType();
    }
    Location where = typeTok != null ? typeTok.location() : num.location();
    if (num.is(Kind.FLOAT)) {
      if (type == null) {
        type = FloatType.F64;
      }
      if (!(type instanceof FloatType ft)) {
        throw error(where, "floating point value not valid for specified type " + type);
      }
      double v = FloatFormat.parseDecimal(num.text(), ft);
      return new Attribute.FloatAttr(negative ? -v : v, ft);
    }
    if (type == null) {
      type = IntegerType.I64;
    }
    if (type instanceof FloatType ft) {
      if (!num.text().startsWith("0x")) {
        throw error(num.location(), "unexpected decimal integer literal for a floating point value"
            + " (add a trailing dot to make the literal a float)");
      }
      if (negative) {
        throw error(num.location(), "hexadecimal float literal should not have a leading minus");
      }
      BigInteger bits = bigInteger(num);
      if (bits.bitLength() > ft.width()) {
        throw error(num.location(), "hexadecimal float constant out of range for type");
      }
      return new Attribute.FloatAttr(FloatFormat.fromBits(bits.longValue(), ft), ft);
    }
    if (!type.isIntOrIndex()) {
      throw error(where, "integer literal not valid for specified type " + type);
    }
    BigInteger v = bigInteger(num);
    if (negative) {
      v = v.negate();
    }
    int width = type instanceof IntegerType it ? it.width() : 64;
    if (!fitsInWidth(v, width)) {
      throw error(num.location(), "integer constant out of range for attribute");
    }
    long value = v.longValue();
    if (width < 64) {
      // Store the sign-extended value of the low bits, the way MLIR prints signless integers.
      long shifted = value << (64 - width);
      value = width == 1 ? (value & 1) : shifted >> (64 - width);
    }
    return new Attribute.IntegerAttr(value, type);
  }

  private static boolean fitsInWidth(BigInteger v, int width) {
    if (width >= 64) {
      return v.bitLength() <= 64 && (v.signum() >= 0 || v.bitLength() <= 63);
    }
    BigInteger max = BigInteger.ONE.shiftLeft(width);
    BigInteger min = BigInteger.ONE.shiftLeft(width - 1).negate();
    return v.compareTo(max) < 0 && v.compareTo(min) >= 0;
  }

  private Attribute parseDenseArray() {
    consume();
    expectPunct("<", "after 'array'");
    Token typeTok = tok;
    Type t = parseType();
    if (!(t instanceof IntegerType it)) {
      throw error(typeTok.location(), "only integer dense arrays are supported, got " + t);
    }
    List<Long> values = new ArrayList<>();
    if (acceptPunct(":")) {
      values.add(parseArrayElement(it));
      while (acceptPunct(",")) {
        values.add(parseArrayElement(it));
      }
    }
    expectPunct(">", "at end of dense array");
    return new Attribute.DenseArrayAttr(it, values);
  }

  private long parseArrayElement(IntegerType it) {
    if (it.width() == 1 && (tok.isKeyword("true") || tok.isKeyword("false"))) {
      return consume().text().equals("true") ? 1 : 0;
    }
    Token t = tok;
    long v = parseSignedInteger();
    if (!fitsInWidth(BigInteger.valueOf(v), it.width())) {
      throw error(t.location(), "integer constant out of range for " + it);
    }
    return v;
  }

  /** A parsed dense literal element or nested list, before the type is known. */
  private sealed interface DenseLit {
    Location location();
  }

  private record DenseScalar(Token token, boolean negative, Location location)
      implements DenseLit {}

  private record DenseList(List<DenseLit> elements, Location location) implements DenseLit {}

  /**
   * Parses {@code dense<...> : type}; the {@code : type} may be left out when {@code expected} is a
   * shaped type (memref.global's initial value, whose type follows from the global's).
   */
  private Attribute parseDense(Type expected) {
    Token denseTok = consume();
    expectPunct("<", "after 'dense'");
    DenseLit lit = parseDenseLit();
    expectPunct(">", "at end of dense elements");
    Token typeTok = tok;
    Type type;
    if (expected instanceof ShapedType && !tok.isPunct(":")) {
      type = expected;
    } else {
      expectPunct(":", "after dense elements (the type is required)");
      typeTok = tok;
      type = parseType();
    }
    if (!(type instanceof ShapedType st) || !st.hasStaticShape()) {
      throw error(typeTok.location(), "dense elements need a statically shaped type, got " + type);
    }
    Type elem = st.elementType();
    if (!(elem instanceof FloatType) && !elem.isIntOrIndex()) {
      throw error(typeTok.location(), "unsupported dense element type " + elem);
    }
    double[] values;
    if (lit instanceof DenseScalar s) {
      values = new double[] {denseValue(s, elem)};
    } else {
      List<Double> flat = new ArrayList<>();
      flatten((DenseList) lit, st.shape(), 0, elem, flat);
      values = flat.stream().mapToDouble(Double::doubleValue).toArray();
    }
    try {
      return new Attribute.DenseElementsAttr(type, values);
    } catch (IllegalArgumentException e) {
      throw error(denseTok.location(), e.getMessage());
    }
  }

  private DenseLit parseDenseLit() {
    Location l = tok.location();
    if (acceptPunct("[")) {
      List<DenseLit> elems = new ArrayList<>();
      if (!tok.isPunct("]")) {
        elems.add(parseDenseLit());
        while (acceptPunct(",")) {
          elems.add(parseDenseLit());
        }
      }
      expectPunct("]", "in dense elements");
      return new DenseList(elems, l);
    }
    boolean neg = acceptPunct("-");
    if (tok.is(Kind.INTEGER) || tok.is(Kind.FLOAT)
        || (!neg && (tok.isKeyword("true") || tok.isKeyword("false")))) {
      return new DenseScalar(consume(), neg, l);
    }
    throw error("expected element literal of primitive type, found '" + tok.spelling() + "'");
  }

  private void flatten(DenseList list, List<Long> shape, int dim, Type elem, List<Double> out) {
    if (dim >= shape.size()) {
      throw error(list.location(), "dense elements nested deeper than the type's rank "
          + shape.size());
    }
    if (list.elements().size() != shape.get(dim)) {
      throw error(list.location(), "dense elements: expected " + shape.get(dim)
          + " elements in dimension " + dim + ", got " + list.elements().size());
    }
    for (DenseLit e : list.elements()) {
      if (dim + 1 < shape.size()) {
        if (!(e instanceof DenseList inner)) {
          throw error(e.location(), "dense elements: expected a nested list");
        }
        flatten(inner, shape, dim + 1, elem, out);
      } else {
        if (!(e instanceof DenseScalar s)) {
          throw error(e.location(), "dense elements nested deeper than the type's rank "
              + shape.size());
        }
        out.add(denseValue(s, elem));
      }
    }
  }

  private double denseValue(DenseScalar s, Type elem) {
    Token t = s.token();
    if (t.is(Kind.BARE_IDENT)) {
      if (!(elem instanceof IntegerType it) || it.width() != 1) {
        throw error(t.location(), "boolean literal for non-i1 element type " + elem);
      }
      return t.text().equals("true") ? 1 : 0;
    }
    if (elem instanceof FloatType ft) {
      if (t.is(Kind.INTEGER)) {
        if (t.text().startsWith("0x") && !s.negative()) {
          return FloatFormat.fromBits(bigInteger(t).longValue(), ft);
        }
        double v = bigInteger(t).doubleValue();
        return FloatFormat.roundTo(s.negative() ? -v : v, ft);
      }
      double v = FloatFormat.parseDecimal(t.text(), ft);
      return s.negative() ? -v : v;
    }
    if (t.is(Kind.FLOAT)) {
      throw error(t.location(), "expected integer elements, but parsed floating-point");
    }
    BigInteger v = bigInteger(t);
    if (s.negative()) {
      v = v.negate();
    }
    int width = elem instanceof IntegerType it ? it.width() : 64;
    if (!fitsInWidth(v, width) || v.abs().bitLength() > 53) {
      throw error(t.location(), "integer constant out of range for dense element type " + elem);
    }
    return v.doubleValue();
  }

  /**
   * Parses {@code {key = value, flag, "quoted key" = value}}; fails on duplicate keys. The current
   * token must be {@code {}.
   */
  Map<String, Attribute> parseAttrDict() {
    expectPunct("{", "at start of attribute dictionary");
    Map<String, Attribute> out = new TreeMap<>();
    if (acceptPunct("}")) {
      return out;
    }
    while (true) {
      Token key = tok;
      if (!key.is(Kind.BARE_IDENT) && !key.is(Kind.STRING)) {
        throw error("expected attribute name, found '" + key.spelling() + "'");
      }
      consume();
      Attribute value = Attribute.UnitAttr.INSTANCE;
      boolean skip = false;
      if (acceptPunct("=")) {
        if (tok.is(Kind.HASH_ID) && tok.text().equals("arith.fastmath")) {
          skipFastMathNone();
          skip = true;
        } else {
          value = parseAttribute();
        }
      }
      if (out.containsKey(key.text())) {
        throw error(key.location(), "duplicate key '" + key.text() + "' in dictionary attribute");
      }
      if (!skip) {
        out.put(key.text(), value);
      }
      if (acceptPunct(",")) {
        continue;
      }
      expectPunct("}", "in attribute dictionary");
      return out;
    }
  }

  /** Fast-math flags are not modelled: only {@code #arith.fastmath<none>} is accepted. */
  private void skipFastMathNone() {
    Token t = consume();
    expectPunct("<", "after '#arith.fastmath'");
    if (!tok.isKeyword("none")) {
      throw error(t.location(), "fast-math flags other than 'none' are not supported");
    }
    consume();
    expectPunct(">", "at end of '#arith.fastmath'");
  }

  /** Parses {@code #name = attribute} at top level; the current token is the HASH_ID. */
  void parseAliasDefinition() {
    Token name = consume();
    if (aliases.containsKey(name.text())) {
      throw error(name.location(), "redefinition of attribute alias id '" + name.text() + "'");
    }
    expectPunct("=", "in attribute alias definition");
    if (tok.isKeyword("loc")) {
      skipOptionalLocation();
      return;
    }
    aliases.put(name.text(), parseAttribute());
  }
}
