// Permutation maps, in_bounds flags and masks shared by vector.transfer_read and transfer_write.
package dev.colt.dialect.vector;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.AffineMapAttr;
import dev.colt.ir.Attribute.ArrayAttr;
import dev.colt.ir.Attribute.DenseArrayAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribute side of transfer ops: {@code permutation_map} (memref dims to vector dims; a
 * result is a dim or the constant 0 for a broadcast dimension), {@code in_bounds} (one i1 per
 * vector dimension) and {@code operandSegmentSizes}.
 */
public final class TransferSupport {
  public static final String PERMUTATION_MAP = "permutation_map";
  public static final String IN_BOUNDS = "in_bounds";
  public static final String SEGMENTS = "operandSegmentSizes";

  private TransferSupport() {}

  /** The minor identity map {@code (d0, ..., dn-1) -> (dn-k, ..., dn-1)}, MLIR's default. */
  public static AffineMap minorIdentity(int memrefRank, int vectorRank) {
    List<AffineExpr> results = new ArrayList<>();
    for (int i = memrefRank - vectorRank; i < memrefRank; i++) {
      results.add(new AffineExpr.Dim(i));
    }
    return new AffineMap(memrefRank, 0, results);
  }

  /** True when {@code map} is the minor identity for its dims and results. */
  public static boolean isMinorIdentity(AffineMap map) {
    return map.numResults() <= map.numDims() && map.numSymbols() == 0
        && map.equals(minorIdentity(map.numDims(), map.numResults()));
  }

  /** {@code [b0, b1, ...]} as an ArrayAttr of i1. */
  public static ArrayAttr inBoundsAttr(List<Boolean> inBounds) {
    return new ArrayAttr(inBounds.stream()
        .map(b -> (Attribute) new IntegerAttr(b ? 1 : 0, IntegerType.I1)).toList());
  }

  /** All-false in_bounds for a vector of rank {@code rank}. */
  public static List<Boolean> noneInBounds(int rank) {
    List<Boolean> l = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      l.add(false);
    }
    return l;
  }

  /** The op's permutation map, or null when missing. */
  public static AffineMap permutationMap(Operation op) {
    return op.attr(PERMUTATION_MAP) instanceof AffineMapAttr a ? a.map() : null;
  }

  /** The op's in_bounds flags, or null when missing or malformed. */
  public static List<Boolean> inBounds(Operation op) {
    if (!(op.attr(IN_BOUNDS) instanceof ArrayAttr a)) {
      return null;
    }
    List<Boolean> out = new ArrayList<>();
    for (Attribute e : a.elements()) {
      if (!(e instanceof IntegerAttr n) || !n.type().equals(IntegerType.I1)) {
        return null;
      }
      out.add((n.value() & 1) != 0);
    }
    return out;
  }

  /** True when every in_bounds flag is false (the text form then omits the attribute). */
  public static boolean allOutOfBounds(Operation op) {
    List<Boolean> flags = inBounds(op);
    return flags != null && flags.stream().noneMatch(b -> b);
  }

  /**
   * The mask type MLIR infers: i1 over the vector dimensions that are not broadcasts, ordered by
   * the memref dimension they read. Precondition: the map is a valid transfer permutation map.
   */
  public static VectorType maskType(VectorType vector, AffineMap map) {
    List<Long> shape = new ArrayList<>();
    for (int d = 0; d < map.numDims(); d++) {
      for (int r = 0; r < map.numResults(); r++) {
        if (map.result(r) instanceof AffineExpr.Dim dim && dim.position() == d) {
          shape.add(vector.shape().get(r));
        }
      }
    }
    if (shape.isEmpty()) {
      shape.add(1L);
    }
    return new VectorType(shape, IntegerType.I1);
  }

  /** {@code operandSegmentSizes} for the given group sizes. */
  public static DenseArrayAttr segments(long... sizes) {
    return DenseArrayAttr.i32(sizes);
  }

  /**
   * Checks the map, in_bounds, segment sizes and mask type of a transfer op whose memref is
   * {@code m} and vector {@code v}; reports and returns false on the first problem.
   */
  static boolean verifyTransfer(Operation op, MemRefType m, VectorType v, Value mask,
      VerificationSink sink) {
    String n = "'" + op.name() + "' op ";
    AffineMap map = permutationMap(op);
    if (map == null) {
      sink.error(op, n + "requires attribute 'permutation_map'");
      return false;
    }
    if (map.numSymbols() != 0) {
      sink.error(op, n + "requires a permutation_map without symbols");
      return false;
    }
    if (map.numDims() != m.rank()) {
      sink.error(op, n + "requires a permutation_map with input dims of the same rank as the"
          + " source type");
      return false;
    }
    if (map.numResults() != v.rank()) {
      sink.error(op, n + "requires a permutation_map with result dims of the same rank as the"
          + " vector type");
      return false;
    }
    boolean[] seen = new boolean[map.numDims()];
    for (AffineExpr e : map.results()) {
      if (e instanceof AffineExpr.Dim d) {
        if (seen[d.position()]) {
          sink.error(op, n + "requires a permutation_map that is a permutation (found one dim"
              + " used more than once)");
          return false;
        }
        seen[d.position()] = true;
      } else if (!(e instanceof AffineExpr.Constant c && c.value() == 0)) {
        sink.error(op, n + "requires a projected permutation_map (at most one dim or the zero"
            + " constant for each result)");
        return false;
      }
    }
    List<Boolean> flags = inBounds(op);
    if (flags == null || flags.size() != v.rank()) {
      sink.error(op, n + "expects the in_bounds attribute of same rank as permutation_map"
          + " results: " + v.rank());
      return false;
    }
    for (int r = 0; r < map.numResults(); r++) {
      if (map.result(r) instanceof AffineExpr.Constant && !flags.get(r)) {
        sink.error(op, n + "requires broadcast dimensions to be in-bounds");
        return false;
      }
    }
    if (mask != null && !mask.type().equals(maskType(v, map))) {
      sink.error(op, n + "expects mask type '" + maskType(v, map) + "', but got '"
          + mask.type() + "'");
      return false;
    }
    return true;
  }

  /**
   * The four segment sizes of a transfer op (read: base, indices, padding, mask; write: vector,
   * base, indices, mask), checked against the operand count and the fixed groups
   * ({@code fixed[i] >= 0} must match exactly; the mask group is 0 or 1); reports and returns null
   * when malformed.
   */
  static long[] segmentSizes(Operation op, long[] fixed, VerificationSink sink) {
    String n = "'" + op.name() + "' op ";
    if (!(op.attr(SEGMENTS) instanceof DenseArrayAttr a) || a.size() != 4) {
      sink.error(op, n + "requires attribute 'operandSegmentSizes' with 4 entries");
      return null;
    }
    long[] sizes = new long[4];
    long total = 0;
    for (int i = 0; i < 4; i++) {
      sizes[i] = a.get(i);
      total += sizes[i];
      if (sizes[i] < 0 || (fixed[i] >= 0 && sizes[i] != fixed[i])) {
        sink.error(op, n + "has malformed operandSegmentSizes " + a.values());
        return null;
      }
    }
    if (sizes[3] > 1 || total != op.operands().size()) {
      sink.error(op, n + "operandSegmentSizes " + a.values() + " do not match its "
          + op.operands().size() + " operands");
      return null;
    }
    return sizes;
  }

  /** Segment {@code i}'s size, 0 when the attribute is missing or short. */
  static int segment(Operation op, int i) {
    return op.attr(SEGMENTS) instanceof DenseArrayAttr a && a.size() > i ? (int) a.get(i) : 0;
  }
}
