// arith.cmpf: floating-point comparison with ordered/unordered predicates.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code arith.cmpf}: compares two floats (or vectors, elementwise) giving i1 (or a vector of i1).
 * Attribute {@code predicate}: an i64 IntegerAttr holding MLIR's enum number. Ordered predicates
 * are false when either operand is NaN, unordered ones true. Text:
 * {@code %0 = arith.cmpf olt, %a, %b : f32}.
 */
public final class CmpFOp implements OpDefinition, OpSyntax {
  public static final String NAME = "arith.cmpf";
  public static final String PREDICATE = "predicate";

  /** MLIR's {@code arith::CmpFPredicate}, in enum-number order. */
  public enum Predicate {
    FALSE("false"), OEQ("oeq"), OGT("ogt"), OGE("oge"), OLT("olt"), OLE("ole"), ONE("one"),
    ORD("ord"), UEQ("ueq"), UGT("ugt"), UGE("uge"), ULT("ult"), ULE("ule"), UNE("une"),
    UNO("uno"), TRUE("true");

    private final String spelling;

    Predicate(String spelling) {
      this.spelling = spelling;
    }

    /** The keyword in text ({@code olt}). */
    public String spelling() {
      return spelling;
    }

    /** MLIR's enum number, stored in the {@code predicate} attribute. */
    public int number() {
      return ordinal();
    }

    /** The predicate with this spelling, or null. */
    public static Predicate fromSpelling(String s) {
      for (Predicate p : values()) {
        if (p.spelling.equals(s)) {
          return p;
        }
      }
      return null;
    }

    /** The predicate with this enum number, or null. */
    public static Predicate fromNumber(long n) {
      return n >= 0 && n < values().length ? values()[(int) n] : null;
    }

    /** Evaluates the predicate on two values (IEEE comparison; NaN is unordered). */
    public boolean test(double a, double b) {
      boolean unordered = Double.isNaN(a) || Double.isNaN(b);
      return switch (this) {
        case FALSE -> false;
        case TRUE -> true;
        case ORD -> !unordered;
        case UNO -> unordered;
        case OEQ -> !unordered && a == b;
        case OGT -> !unordered && a > b;
        case OGE -> !unordered && a >= b;
        case OLT -> !unordered && a < b;
        case OLE -> !unordered && a <= b;
        case ONE -> !unordered && a != b;
        case UEQ -> unordered || a == b;
        case UGT -> unordered || a > b;
        case UGE -> unordered || a >= b;
        case ULT -> unordered || a < b;
        case ULE -> unordered || a <= b;
        case UNE -> unordered || a != b;
      };
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

  /** Builds {@code arith.cmpf predicate, lhs, rhs}; the result is i1 shaped like the operands. */
  public static Operation create(Predicate predicate, Value lhs, Value rhs) {
    return Operation.create(NAME, List.of(lhs, rhs), List.of(ArithTypes.boolLike(lhs.type())),
        Map.of(PREDICATE, new IntegerAttr(predicate.number(), IntegerType.I64)));
  }

  /** The op's predicate; null when the attribute is missing or out of range. */
  public static Predicate predicate(Operation op) {
    return op.attr(PREDICATE) instanceof IntegerAttr n ? Predicate.fromNumber(n.value()) : null;
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    CmpSupport.verify(op, sink, ElementKind.FLOAT,
        op.attr(PREDICATE) instanceof IntegerAttr n && Predicate.fromNumber(n.value()) != null);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    Predicate pred = predicate(op);
    if (pred == null) {
      return null;
    }
    return ConstantFolder.floatsToInt(op, c, x -> pred.test(x[0], x[1]) ? 1L : 0L);
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    CmpSupport.print(op, p, predicate(op).spelling());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    return CmpSupport.parse(p, location, NAME, word -> {
      Predicate pred = Predicate.fromSpelling(word);
      return pred == null ? -1 : pred.number();
    });
  }
}
