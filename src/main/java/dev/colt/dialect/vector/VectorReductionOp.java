// vector.reduction: combines the lanes of a 1-D vector into a scalar, with an optional accumulator.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ArithSemantics;
import dev.colt.dialect.arith.ArithSyntax;
import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.StringAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code vector.reduction}: attribute {@code kind} (a StringAttr holding the combining kind,
 * {@code #vector.kind<add>} in MLIR), operands a 1-D vector and optionally an accumulator of the
 * element type; result the element type. Float add and mul combine in lane order starting from
 * the accumulator (LLVM's ordered reduction). Text:
 * {@code %r = vector.reduction <add>, %v : vector<8xf32> into f32}.
 */
public final class VectorReductionOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.reduction";
  public static final String KIND = "kind";

  /** MLIR's {@code vector::CombiningKind}, with the element types each applies to. */
  public enum Kind {
    ADD("add", true, true), MUL("mul", true, true), MINUI("minui", true, false),
    MINSI("minsi", true, false), MINNUMF("minnumf", false, true), MAXUI("maxui", true, false),
    MAXSI("maxsi", true, false), MAXNUMF("maxnumf", false, true), AND("and", true, false),
    OR("or", true, false), XOR("xor", true, false), MAXIMUMF("maximumf", false, true),
    MINIMUMF("minimumf", false, true);

    private final String spelling;
    private final boolean integers;
    private final boolean floats;

    Kind(String spelling, boolean integers, boolean floats) {
      this.spelling = spelling;
      this.integers = integers;
      this.floats = floats;
    }

    /** The keyword in text ({@code add}). */
    public String spelling() {
      return spelling;
    }

    /** True when the kind combines elements of type {@code t}. */
    public boolean appliesTo(Type t) {
      return t.isFloat() ? floats : t.isIntOrIndex() && integers;
    }

    /** The kind with this spelling, or null. */
    public static Kind fromSpelling(String s) {
      for (Kind k : values()) {
        if (k.spelling.equals(s)) {
          return k;
        }
      }
      return null;
    }

    /** Combines two floats, rounding to {@code t}. */
    public double combine(double a, double b, FloatType t) {
      double r = switch (this) {
        case ADD -> a + b;
        case MUL -> a * b;
        case MAXIMUMF -> Math.max(a, b);
        case MINIMUMF -> Math.min(a, b);
        case MAXNUMF -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
        case MINNUMF -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
        default -> throw new IllegalStateException(spelling + " does not apply to floats");
      };
      return ArithSemantics.round(r, t);
    }

    /** Combines two integers of {@code width} bits (any held form), wrapping. */
    public long combine(long a, long b, int width) {
      long ua = ArithSemantics.toUnsigned(a, width);
      long ub = ArithSemantics.toUnsigned(b, width);
      long sa = ArithSemantics.toSigned(a, width);
      long sb = ArithSemantics.toSigned(b, width);
      long r = switch (this) {
        case ADD -> a + b;
        case MUL -> a * b;
        case MINSI -> Math.min(sa, sb);
        case MAXSI -> Math.max(sa, sb);
        case MINUI -> Long.compareUnsigned(ua, ub) <= 0 ? ua : ub;
        case MAXUI -> Long.compareUnsigned(ua, ub) >= 0 ? ua : ub;
        case AND -> a & b;
        case OR -> a | b;
        case XOR -> a ^ b;
        default -> throw new IllegalStateException(spelling + " does not apply to integers");
      };
      return ArithSemantics.toSigned(r, width);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** Builds {@code vector.reduction <kind>, vector} without an accumulator. */
  public static Operation create(Kind kind, Value vector) {
    return create(kind, vector, null);
  }

  /** Builds {@code vector.reduction <kind>, vector, acc}; {@code acc} may be null. */
  public static Operation create(Kind kind, Value vector, Value acc) {
    List<Value> operands = new ArrayList<>(List.of(vector));
    if (acc != null) {
      operands.add(acc);
    }
    return Operation.create(NAME, operands, List.of(vector.type().elementTypeOrSelf()),
        Map.of(KIND, new StringAttr(kind.spelling())));
  }

  /** The op's combining kind, or null when missing or unknown. */
  public static Kind kind(Operation op) {
    return op.attr(KIND) instanceof StringAttr s ? Kind.fromSpelling(s.value()) : null;
  }

  /** The accumulator operand, or null. */
  public static Value acc(Operation op) {
    return op.operands().size() > 1 ? op.operand(1) : null;
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().isEmpty() || op.operands().size() > 2 || op.results().size() != 1) {
      sink.error(op, "'vector.reduction' op requires a vector, an optional accumulator and one"
          + " result");
      return;
    }
    Kind kind = kind(op);
    if (kind == null) {
      sink.error(op, "'vector.reduction' op requires attribute 'kind' naming a combining kind");
      return;
    }
    if (!(op.operand(0).type() instanceof VectorType v)) {
      sink.error(op, "'vector.reduction' op operand #0 must be a vector, but got '"
          + op.operand(0).type() + "'");
      return;
    }
    if (v.rank() != 1) {
      sink.error(op, "'vector.reduction' op unsupported reduction rank: " + v.rank());
      return;
    }
    Type result = op.result().type();
    if (!result.equals(v.elementType())) {
      sink.error(op, "'vector.reduction' op failed to verify that source operand and result have"
          + " same element type");
      return;
    }
    if (acc(op) != null && !acc(op).type().equals(result)) {
      sink.error(op, "'vector.reduction' op accumulator type '" + acc(op).type()
          + "' must be the result type '" + result + "'");
      return;
    }
    if (!kind.appliesTo(result)) {
      sink.error(op, "'vector.reduction' op unsupported reduction type '" + result
          + "' for kind '" + kind.spelling() + "'");
    }
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    Kind kind = kind(op);
    if (kind == null || !ConstantFolder.allConstant(c)) {
      return null;
    }
    Type elem = op.result().type();
    int n = ConstantFolder.elementCount(op.operand(0).type());
    boolean hasAcc = c.size() > 1;
    if (elem instanceof FloatType ft) {
      double r = hasAcc ? ConstantFolder.floatAt(c.get(1), 0) : ConstantFolder.floatAt(c.get(0), 0);
      for (int i = hasAcc ? 0 : 1; i < n; i++) {
        r = kind.combine(r, ConstantFolder.floatAt(c.get(0), i), ft);
      }
      return List.of(ConstantFolder.scalar(r, ft));
    }
    int w = ArithSemantics.bitWidth(elem);
    long r = hasAcc ? ConstantFolder.intAt(c.get(1), 0, elem) : ConstantFolder.intAt(c.get(0), 0,
        elem);
    for (int i = hasAcc ? 0 : 1; i < n; i++) {
      r = kind.combine(r, ConstantFolder.intAt(c.get(0), i, elem), w);
    }
    return List.of(ConstantFolder.scalar(r, elem));
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" <" + kind(op).spelling() + ">, ").printOperands(op.operands());
    ArithSyntax.printAttrDict(op, p, List.of(KIND));
    p.print(" : ").printType(op.operand(0).type()).print(" into ")
        .printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    p.parsePunct("<");
    Location at = p.location();
    String word = p.parseKeywordToken();
    if (Kind.fromSpelling(word) == null) {
      throw p.error(at, "unknown combining kind '" + word + "'");
    }
    p.parsePunct(">");
    p.parsePunct(",");
    OpParser.UnresolvedOperand vector = p.parseOperand();
    OpParser.UnresolvedOperand acc = p.parseOptionalPunct(",") ? p.parseOperand() : null;
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    attrs.put(KIND, new StringAttr(word));
    Type vectorType = p.parseColonType();
    p.parseKeyword("into");
    Type result = p.parseType();
    List<Value> operands = new ArrayList<>(List.of(p.resolveOperand(vector, vectorType)));
    if (acc != null) {
      operands.add(p.resolveOperand(acc, result));
    }
    return Operation.create(NAME, operands, List.of(result), attrs, List.of(), location);
  }
}
