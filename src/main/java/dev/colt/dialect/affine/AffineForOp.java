// affine.for: a counted loop with affine bounds (max/min lists), a positive step and iter_args.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IndexType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code affine.for %i = max #lb(%a)[%s] to min #ub(%b)[%t] step 4 iter_args(%acc = %x) -> (f32)}.
 * The induction variable runs from the maximum of the lower-bound map's results to (excluded) the
 * minimum of the upper-bound map's results. Layout (MLIR's generic form): operands = lower-bound
 * operands ++ upper-bound operands ++ inits; attributes {@code lowerBoundMap},
 * {@code upperBoundMap}, {@code step} (index), {@code operandSegmentSizes} [nLb, nUb, nInits];
 * one region whose entry block has the induction variable then the iter args and ends in
 * {@code affine.yield}; results are the final iter args. A parallel loop carries the unit
 * attribute {@value #PARALLEL}.
 *
 * <p>The static accessors take an op that verifies as affine.for; on other ops they fail with
 * IllegalStateException or IndexOutOfBoundsException.
 */
public final class AffineForOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.for";
  public static final String LOWER_BOUND_MAP = "lowerBoundMap";
  public static final String UPPER_BOUND_MAP = "upperBoundMap";
  public static final String STEP = "step";
  public static final String SEGMENTS = "operandSegmentSizes";
  /** Unit attribute marking a loop whose iterations may run in parallel. */
  public static final String PARALLEL = "colt.parallel";

  private static final Set<String> ELIDED =
      Set.of(LOWER_BOUND_MAP, UPPER_BOUND_MAP, STEP, SEGMENTS);

  /** Fills a loop body: appends ops to {@code body} and returns the values to yield. */
  @FunctionalInterface
  public interface BodyBuilder {
    List<Value> build(Block.Builder body, Value inductionVar, List<Value> iterArgs);
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

  public static AffineMap lowerMap(Operation op) {
    return AffineSupport.map(op, LOWER_BOUND_MAP);
  }

  public static AffineMap upperMap(Operation op) {
    return AffineSupport.map(op, UPPER_BOUND_MAP);
  }

  private static int[] segments(Operation op) {
    if (op.attr(SEGMENTS) instanceof Attribute.DenseArrayAttr d && d.size() == 3) {
      return new int[] {(int) d.get(0), (int) d.get(1), (int) d.get(2)};
    }
    throw new IllegalStateException("affine.for without a 3-element " + SEGMENTS);
  }

  public static List<Value> lowerOperands(Operation op) {
    int[] s = segments(op);
    return op.operands().subList(0, s[0]);
  }

  public static List<Value> upperOperands(Operation op) {
    int[] s = segments(op);
    return op.operands().subList(s[0], s[0] + s[1]);
  }

  /** The initial values of the iter args. */
  public static List<Value> inits(Operation op) {
    int[] s = segments(op);
    return op.operands().subList(s[0] + s[1], s[0] + s[1] + s[2]);
  }

  public static long step(Operation op) {
    if (op.attr(STEP) instanceof Attribute.IntegerAttr i) {
      return i.value();
    }
    throw new IllegalStateException("affine.for without an integer step");
  }

  /** The loop body (entry block of the only region). */
  public static Block body(Operation op) {
    return op.body();
  }

  public static Value inductionVar(Operation op) {
    return op.body().arguments().get(0);
  }

  /** The body's block arguments after the induction variable. */
  public static List<Value> iterArgs(Operation op) {
    List<Value> args = op.body().arguments();
    return args.subList(1, args.size());
  }

  /** The operands of the body's terminating affine.yield. */
  public static List<Value> yieldedValues(Operation op) {
    Operation term = op.body().terminator();
    if (term == null || !term.is(AffineYieldOp.NAME)) {
      throw new IllegalStateException("affine.for body does not end in affine.yield");
    }
    return term.operands();
  }

  public static boolean isParallel(Operation op) {
    return op.hasAttr(PARALLEL);
  }

  /** True when every result of both bound maps is a constant. */
  public static boolean hasConstantBounds(Operation op) {
    return constantLowerBound(op).isPresent() && constantUpperBound(op).isPresent();
  }

  /** The lower bound when all its results are constants (their maximum); empty otherwise. */
  public static OptionalLong constantLowerBound(Operation op) {
    return constantBound(lowerMap(op), true);
  }

  /** The upper bound when all its results are constants (their minimum); empty otherwise. */
  public static OptionalLong constantUpperBound(Operation op) {
    return constantBound(upperMap(op), false);
  }

  private static OptionalLong constantBound(AffineMap map, boolean max) {
    if (map.numResults() == 0) {
      return OptionalLong.empty();
    }
    long best = max ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (AffineExpr e : map.results()) {
      if (!(e instanceof AffineExpr.Constant c)) {
        return OptionalLong.empty();
      }
      best = max ? Math.max(best, c.value()) : Math.min(best, c.value());
    }
    return OptionalLong.of(best);
  }

  /** The number of iterations when both bounds are constant (0 for an empty range). */
  public static OptionalLong constantTripCount(Operation op) {
    OptionalLong lb = constantLowerBound(op);
    OptionalLong ub = constantUpperBound(op);
    if (lb.isEmpty() || ub.isEmpty()) {
      return OptionalLong.empty();
    }
    long span = ub.getAsLong() - lb.getAsLong();
    if (span <= 0) {
      return OptionalLong.of(0);
    }
    long step = step(op);
    return OptionalLong.of((span + step - 1) / step);
  }

  // Builders ----------------------------------------------------------------------------------

  /**
   * Builds a loop. The body builder gets the induction variable and iter args (typed as
   * {@code inits}) and returns the values to yield, which become the results.
   *
   * @throws IllegalArgumentException when operand counts do not fit the maps, a map has no
   *     results, the step is not positive, or the yielded types differ from the inits'
   */
  public static Operation build(AffineMap lbMap, List<Value> lbOperands, AffineMap ubMap,
      List<Value> ubOperands, long step, List<Value> inits, BodyBuilder bodyBuilder) {
    AffineSupport.checkArity(lbMap, lbOperands, "affine.for lower bound");
    AffineSupport.checkArity(ubMap, ubOperands, "affine.for upper bound");
    if (lbMap.numResults() == 0 || ubMap.numResults() == 0) {
      throw new IllegalArgumentException("affine.for bound maps need at least one result");
    }
    if (step <= 0) {
      throw new IllegalArgumentException("affine.for step must be positive, got " + step);
    }
    List<Type> types = inits.stream().map(Value::type).toList();
    List<Value> args = new ArrayList<>();
    Value iv = new Value(IndexType.INSTANCE);
    args.add(iv);
    for (Type t : types) {
      args.add(new Value(t));
    }
    Block.Builder body = new Block.Builder(args);
    List<Value> yielded = bodyBuilder.build(body, iv, args.subList(1, args.size()));
    if (!yielded.stream().map(Value::type).toList().equals(types)) {
      throw new IllegalArgumentException("affine.for yields " + yielded.stream()
          .map(Value::type).toList() + " but its iter_args have types " + types);
    }
    body.add(AffineYieldOp.build(yielded));
    return create(lbMap, lbOperands, ubMap, ubOperands, step, inits, body.build(),
        Location.UNKNOWN);
  }

  /** A loop {@code for %i = lb to ub step s} with constant bounds and no iter args. */
  public static Operation build(long lb, long ub, long step, BodyBuilder bodyBuilder) {
    return build(AffineMap.constant(lb), List.of(), AffineMap.constant(ub), List.of(), step,
        List.of(), bodyBuilder);
  }

  /** A loop with constant bounds carrying {@code inits}. */
  public static Operation build(long lb, long ub, long step, List<Value> inits,
      BodyBuilder bodyBuilder) {
    return build(AffineMap.constant(lb), List.of(), AffineMap.constant(ub), List.of(), step,
        inits, bodyBuilder);
  }

  /**
   * Assembles an affine.for from parts with an already built body (whose first argument is the
   * induction variable, then one argument per init). Results get the inits' types. No checks.
   */
  public static Operation create(AffineMap lbMap, List<Value> lbOperands, AffineMap ubMap,
      List<Value> ubOperands, long step, List<Value> inits, Block body, Location location) {
    List<Value> operands = new ArrayList<>(lbOperands);
    operands.addAll(ubOperands);
    operands.addAll(inits);
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(LOWER_BOUND_MAP, new Attribute.AffineMapAttr(lbMap));
    attrs.put(UPPER_BOUND_MAP, new Attribute.AffineMapAttr(ubMap));
    attrs.put(STEP, Attribute.index(step));
    attrs.put(SEGMENTS, Attribute.DenseArrayAttr.i32(lbOperands.size(), ubOperands.size(),
        inits.size()));
    return Operation.create(NAME, operands, inits.stream().map(Value::type).toList(), attrs,
        List.of(Region.of(body)), location);
  }

  /** A copy with a new lower bound; keeps results, body and other attributes. */
  public static Operation withLowerBound(Operation op, AffineMap map, List<Value> operands) {
    return withParts(op, map, operands, upperMap(op), upperOperands(op), step(op));
  }

  /** A copy with a new upper bound; keeps results, body and other attributes. */
  public static Operation withUpperBound(Operation op, AffineMap map, List<Value> operands) {
    return withParts(op, lowerMap(op), lowerOperands(op), map, operands, step(op));
  }

  /** A copy carrying the {@value #PARALLEL} unit attribute (iterations may run in parallel). */
  public static Operation markParallel(Operation op) {
    return op.withAttribute(PARALLEL, Attribute.UnitAttr.INSTANCE);
  }

  /** A copy with a new step; keeps results, body and other attributes. */
  public static Operation withStep(Operation op, long step) {
    if (step <= 0) {
      throw new IllegalArgumentException("affine.for step must be positive, got " + step);
    }
    return op.withAttribute(STEP, Attribute.index(step));
  }

  private static Operation withParts(Operation op, AffineMap lbMap, List<Value> lbOperands,
      AffineMap ubMap, List<Value> ubOperands, long step) {
    AffineSupport.checkArity(lbMap, lbOperands, "affine.for lower bound");
    AffineSupport.checkArity(ubMap, ubOperands, "affine.for upper bound");
    List<Value> inits = inits(op);
    List<Value> operands = new ArrayList<>(lbOperands);
    operands.addAll(ubOperands);
    operands.addAll(inits);
    Map<String, Attribute> attrs = new TreeMap<>(op.attributes());
    attrs.put(LOWER_BOUND_MAP, new Attribute.AffineMapAttr(lbMap));
    attrs.put(UPPER_BOUND_MAP, new Attribute.AffineMapAttr(ubMap));
    attrs.put(STEP, Attribute.index(step));
    attrs.put(SEGMENTS, Attribute.DenseArrayAttr.i32(lbOperands.size(), ubOperands.size(),
        inits.size()));
    return op.withOperands(operands).withAttributes(attrs);
  }

  // Verification ------------------------------------------------------------------------------

  @Override
  public void verify(Operation op, VerificationSink sink) {
    AffineMap lb = AffineSupport.requireMap(op, LOWER_BOUND_MAP, sink);
    AffineMap ub = AffineSupport.requireMap(op, UPPER_BOUND_MAP, sink);
    if (!(op.attr(STEP) instanceof Attribute.IntegerAttr step) || !step.type().isIndex()) {
      AffineSupport.error(sink, op, "requires attribute 'step' to be an index integer");
      return;
    }
    if (step.value() <= 0) {
      AffineSupport.error(sink, op,
          "expected step to be representable as a positive signed integer");
    }
    if (!(op.attr(SEGMENTS) instanceof Attribute.DenseArrayAttr seg) || seg.size() != 3
        || seg.values().stream().anyMatch(v -> v < 0)) {
      AffineSupport.error(sink, op, "requires 'operandSegmentSizes' with 3 non-negative sizes");
      return;
    }
    long total = seg.get(0) + seg.get(1) + seg.get(2);
    if (total != op.operands().size()) {
      AffineSupport.error(sink, op, "operand count " + op.operands().size()
          + " does not match the sum of operandSegmentSizes (" + total + ")");
      return;
    }
    if (lb == null || ub == null) {
      return;
    }
    if (lb.numResults() == 0 || ub.numResults() == 0) {
      AffineSupport.error(sink, op, "bound maps must have at least one result");
    }
    if (lb.numInputs() != seg.get(0)) {
      AffineSupport.error(sink, op, "lower bound operand count does not match the affine map");
    }
    if (ub.numInputs() != seg.get(1)) {
      AffineSupport.error(sink, op, "upper bound operand count does not match the affine map");
    }
    List<Value> boundOperands = op.operands().subList(0, (int) (seg.get(0) + seg.get(1)));
    AffineSupport.checkIndexTyped(op, boundOperands, "bound operands must be of type 'index'",
        sink);
    if (op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
      AffineSupport.error(sink, op, "requires one region with one block");
      return;
    }
    Block body = op.body();
    if (body.arguments().isEmpty() || !body.arguments().get(0).type().isIndex()) {
      AffineSupport.error(sink, op,
          "expected body to have a single index argument for the induction variable");
      return;
    }
    List<Value> inits = op.operands().subList((int) (seg.get(0) + seg.get(1)),
        op.operands().size());
    if (inits.size() != op.results().size()) {
      AffineSupport.error(sink, op,
          "mismatch between the number of loop-carried values and results");
      return;
    }
    if (body.arguments().size() != inits.size() + 1) {
      AffineSupport.error(sink, op, "mismatch between the number of basic block args and the "
          + "number of loop-carried values");
      return;
    }
    List<Type> resultTypes = op.results().stream().map(Value::type).toList();
    for (int i = 0; i < inits.size(); i++) {
      Type r = resultTypes.get(i);
      if (!inits.get(i).type().equals(r) || !body.arguments().get(i + 1).type().equals(r)) {
        AffineSupport.error(sink, op, "types mismatch between iter operand #" + i + " ("
            + inits.get(i).type() + "), region iter_arg (" + body.arguments().get(i + 1).type()
            + ") and result (" + r + ")");
        return;
      }
    }
    AffineYieldOp.verifyTerminator(op, body, resultTypes, sink);
  }

  @Override
  public void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
    AffineValidity validity = new AffineValidity(context);
    checkDimsAndSymbols(op, lowerOperands(op), lowerMap(op).numDims(), validity, sink);
    checkDimsAndSymbols(op, upperOperands(op), upperMap(op).numDims(), validity, sink);
  }

  /** MLIR's verifyDimAndSymbolIdentifiers: the first {@code numDims} are dims, the rest symbols. */
  static void checkDimsAndSymbols(Operation op, List<Value> operands, int numDims,
      AffineValidity validity, VerificationSink sink) {
    for (int i = 0; i < operands.size(); i++) {
      Value v = operands.get(i);
      if (i < numDims) {
        if (!validity.isValidDim(v, op)) {
          AffineSupport.error(sink, op, "operand cannot be used as a dimension id");
          return;
        }
      } else if (!validity.isValidSymbol(v, op)) {
        AffineSupport.error(sink, op, "operand cannot be used as a symbol");
        return;
      }
    }
  }

  // Text --------------------------------------------------------------------------------------

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(inductionVar(op)).print(" = ");
    printBound(printer, lowerMap(op), lowerOperands(op), "max");
    printer.print(" to ");
    printBound(printer, upperMap(op), upperOperands(op), "min");
    if (step(op) != 1) {
      printer.print(" step " + step(op));
    }
    List<Value> inits = inits(op);
    boolean carries = !inits.isEmpty();
    if (carries) {
      printer.print(" iter_args(");
      List<Value> args = iterArgs(op);
      for (int i = 0; i < inits.size(); i++) {
        if (i > 0) {
          printer.print(", ");
        }
        printer.printOperand(args.get(i)).print(" = ").printOperand(inits.get(i));
      }
      printer.print(") -> (").printTypes(op.results().stream().map(Value::type).toList())
          .print(")");
    }
    printer.print(" ");
    printer.printRegion(op.region(0), false, carries);
    AffineSupport.printAttrDict(printer, op, ELIDED);
  }

  /** MLIR's bound form: a constant, a lone symbol operand, or {@code [max|min] #map(..)[..]}. */
  private static void printBound(OpPrinter printer, AffineMap map, List<Value> operands,
      String prefix) {
    if (map.numResults() == 1) {
      AffineExpr e = map.result(0);
      if (map.numInputs() == 0 && e instanceof AffineExpr.Constant c) {
        printer.print(Long.toString(c.value()));
        return;
      }
      if (map.numDims() == 0 && map.numSymbols() == 1 && e instanceof AffineExpr.Symbol) {
        printer.printOperand(operands.get(0));
        return;
      }
    } else {
      printer.print(prefix + " ");
    }
    printer.printAffineMapApplication(map, operands);
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.Argument iv = parser.parseArgument();
    parser.parsePunct("=");
    OpParser.MapWithOperands lb = parser.parseAffineBound("max");
    parser.parseKeyword("to");
    OpParser.MapWithOperands ub = parser.parseAffineBound("min");
    long step = 1;
    if (parser.parseOptionalKeyword("step")) {
      Location stepLoc = parser.location();
      step = parser.parseInteger();
      if (step <= 0) {
        throw parser.error(stepLoc, "custom op 'affine.for' expected step to be representable "
            + "as a positive signed integer");
      }
    }
    List<OpParser.Argument> args = new ArrayList<>();
    args.add(iv);
    List<Type> argTypes = new ArrayList<>();
    argTypes.add(IndexType.INSTANCE);
    List<Value> inits = new ArrayList<>();
    if (parser.parseOptionalKeyword("iter_args")) {
      parser.parsePunct("(");
      List<OpParser.UnresolvedOperand> initRefs = new ArrayList<>();
      do {
        args.add(parser.parseArgument());
        parser.parsePunct("=");
        initRefs.add(parser.parseOperand());
      } while (parser.parseOptionalPunct(","));
      parser.parsePunct(")");
      parser.parsePunct("->");
      List<Type> types = parser.parseResultTypes();
      if (types.size() != initRefs.size()) {
        throw parser.error(location, "custom op 'affine.for' mismatch between the number of "
            + "loop-carried values and results");
      }
      inits.addAll(parser.resolveOperands(initRefs, types));
      argTypes.addAll(types);
    }
    Location regionLoc = parser.location();
    Region region = parser.parseRegion(args, argTypes, false);
    if (region.blocks().size() > 1) {
      throw parser.error(regionLoc, "'affine.for' op expects region #0 to have 0 or 1 blocks");
    }
    Map<String, Attribute> extra = parser.parseOptionalAttrDict();
    Block body = withImplicitYield(region);
    Operation op = create(lb.map(), lb.operands(), ub.map(), ub.operands(), step, inits, body,
        AffineSupport.loc(location));
    if (!extra.isEmpty()) {
      Map<String, Attribute> attrs = new TreeMap<>(op.attributes());
      attrs.putAll(extra);
      op = op.withAttributes(attrs);
    }
    return op;
  }

  /** The region's single block, with an operand-less affine.yield appended when it has none. */
  static Block withImplicitYield(Region region) {
    Block block = region.blocks().isEmpty() ? new Block(List.of(), List.of()) : region.entry();
    Operation term = block.terminator();
    if (term != null && term.is(AffineYieldOp.NAME)) {
      return block;
    }
    List<Operation> ops = new ArrayList<>(block.operations());
    ops.add(AffineYieldOp.build());
    return block.withOperations(ops);
  }
}
