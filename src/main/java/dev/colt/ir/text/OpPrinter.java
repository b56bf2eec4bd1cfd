// What an op's custom syntax may ask of the printer.
package dev.colt.ir.text;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Printer services for {@link OpSyntax#print}. Names of values are assigned by the printer. */
public interface OpPrinter {
  /** Appends raw text. */
  OpPrinter print(String text);

  /** Appends the SSA name of a value ({@code %0}, {@code %arg1}); defines a name if it has none. */
  OpPrinter printOperand(Value v);

  /** Appends {@code %a, %b} (nothing for an empty list). */
  OpPrinter printOperands(List<Value> vs);

  OpPrinter printType(Type t);

  /** Appends {@code t1, t2}. */
  OpPrinter printTypes(List<Type> ts);

  OpPrinter printAttribute(Attribute a);

  /**
   * Appends an attribute without its {@code : type} suffix, for syntax that states the type
   * elsewhere (memref.global's {@code = dense<...>}). Default: the full form.
   */
  default OpPrinter printAttributeWithoutType(Attribute a) {
    return printAttribute(a);
  }

  /** Appends an affine map as an alias ({@code #map1}) or inline ({@code affine_map<...>}). */
  OpPrinter printAffineMap(AffineMap map);

  /** Appends an integer set as an alias ({@code #set}) or inline ({@code affine_set<...>}). */
  OpPrinter printIntegerSet(IntegerSet set);

  /**
   * Appends the results of {@code map} with dims and symbols replaced by operand names, the way
   * affine.load subscripts print: {@code %i + 1, %j}. {@code operands} are dims then symbols; a
   * symbol operand prints as {@code symbol(%n)} unless it is a valid top-level symbol name form the
   * syntax owner chose to print bare (MLIR prints {@code symbol(%n)} inside subscripts).
   */
  OpPrinter printAffineMapOfSsaIds(AffineMap map, List<Value> operands);

  /**
   * Appends a map application {@code #map(%d0, %d1)[%s0]} (operands split by the map's dim count).
   */
  OpPrinter printAffineMapApplication(AffineMap map, List<Value> operands);

  /**
   * Appends {@code {key = value, ...}} for the attributes not in {@code elided}, preceded by a space
   * unless the text so far already ends with one; nothing when all are elided.
   */
  OpPrinter printOptionalAttrDict(Map<String, Attribute> attributes, Collection<String> elided);

  /**
   * Appends a region in braces on new lines. {@code printEntryArgs} prints the entry block's
   * argument list; {@code printTerminator} false omits a terminator that has no operands and no
   * attributes (for ops whose syntax supplies it implicitly).
   */
  OpPrinter printRegion(Region region, boolean printEntryArgs, boolean printTerminator);

  /** Appends {@code %name: type} for a block argument (func signatures, iter_args). */
  OpPrinter printArgumentDecl(Value v);
}
