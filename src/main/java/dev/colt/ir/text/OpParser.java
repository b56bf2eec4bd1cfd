// What an op's custom syntax may ask of the parser.
package dev.colt.ir.text;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.Location;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;

/**
 * Parser services for {@link OpSyntax#parse}. Every {@code parse*} method either consumes what it
 * names or throws a located {@link DiagnosticException}; every {@code parseOptional*} method consumes
 * nothing and returns false/null/empty when the next token does not start what it names.
 */
public interface OpParser {
  /** A reference to a value not resolved yet: {@code %name} or {@code %name#3}. */
  record UnresolvedOperand(String name, int resultNumber, Location location) {}

  /** A value name being defined (an induction variable, an iter_arg, a function argument). */
  record Argument(String name, Location location) {}

  /** An affine map together with its dim and symbol operands, in that order. */
  record MapWithOperands(AffineMap map, List<Value> operands) {}

  /** The location of the next token. */
  Location location();

  /** A located error at the next token, to throw: {@code throw parser.error("...")}. */
  DiagnosticException error(String message);

  /** A located error at {@code location}. */
  DiagnosticException error(Location location, String message);

  // Punctuation and keywords -----------------------------------------------------------------

  /** Consumes {@code punct} (one of {@code ( ) [ ] { } < > , : = -> * + - ?}) or fails. */
  void parsePunct(String punct);

  boolean parseOptionalPunct(String punct);

  /** Consumes the bare identifier {@code keyword} or fails. */
  void parseKeyword(String keyword);

  boolean parseOptionalKeyword(String keyword);

  /** Consumes and returns a bare identifier (which may contain dots and underscores). */
  String parseKeywordToken();

  /** Consumes and returns a bare identifier when the next token is one; null otherwise. */
  String parseOptionalKeywordToken();

  /** Consumes a (possibly negative) integer literal. */
  long parseInteger();

  /** Consumes an integer literal when present. */
  Long parseOptionalInteger();

  /** Consumes a string literal and returns its unescaped content. */
  String parseString();

  /** Consumes {@code @name} and returns {@code name}. */
  String parseSymbolName();

  /** Skips a {@code loc(...)} source location when present (locations are ignored). */
  void skipOptionalLocation();

  // Values ------------------------------------------------------------------------------------

  UnresolvedOperand parseOperand();

  /** Null when the next token is not a value reference. */
  UnresolvedOperand parseOptionalOperand();

  /** A possibly empty comma-separated list of operands (no delimiters). */
  List<UnresolvedOperand> parseOperandList();

  /** Resolves a reference to a visible value of type {@code type}; fails on undefined or mismatch. */
  Value resolveOperand(UnresolvedOperand operand, Type type);

  /** Resolves each operand with the type at the same position; fails on a count mismatch. */
  List<Value> resolveOperands(List<UnresolvedOperand> operands, List<Type> types);

  /** Resolves a reference to a visible value whatever its type. */
  Value resolveOperand(UnresolvedOperand operand);

  /** Consumes {@code %name} to be defined by the op being parsed. */
  Argument parseArgument();

  /** Consumes {@code %name} to be defined, when the next token is a value name; null otherwise. */
  Argument parseOptionalArgument();

  // Types and attributes ----------------------------------------------------------------------

  Type parseType();

  /** Consumes {@code : type}. */
  Type parseColonType();

  /** Consumes {@code : t1, t2} (at least one type). */
  List<Type> parseColonTypeList();

  /** Consumes {@code t1, t2} (at least one type). */
  List<Type> parseTypeList();

  /** Consumes a single type or a parenthesized, possibly empty, list; for results after {@code ->}. */
  List<Type> parseResultTypes();

  Attribute parseAttribute();

  /** Parses an attribute whose type, when it has none written, is {@code type} (e.g. {@code 1.0}). */
  Attribute parseAttribute(Type type);

  /** Consumes {@code {k = v, ...}} when present; an empty map otherwise. */
  Map<String, Attribute> parseOptionalAttrDict();

  // Affine ------------------------------------------------------------------------------------

  /** Consumes a map alias ({@code #map}) or inline {@code affine_map<...>}. */
  AffineMap parseAffineMap();

  /** Consumes a set alias ({@code #set}) or inline {@code affine_set<...>}. */
  IntegerSet parseIntegerSet();

  /**
   * Consumes subscripts written with SSA names inside the given delimiters, e.g.
   * {@code [%i + 1, symbol(%n) - %j]} for {@code "["}/{@code "]"}, resolving each name as an
   * index-typed value; builds the map with dims in order of first use and symbols (in order of
   * first use) for the values written in {@code symbol(...)}, as MLIR does: a bare {@code %n} is
   * always a dim, even when it would be a valid symbol.
   */
  MapWithOperands parseAffineMapOfSsaIds(String open, String close);

  /**
   * Consumes an affine-for style bound: an integer constant, an SSA value (identity map), or a
   * map application {@code #map(%a)[%s]} / {@code affine_map<...>(%a)}. {@code minMaxKeyword} is
   * {@code "max"} for lower bounds or {@code "min"} for upper ones and may precede a map
   * application; it is consumed when present.
   */
  MapWithOperands parseAffineBound(String minMaxKeyword);

  /** Consumes a map application {@code #map(%d..)[%s..]} with index-typed operands. */
  MapWithOperands parseAffineMapApplication();

  // Regions -----------------------------------------------------------------------------------

  /**
   * Consumes a region in braces. Its entry block's arguments are {@code arguments} with
   * {@code types} when given (block arguments written in the region's text are parsed when
   * {@code arguments} is empty and the region starts with a block label). Names defined outside
   * stay visible inside unless the op is isolated from above.
   *
   * @return the region; the values created for {@code arguments} are its entry block arguments
   */
  Region parseRegion(List<Argument> arguments, List<Type> types, boolean isolatedFromAbove);

  /** Like {@link #parseRegion} but only when the next token is {@code {}; null otherwise. */
  Region parseOptionalRegion(List<Argument> arguments, List<Type> types);
}
