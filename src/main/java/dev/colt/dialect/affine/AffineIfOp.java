// affine.if: a conditional on an integer set, with then/else regions that may yield results.
package dev.colt.dialect.affine;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.Location;
import dev.colt.ir.OpContext;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code affine.if #set(%i)[%n] -> f32 { ... } else { ... }}. Layout: attribute {@code condition}
 * (integer set), operands = the set's dims then symbols, two regions (then, else; else has zero
 * blocks when absent), each block ending in {@code affine.yield} of the results. Accessors expect
 * an op that verifies as affine.if.
 */
public final class AffineIfOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.if";
  public static final String CONDITION = "condition";

  /** Fills a branch: appends ops to {@code block} and returns the values to yield. */
  @FunctionalInterface
  public interface BranchBuilder {
    List<Value> build(Block.Builder block);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.SINGLE_BLOCK, OpTrait.IMPLICIT_TERMINATOR);
  }

  // Accessors ---------------------------------------------------------------------------------

  public static IntegerSet condition(Operation op) {
    if (op.attr(CONDITION) instanceof Attribute.IntegerSetAttr s) {
      return s.set();
    }
    throw new IllegalStateException("affine.if without an integer set condition");
  }

  /** The set's operands: dims then symbols. */
  public static List<Value> operands(Operation op) {
    return op.operands();
  }

  /** The dim operands of the condition. */
  public static List<Value> dimOperands(Operation op) {
    return op.operands().subList(0, condition(op).numDims());
  }

  /** The symbol operands of the condition. */
  public static List<Value> symbolOperands(Operation op) {
    return op.operands().subList(condition(op).numDims(), op.operands().size());
  }

  public static Block thenBlock(Operation op) {
    return op.region(0).entry();
  }

  public static boolean hasElse(Operation op) {
    return op.regions().size() > 1 && !op.region(1).blocks().isEmpty();
  }

  /** The else block, empty when the op has no else branch. */
  public static Optional<Block> elseBlock(Operation op) {
    return hasElse(op) ? Optional.of(op.region(1).entry()) : Optional.empty();
  }

  /** The values the then branch yields. */
  public static List<Value> thenYielded(Operation op) {
    return thenBlock(op).terminator().operands();
  }

  /** The values the else branch yields; empty without an else branch. */
  public static List<Value> elseYielded(Operation op) {
    return elseBlock(op).map(b -> b.terminator().operands()).orElse(List.of());
  }

  // Builders ----------------------------------------------------------------------------------

  /**
   * Builds an affine.if. {@code elseBuilder} may be null for no else branch, which requires
   * {@code resultTypes} to be empty.
   *
   * @throws IllegalArgumentException when the operand count does not fit the set, an else branch
   *     is missing while results are expected, or yielded types differ from {@code resultTypes}
   */
  public static Operation build(IntegerSet set, List<Value> operands, List<Type> resultTypes,
      BranchBuilder thenBuilder, BranchBuilder elseBuilder) {
    if (set.numInputs() != operands.size()) {
      throw new IllegalArgumentException("affine.if: set " + set + " takes " + set.numInputs()
          + " operands, got " + operands.size());
    }
    if (elseBuilder == null && !resultTypes.isEmpty()) {
      throw new IllegalArgumentException("affine.if with results needs an else branch");
    }
    Region thenRegion = Region.of(branch(thenBuilder, resultTypes));
    Region elseRegion = elseBuilder == null ? new Region(List.of())
        : Region.of(branch(elseBuilder, resultTypes));
    return create(set, operands, resultTypes, thenRegion, elseRegion, Location.UNKNOWN);
  }

  /** An affine.if without results or else branch. */
  public static Operation build(IntegerSet set, List<Value> operands, BranchBuilder thenBuilder) {
    return build(set, operands, List.of(), thenBuilder, null);
  }

  private static Block branch(BranchBuilder builder, List<Type> resultTypes) {
    Block.Builder b = new Block.Builder();
    List<Value> yielded = builder.build(b);
    if (!yielded.stream().map(Value::type).toList().equals(resultTypes)) {
      throw new IllegalArgumentException("affine.if branch yields " + yielded.stream()
          .map(Value::type).toList() + " but the op has result types " + resultTypes);
    }
    b.add(AffineYieldOp.build(yielded));
    return b.build();
  }

  /** Assembles an affine.if from built regions (else: zero blocks when absent). No checks. */
  public static Operation create(IntegerSet set, List<Value> operands, List<Type> resultTypes,
      Region thenRegion, Region elseRegion, Location location) {
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(CONDITION, new Attribute.IntegerSetAttr(set));
    return Operation.create(NAME, operands, resultTypes, attrs, List.of(thenRegion, elseRegion),
        location);
  }

  // Verification ------------------------------------------------------------------------------

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!(op.attr(CONDITION) instanceof Attribute.IntegerSetAttr setAttr)) {
      AffineSupport.error(sink, op, "requires attribute 'condition' to be an integer set");
      return;
    }
    IntegerSet set = setAttr.set();
    if (op.operands().size() != set.numInputs()) {
      AffineSupport.error(sink, op, "operand count and condition integer set dimension and "
          + "symbol count must match");
    }
    AffineSupport.checkIndexTyped(op, op.operands(), "operands must be of type 'index'", sink);
    if (op.regions().size() != 2) {
      AffineSupport.error(sink, op, "expected 2 regions (then and else)");
      return;
    }
    if (op.region(0).blocks().size() != 1) {
      AffineSupport.error(sink, op, "expects the then region to have exactly one block");
      return;
    }
    if (op.region(1).blocks().size() > 1) {
      AffineSupport.error(sink, op, "expects the else region to have 0 or 1 blocks");
      return;
    }
    List<Type> resultTypes = op.results().stream().map(Value::type).toList();
    if (!resultTypes.isEmpty() && op.region(1).blocks().isEmpty()) {
      AffineSupport.error(sink, op, "must have an else block if defining values");
      return;
    }
    for (Region r : op.regions()) {
      for (Block b : r.blocks()) {
        if (!b.arguments().isEmpty()) {
          AffineSupport.error(sink, op, "requires branch blocks without arguments");
          return;
        }
        AffineYieldOp.verifyTerminator(op, b, resultTypes, sink);
      }
    }
  }

  @Override
  public void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
    if (op.attr(CONDITION) instanceof Attribute.IntegerSetAttr s
        && s.set().numInputs() == op.operands().size()) {
      AffineForOp.checkDimsAndSymbols(op, op.operands(), s.set().numDims(),
          new AffineValidity(context), sink);
    }
  }

  // Text --------------------------------------------------------------------------------------

  @Override
  public void print(Operation op, OpPrinter printer) {
    IntegerSet set = condition(op);
    printer.print(" ").printIntegerSet(set);
    AffineSupport.printDimAndSymbolList(printer, op.operands(), set.numDims());
    AffineSupport.printOptionalArrowTypeList(printer,
        op.results().stream().map(Value::type).toList());
    boolean printTerminators = !op.results().isEmpty();
    printer.print(" ");
    printer.printRegion(op.region(0), false, printTerminators);
    if (hasElse(op)) {
      printer.print(" else ");
      printer.printRegion(op.region(1), false, printTerminators);
    }
    AffineSupport.printAttrDict(printer, op, Set.of(CONDITION));
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    Location setLoc = parser.location();
    IntegerSet set = parser.parseIntegerSet();
    int[] numDims = new int[1];
    List<Value> operands = AffineSupport.parseDimAndSymbolList(parser, numDims);
    if (numDims[0] != set.numDims()) {
      throw parser.error(location,
          "custom op 'affine.if' dim operand count and integer set dim count must match");
    }
    if (operands.size() - numDims[0] != set.numSymbols()) {
      throw parser.error(location,
          "custom op 'affine.if' symbol operand count and integer set symbol count must match");
    }
    List<Type> resultTypes = AffineSupport.parseOptionalArrowTypeList(parser);
    Region thenRegion = singleBlockWithYield(parser, parser.parseRegion(List.of(), List.of(),
        false), setLoc);
    Region elseRegion = new Region(List.of());
    if (parser.parseOptionalKeyword("else")) {
      elseRegion = singleBlockWithYield(parser, parser.parseRegion(List.of(), List.of(), false),
          setLoc);
    }
    Map<String, Attribute> extra = parser.parseOptionalAttrDict();
    Operation op = create(set, operands, resultTypes, thenRegion, elseRegion,
        AffineSupport.loc(location));
    if (!extra.isEmpty()) {
      Map<String, Attribute> attrs = new TreeMap<>(op.attributes());
      attrs.putAll(extra);
      op = op.withAttributes(attrs);
    }
    return op;
  }

  private static Region singleBlockWithYield(OpParser parser, Region region, Location loc) {
    if (region.blocks().size() > 1) {
      throw parser.error(loc, "'affine.if' op expects regions to have 0 or 1 blocks");
    }
    return Region.of(AffineForOp.withImplicitYield(region));
  }
}
