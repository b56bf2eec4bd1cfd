// Vector ops: builders verify, accessors split operands, verifier messages, folding.
package dev.colt.dialect.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorOpsTest {
  final VectorType v8 = VectorType.of(FloatType.F32, 8);
  final Value a = new Value(MemRefType.of(FloatType.F32, 4, 8));
  final Value dyn = new Value(MemRefType.of(FloatType.F32, ShapedType.DYNAMIC,
      ShapedType.DYNAMIC));
  final Value i = new Value(IndexType.INSTANCE);
  final Value j = new Value(IndexType.INSTANCE);
  final Value s = new Value(FloatType.F32);
  final Value v = new Value(v8);

  static List<String> errors(Operation op) {
    OpDefinition def = OpRegistry.global().lookup(op.name());
    List<String> out = new ArrayList<>();
    def.verify(op, (o, m) -> out.add(m));
    return out;
  }

  static Attribute fold(Operation op, Attribute... c) {
    List<Attribute> r = OpRegistry.global().lookup(op.name()).fold(op, Arrays.asList(c));
    return r == null ? null : r.get(0);
  }

  @Test
  void buildersMakeValidOps() {
    Operation load = VectorLoadOp.create(v8, a, List.of(i, j));
    assertEquals(List.of(), errors(load));
    assertEquals(List.of(i, j), VectorLoadOp.indices(load));
    assertEquals(List.of(), errors(VectorStoreOp.create(v, a, List.of(i, j))));
    Operation read = TransferReadOp.create(v8, dyn, List.of(i, j), s);
    assertEquals(List.of(), errors(read));
    assertSame(s, TransferReadOp.padding(read));
    assertNull(TransferReadOp.mask(read));
    assertEquals(List.of(false), TransferReadOp.inBounds(read));
    assertEquals(AffineMap.of(2, 0, new AffineExpr.Dim(1)), TransferReadOp.permutationMap(read));
    assertEquals(List.of(), errors(TransferWriteOp.create(v, dyn, List.of(i, j))));
    assertEquals(List.of(), errors(BroadcastOp.create(s, v8)));
    assertEquals(List.of(), errors(VectorFmaOp.create(v, v, v)));
    assertEquals(List.of(), errors(VectorReductionOp.create(VectorReductionOp.Kind.ADD, v)));
    Operation red = VectorReductionOp.create(VectorReductionOp.Kind.MAXIMUMF, v, s);
    assertEquals(List.of(), errors(red));
    assertSame(s, VectorReductionOp.acc(red));
    assertEquals(FloatType.F32, VectorExtractOp.create(v, 3).result().type());
    assertEquals(List.of(), errors(VectorExtractOp.create(v, 3)));
    assertEquals(List.of(), errors(VectorInsertOp.create(s, v, 3)));
  }

  @Test
  void transferWithMaskAndPermutation() {
    VectorType v48 = VectorType.of(FloatType.F32, 4, 8);
    AffineMap transpose = AffineMap.of(2, 0, new AffineExpr.Dim(1), new AffineExpr.Dim(0));
    Value mask = new Value(VectorType.of(IntegerType.I1, 8, 4));
    Operation read = TransferReadOp.create(v48, dyn, List.of(i, j), s, transpose,
        List.of(true, false), mask);
    assertEquals(List.of(), errors(read));
    assertSame(mask, TransferReadOp.mask(read));
    assertEquals(VectorType.of(IntegerType.I1, 8, 4), TransferSupport.maskType(v48, transpose));
    Value wrongMask = new Value(VectorType.of(IntegerType.I1, 4, 8));
    assertEquals(List.of("'vector.transfer_read' op expects mask type 'vector<8x4xi1>', but got"
        + " 'vector<4x8xi1>'"), errors(TransferReadOp.create(v48, dyn, List.of(i, j), s,
            transpose, List.of(true, false), wrongMask)));
    AffineMap broadcast = AffineMap.of(2, 0, new AffineExpr.Constant(0), new AffineExpr.Dim(1));
    assertEquals(List.of("'vector.transfer_read' op requires broadcast dimensions to be"
        + " in-bounds"), errors(TransferReadOp.create(v48, dyn, List.of(i, j), s, broadcast,
            List.of(false, false), null)));
    AffineMap twice = AffineMap.of(2, 0, new AffineExpr.Dim(1), new AffineExpr.Dim(1));
    assertEquals(List.of("'vector.transfer_read' op requires a permutation_map that is a"
        + " permutation (found one dim used more than once)"), errors(TransferReadOp.create(
            v48, dyn, List.of(i, j), s, twice, List.of(false, false), null)));
  }

  @Test
  void verifierMessages() {
    assertEquals(List.of("'vector.load' op requires 2 indices, but found 1"),
        errors(VectorLoadOp.create(v8, a, List.of(i))));
    assertEquals(List.of("'vector.load' op base and vector element types must match, got 'f32'"
        + " and 'f64'"), errors(VectorLoadOp.create(VectorType.of(FloatType.F64, 8), a,
            List.of(i, j))));
    assertEquals(List.of("'vector.transfer_read' op requires formal padding and source of the"
        + " same elemental type"), errors(TransferReadOp.create(v8, dyn, List.of(i, j), i)));
    assertEquals(List.of("'vector.broadcast' op source type 'index' must be the result element"
        + " type 'f32'"), errors(BroadcastOp.create(i, v8)));
    assertEquals(List.of("'vector.broadcast' op dimension mismatch (4 vs. 8)"),
        errors(BroadcastOp.create(new Value(VectorType.of(FloatType.F32, 4)), v8)));
    assertEquals(List.of("'vector.reduction' op unsupported reduction type 'f32' for kind"
        + " 'xor'"), errors(VectorReductionOp.create(VectorReductionOp.Kind.XOR, v)));
    assertEquals(List.of("'vector.extract' op expected position attribute #1 to be a"
        + " non-negative integer smaller than the corresponding vector dimension"),
        errors(VectorExtractOp.create(v, 8)));
    assertEquals(List.of("'vector.fma' op operands must be vectors, but got 'f32'"),
        errors(VectorFmaOp.create(s, s, s)));
  }

  @Test
  void folding() {
    DenseElementsAttr splat = (DenseElementsAttr) fold(BroadcastOp.create(s, v8),
        new FloatAttr(2.5, FloatType.F32));
    assertArrayEquals(new double[] {2.5}, splat.values());
    VectorType v4 = VectorType.of(FloatType.F32, 4);
    Value w = new Value(v4);
    DenseElementsAttr data = new DenseElementsAttr(v4, new double[] {1, 2, Double.NaN, 3});
    assertEquals(new FloatAttr(3, FloatType.F32), fold(VectorExtractOp.create(w, 3), data));
    assertEquals(new FloatAttr(Double.NaN, FloatType.F32), fold(VectorReductionOp.create(
        VectorReductionOp.Kind.MAXIMUMF, w), data));
    assertEquals(new FloatAttr(3, FloatType.F32), fold(VectorReductionOp.create(
        VectorReductionOp.Kind.MAXNUMF, w), data));
    DenseElementsAttr small = new DenseElementsAttr(v4, new double[] {1, 1e-8, 1e-8, 1e-8});
    assertEquals(new FloatAttr(1, FloatType.F32), fold(VectorReductionOp.create(
        VectorReductionOp.Kind.ADD, w), small), "lane order, rounding to f32 at each step");
    VectorType v3i = VectorType.of(IntegerType.I8, 3);
    Value p = new Value(v3i);
    assertEquals(new IntegerAttr(44, IntegerType.I8), fold(VectorReductionOp.create(
        VectorReductionOp.Kind.ADD, p, new Value(IntegerType.I8)),
        new DenseElementsAttr(v3i, new double[] {100, 100, 100}), new IntegerAttr(0,
            IntegerType.I8)), "300 wraps to 44 in i8");
    VectorType v23 = VectorType.of(FloatType.F32, 2, 3);
    Operation row = VectorExtractOp.create(new Value(v23), 1);
    assertEquals(VectorType.of(FloatType.F32, 3), row.result().type());
    assertArrayEquals(new double[] {4, 5, 6}, ((DenseElementsAttr) fold(row,
        new DenseElementsAttr(v23, new double[] {1, 2, 3, 4, 5, 6}))).values());
  }
}
