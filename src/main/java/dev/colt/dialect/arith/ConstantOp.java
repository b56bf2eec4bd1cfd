// arith.constant: a scalar or vector constant given by its `value` attribute.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code arith.constant}: attribute {@code value} (IntegerAttr, FloatAttr, or a
 * DenseElementsAttr of a vector type for splat and full vector constants); the result has the
 * attribute's type. Text: {@code %c0 = arith.constant 0 : index},
 * {@code %cst = arith.constant dense<0.000000e+00> : vector<16xf32>}.
 */
public final class ConstantOp implements OpDefinition, OpSyntax {
  public static final String NAME = "arith.constant";
  public static final String VALUE = "value";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE, OpTrait.CONSTANT_LIKE);
  }

  /** A constant holding {@code value}; fails with IllegalArgumentException on other attributes. */
  public static Operation create(Attribute value) {
    return Operation.create(NAME, List.of(), List.of(typeOf(value)), Map.of(VALUE, value));
  }

  /** {@code arith.constant v : index}. */
  public static Operation index(long v) {
    return create(new IntegerAttr(v, IndexType.INSTANCE));
  }

  /** An integer constant of integer or index type {@code t}, wrapped to its width. */
  public static Operation integer(long v, Type t) {
    return create(new IntegerAttr(ArithSemantics.normalize(v, t), t));
  }

  public static Operation i32(int v) {
    return integer(v, IntegerType.I32);
  }

  public static Operation i64(long v) {
    return integer(v, IntegerType.I64);
  }

  /** {@code arith.constant true} or {@code false} (i1). */
  public static Operation bool(boolean v) {
    return create(new IntegerAttr(v ? 1 : 0, IntegerType.I1));
  }

  public static Operation f32(float v) {
    return create(new FloatAttr(v, FloatType.F32));
  }

  public static Operation f64(double v) {
    return create(new FloatAttr(v, FloatType.F64));
  }

  /** A float constant of type {@code t}, {@code v} rounded to it. */
  public static Operation floating(double v, FloatType t) {
    return create(new FloatAttr(ArithSemantics.round(v, t), t));
  }

  /**
   * A vector whose every element is {@code v}, rounded (float elements) or wrapped (integers) to
   * the element type: {@code dense<v> : vector<...>}.
   */
  public static Operation splat(VectorType type, double v) {
    Type e = type.elementType();
    double held = e instanceof FloatType ft ? ArithSemantics.round(v, ft)
        : ArithSemantics.normalize((long) v, e);
    return create(new DenseElementsAttr(type, new double[] {held}));
  }

  /** The {@code value} attribute of a constant op. */
  public static Attribute value(Operation op) {
    return op.attr(VALUE);
  }

  /** The integer value of a scalar integer/index constant, or null for other constants. */
  public static Long intValue(Operation op) {
    return op.is(NAME) && op.attr(VALUE) instanceof IntegerAttr n ? n.value() : null;
  }

  /** The value of a scalar float constant, or null for other constants. */
  public static Double floatValue(Operation op) {
    return op.is(NAME) && op.attr(VALUE) instanceof FloatAttr f ? f.value() : null;
  }

  private static Type typeOf(Attribute value) {
    return switch (value) {
      case IntegerAttr n -> n.type();
      case FloatAttr f -> f.type();
      case DenseElementsAttr d -> d.type();
      default -> throw new IllegalArgumentException("arith.constant cannot hold " + value);
    };
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!op.operands().isEmpty() || op.results().size() != 1) {
      sink.error(op, "'arith.constant' op requires no operands and one result");
      return;
    }
    Attribute v = op.attr(VALUE);
    if (v == null) {
      sink.error(op, "'arith.constant' op requires attribute 'value'");
      return;
    }
    Type t = op.result().type();
    switch (v) {
      case IntegerAttr n -> {
        if (!n.type().equals(t)) {
          sink.error(op, "'arith.constant' op value type '" + n.type()
              + "' must match result type '" + t + "'");
        }
      }
      case FloatAttr f -> {
        if (!f.type().equals(t)) {
          sink.error(op, "'arith.constant' op value type '" + f.type()
              + "' must match result type '" + t + "'");
        } else if (!ArithSemantics.isRepresentable(f.value(), f.type())) {
          sink.error(op, "'arith.constant' op value " + f.value() + " is not a " + f.type());
        }
      }
      case DenseElementsAttr d -> {
        if (!d.type().equals(t)) {
          sink.error(op, "'arith.constant' op value type '" + d.type()
              + "' must match result type '" + t + "'");
        } else if (!(t instanceof VectorType vt)) {
          sink.error(op, "'arith.constant' op dense constants must have a vector type, got '"
              + t + "'");
        } else {
          verifyElements(op, d, vt.elementType(), sink);
        }
      }
      default -> sink.error(op, "'arith.constant' op value must be an integer, float or dense"
          + " elements attribute");
    }
  }

  /** Reports a dense element that is not a value of the element type. */
  private static void verifyElements(Operation op, DenseElementsAttr d, Type elem,
      VerificationSink sink) {
    for (double v : d.values()) {
      boolean ok = elem instanceof FloatType ft ? ArithSemantics.isRepresentable(v, ft)
          : v == Math.rint(v) && Math.abs(v) <= 9007199254740992.0 && fitsSignedOrUnsigned(
              (long) v, ArithSemantics.bitWidth(elem));
      if (!ok) {
        sink.error(op, "'arith.constant' op dense element " + v + " is not a value of type '"
            + elem + "'");
        return;
      }
    }
  }

  /** True when {@code v} is a {@code width}-bit integer read as signed or as unsigned. */
  private static boolean fitsSignedOrUnsigned(long v, int width) {
    return width >= 64 || (v >= ArithSemantics.minSigned(width) && v < (1L << width));
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> constantOperands) {
    return List.of(op.attr(VALUE));
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    ArithSyntax.printAttrDict(op, p, List.of(VALUE));
    p.print(" ").printAttribute(op.attr(VALUE));
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    Map<String, Attribute> attrs = new java.util.TreeMap<>(p.parseOptionalAttrDict());
    Location at = p.location();
    Attribute value = p.parseAttribute();
    Type t = switch (value) {
      case IntegerAttr n -> n.type();
      case FloatAttr f -> f.type();
      case DenseElementsAttr d -> d.type();
      default -> throw p.error(at, "'arith.constant' expects an integer, float or dense value");
    };
    attrs.put(VALUE, value);
    return Operation.create(NAME, List.of(), List.of(t), attrs, List.of(), location);
  }
}
