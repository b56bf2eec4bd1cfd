// JIT'd kernels built in generic form give the same results as Java references and mlir-opt + clang.
package dev.colt.exec.jit;

import static dev.colt.lower.llvm.GenericOps.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.testing.MlirClangReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JitKernelTest {
  static final FloatType F32 = FloatType.F32;

  /** testdata/kernels/matmul.mlir (C += A * B, ijk) built with generic ops for size n. */
  static Operation matmul(long n) {
    MemRefType m = MemRefType.of(F32, n, n);
    AffineMap ik = AffineMap.of(3, 0, AffineExpr.dim(0), AffineExpr.dim(2));
    AffineMap kj = AffineMap.of(3, 0, AffineExpr.dim(2), AffineExpr.dim(1));
    AffineMap ij = AffineMap.of(3, 0, AffineExpr.dim(0), AffineExpr.dim(1));
    return module(func("matmul", List.of(m, m, m), List.of(), b -> {
      Value a = b.argument(0);
      Value bb = b.argument(1);
      Value c = b.argument(2);
      loop(b, 0, n, 1, (bi, i) -> {
        loop(bi, 0, n, 1, (bj, j) -> {
          loop(bj, 0, n, 1, (bk, k) -> {
            Value x = load(bk, a, ik, i, j, k);
            Value y = load(bk, bb, kj, i, j, k);
            Value z = load(bk, c, ij, i, j, k);
            Value p = binary(bk, "arith.mulf", x, y);
            store(bk, binary(bk, "arith.addf", z, p), c, ij, i, j, k);
            return null;
          });
          return null;
        });
        return null;
      });
      b.add(ret());
      return null;
    }));
  }

  static FunctionType signature(Operation module) {
    Operation f = module.body().operations().get(0);
    return (FunctionType) ((Attribute.TypeAttr) f.attr("function_type")).type();
  }

  static List<Checksums.Checksum> run(Operation module, String name) {
    Jit jit = Jit.forCurrentThread();
    try (JitModule m = jit.compile(module)) {
      FunctionType t = signature(module);
      List<RuntimeValue> args = PatternInputs.forSignature(t, 16);
      m.function(name).call(args);
      return Checksums.of(args);
    }
  }

  static void assertClose(double expected, double actual) {
    assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void matmulMatchesJavaReference() {
    int n = 32;
    Operation module = matmul(n);
    FunctionType t = signature(module);
    List<RuntimeValue> args = PatternInputs.forSignature(t, 0);
    float[][] abc = new float[3][n * n];
    for (int a = 0; a < 3; a++) {
      for (int f = 0; f < n * n; f++) {
        abc[a][f] = (float) ((Buffer) args.get(a)).getDouble(f);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          abc[2][i * n + j] += abc[0][i * n + k] * abc[1][k * n + j];
        }
      }
    }
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      m.function("matmul").call(args);
    }
    for (int f = 0; f < n * n; f++) {
      assertEquals(abc[2][f], ((Buffer) args.get(2)).getDouble(f),
          1e-4, "element " + f);
    }
  }

  @Test
  void matmulMatchesMlirAndClang() throws Exception {
    Assumptions.assumeTrue(MlirClangReference.available(), "mlir-opt-22/clang-22 not installed");
    List<String> expected = MlirClangReference.checksums(Path.of("testdata/kernels/matmul.mlir").toAbsolutePath(),
        "matmul");
    List<String> actual = run(matmul(128), "matmul").stream()
        .map(Checksums.Checksum::format).toList();
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      double[] e = parse(expected.get(i));
      double[] a = parse(actual.get(i));
      assertClose(e[0], a[0]);
      assertClose(e[1], a[1]);
    }
  }

  static double[] parse(String line) {
    String[] parts = line.split("\\s+");
    return new double[] {Double.parseDouble(parts[1].substring(4)),
        Double.parseDouble(parts[2].substring(4))};
  }

  /** Sum of floordiv/ceildiv/mod of i - 7 by 3 over i in [0, 16) checks negative rounding. */
  @Test
  void affineDivisionRoundsLikeMlir() {
    MemRefType out = MemRefType.of(IndexType.INSTANCE, 3, 16);
    AffineExpr shifted = AffineExpr.dim(0).plus(-7);
    AffineMap[] maps = {
        AffineMap.of(1, 0, AffineExpr.floorDiv(shifted, AffineExpr.constant(3))),
        AffineMap.of(1, 0, AffineExpr.ceilDiv(shifted, AffineExpr.constant(3))),
        AffineMap.of(1, 0, AffineExpr.mod(shifted, AffineExpr.constant(3)))};
    Operation module = module(func("divs", List.of(out), List.of(), b -> {
      loop(b, 0, 16, 1, (bi, i) -> {
        for (int r = 0; r < 3; r++) {
          Value v = bi.addValue(Operation.create("affine.apply", List.of(i),
              List.of(IndexType.INSTANCE), Map.of("map", new Attribute.AffineMapAttr(maps[r]))));
          store(bi, v, bi.argument(0) == null ? null : b.argument(0),
              AffineMap.of(1, 0, AffineExpr.constant(r), AffineExpr.dim(0)), i);
        }
        return null;
      });
      b.add(ret());
      return null;
    }));
    List<RuntimeValue> args = PatternInputs.forSignature(signature(module), 0);
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      m.function("divs").call(args);
    }
    Buffer view = (Buffer) args.get(0);
    for (int i = 0; i < 16; i++) {
      long x = i - 7;
      assertEquals(Math.floorDiv(x, 3), view.getLong(i), "floordiv " + x);
      assertEquals(-Math.floorDiv(-x, 3), view.getLong(16 + i), "ceildiv " + x);
      assertEquals(Math.floorMod(x, 3), view.getLong(32 + i), "mod " + x);
    }
  }

  /** A reduction with iter_args, a min-bounded triangular loop, an affine.if with a result. */
  @Test
  void iterArgsTriangularBoundsAndIfWithResult() {
    MemRefType vec = MemRefType.of(F32, ShapedType.DYNAMIC);
    MemRefType out = MemRefType.of(F32, 2);
    Operation module = module(func("mix", List.of(vec, out), List.of(F32), b -> {
      Value zero = constF(b, 0.0, F32);
      Value n = b.addValue(Operation.create("memref.dim", List.of(b.argument(0),
          constIndex(b, 0)), List.of(IndexType.INSTANCE), Map.of()));
      AffineMap id1 = AffineMap.of(1, 0, AffineExpr.dim(0));
      // sum over i < min(n, 10) of (i is even ? x[i] : -x[i])
      Operation sum = affineFor(b, AffineMap.constant(0), List.of(),
          AffineMap.of(0, 1, AffineExpr.symbol(0), AffineExpr.constant(10)), List.of(n), 1,
          List.of(zero), (bi, iv) -> {
            Value x = load(bi, bi.argument(0) == null ? null : b.argument(0), id1, iv.get(0));
            IntegerSet even = new IntegerSet(1, 0,
                List.of(AffineExpr.mod(AffineExpr.dim(0), AffineExpr.constant(2))), List.of(true));
            Operation pick = affineIf(bi, even, List.of(iv.get(0)), List.of(F32),
                t -> List.of(x), e -> List.of(unary(e, "arith.negf", x)));
            return List.of(binary(bi, "arith.addf", iv.get(1), pick.result()));
          });
      store(b, sum.result(), b.argument(1), AffineMap.constant(0));
      // triangular: sum over i < 4, j <= i of x[j]
      Operation tri = affineFor(b, AffineMap.constant(0), List.of(), AffineMap.constant(4),
          List.of(), 1, List.of(zero), (bi, iv) -> {
            Operation inner = affineFor(bi, AffineMap.constant(0), List.of(),
                AffineMap.of(1, 0, AffineExpr.dim(0).plus(1)), List.of(iv.get(0)), 1,
                List.of(iv.get(1)), (bj, jv) -> List.of(binary(bj, "arith.addf", jv.get(1),
                    load(bj, b.argument(0), id1, jv.get(0)))));
            return List.of(inner.result());
          });
      store(b, tri.result(), b.argument(1), AffineMap.constant(1));
      b.add(ret(sum.result()));
      return null;
    }));
    List<RuntimeValue> args = PatternInputs.forSignature(signature(module), 12);
    Buffer x = (Buffer) args.get(0);
    double expectSum = 0;
    for (int i = 0; i < 10; i++) {
      double v = x.getDouble(i);
      expectSum += i % 2 == 0 ? v : -v;
    }
    double expectTri = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j <= i; j++) {
        expectTri += x.getDouble(j);
      }
    }
    long bits;
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      bits = m.function("mix").call(args);
    }
    Buffer o = (Buffer) args.get(1);
    assertEquals(expectSum, o.getDouble(0), 1e-6);
    assertEquals(expectTri, o.getDouble(1), 1e-6);
    assertEquals((float) expectSum, Float.intBitsToFloat((int) bits), 1e-6);
  }

  static List<Type> types(Type... ts) {
    return List.of(ts);
  }
}
