// arith.cmpi: integer comparison with signed and unsigned predicates.
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
 * {@code arith.cmpi}: compares two integers or indices (or vectors, elementwise) giving i1 (or a
 * vector of i1). Attribute {@code predicate}: an i64 IntegerAttr holding MLIR's enum number. Text:
 * {@code %0 = arith.cmpi slt, %a, %b : index}.
 */
public final class CmpIOp implements OpDefinition, OpSyntax {
  public static final String NAME = "arith.cmpi";
  public static final String PREDICATE = "predicate";

  /** MLIR's {@code arith::CmpIPredicate}, in enum-number order. */
  public enum Predicate {
    EQ("eq"), NE("ne"), SLT("slt"), SLE("sle"), SGT("sgt"), SGE("sge"), ULT("ult"), ULE("ule"),
    UGT("ugt"), UGE("uge");

    private final String spelling;

    Predicate(String spelling) {
      this.spelling = spelling;
    }

    /** The keyword in text ({@code slt}). */
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

    /**
     * Evaluates the predicate on two {@code width}-bit integers given in any held form (they are
     * reinterpreted as signed or unsigned as the predicate requires).
     */
    public boolean test(long a, long b, int width) {
      long sa = ArithSemantics.toSigned(a, width);
      long sb = ArithSemantics.toSigned(b, width);
      long ua = ArithSemantics.toUnsigned(a, width);
      long ub = ArithSemantics.toUnsigned(b, width);
      return switch (this) {
        case EQ -> sa == sb;
        case NE -> sa != sb;
        case SLT -> sa < sb;
        case SLE -> sa <= sb;
        case SGT -> sa > sb;
        case SGE -> sa >= sb;
        case ULT -> Long.compareUnsigned(ua, ub) < 0;
        case ULE -> Long.compareUnsigned(ua, ub) <= 0;
        case UGT -> Long.compareUnsigned(ua, ub) > 0;
        case UGE -> Long.compareUnsigned(ua, ub) >= 0;
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

  /** Builds {@code arith.cmpi predicate, lhs, rhs}; the result is i1 shaped like the operands. */
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
    CmpSupport.verify(op, sink, ElementKind.INTEGER,
        op.attr(PREDICATE) instanceof IntegerAttr n && Predicate.fromNumber(n.value()) != null);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    Predicate pred = predicate(op);
    if (pred == null) {
      return null;
    }
    if (op.operand(0) == op.operand(1)) {
      boolean reflexive = switch (pred) {
        case EQ, SLE, SGE, ULE, UGE -> true;
        default -> false;
      };
      return List.of(ConstantFolder.map(op.result().type(), i -> reflexive ? 1L : 0L));
    }
    int w = ArithSemantics.bitWidth(op.operand(0).type().elementTypeOrSelf());
    return ConstantFolder.ints(op, c, x -> pred.test(x[0], x[1], w) ? 1L : 0L);
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
