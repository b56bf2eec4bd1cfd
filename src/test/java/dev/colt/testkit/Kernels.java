// Small loop-nest kernels built directly as IR for analysis and transformation tests.
package dev.colt.testkit;

import static dev.colt.testkit.IrBuilder.d;
import static dev.colt.testkit.IrBuilder.f32;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** Kernel factories: matmul, in-place stencils, triangular loops and an iter_args reduction. */
public final class Kernels {
  private Kernels() {}

  /**
   * The text of {@code func.func @mm}: C[i,j] += A[i,k] * B[k,j] over an n x n x n ijk nest on
   * {@code memref<nxnxf32>} arguments, ending with a newline.
   */
  public static String squareMatmulText(int n) {
    return """
        func.func @mm(%A: memref<NxNxf32>, %B: memref<NxNxf32>, %C: memref<NxNxf32>) {
          affine.for %i = 0 to N {
            affine.for %j = 0 to N {
              affine.for %k = 0 to N {
                %a = affine.load %A[%i, %k] : memref<NxNxf32>
                %b = affine.load %B[%k, %j] : memref<NxNxf32>
                %c = affine.load %C[%i, %j] : memref<NxNxf32>
                %p = arith.mulf %a, %b : f32
                %s = arith.addf %c, %p : f32
                affine.store %s, %C[%i, %j] : memref<NxNxf32>
              }
            }
          }
          return
        }
        """.replace("N", Integer.toString(n));
  }

  /** C[i,j] += A[i,k] * B[k,j] over an m x n x k ijk nest. */
  public static Operation matmul(long m, long n, long k) {
    IrBuilder b = new IrBuilder("matmul", f32(m, k), f32(k, n), f32(m, n));
    Value a = b.arg(0);
    Value bb = b.arg(1);
    Value c = b.arg(2);
    b.loop(0, m, i -> b.loop(0, n, j -> b.loop(0, k, kk -> {
      Value x = b.load(a, i, kk);
      Value y = b.load(bb, kk, j);
      Value z = b.load(c, i, j);
      b.store(b.addf(z, b.mulf(x, y)), c, i, j);
    })));
    return b.build();
  }

  /** In-place Gauss-Seidel sweep A[i,j] = (A[i-1,j] + A[i,j-1] + A[i+1,j] + A[i,j+1]) * 0.25. */
  public static Operation gaussSeidel(long n) {
    IrBuilder b = new IrBuilder("gs", f32(n, n));
    Value a = b.arg(0);
    b.loop(1, n - 1, i -> b.loop(1, n - 1, j -> {
      List<Value> ij = List.of(i, j);
      Value s = b.addf(b.load(a, ij, d(0).plus(-1), d(1)), b.load(a, ij, d(0), d(1).plus(-1)));
      s = b.addf(s, b.load(a, ij, d(0).plus(1), d(1)));
      s = b.addf(s, b.load(a, ij, d(0), d(1).plus(1)));
      b.store(b.mulf(s, b.constF(0.25)), a, ij, d(0), d(1));
    }));
    return b.build();
  }

  /** A[i,j] = A[i-1,j+1] + 1: distance (1,-1), legal as ij but not after interchange. */
  public static Operation skewedRecurrence(long n) {
    IrBuilder b = new IrBuilder("skew", f32(n, n));
    Value a = b.arg(0);
    b.loop(1, n, i -> b.loop(0, n - 1, j -> {
      List<Value> ij = List.of(i, j);
      Value x = b.load(a, ij, d(0).plus(-1), d(1).plus(1));
      b.store(b.addf(x, b.constF(1.0)), a, ij, d(0), d(1));
    }));
    return b.build();
  }

  /** x[i] = x[i-1] * 0.5 + y[i]: a first-order recurrence (not vectorizable). */
  public static Operation recurrence(long n) {
    IrBuilder b = new IrBuilder("rec", f32(n), f32(n));
    Value x = b.arg(0);
    Value y = b.arg(1);
    b.loop(1, n, i -> {
      Value prev = b.load(x, List.of(i), d(0).plus(-1));
      b.store(b.addf(b.mulf(prev, b.constF(0.5)), b.load(y, i)), x, i);
    });
    return b.build();
  }

  /** y[i] += L[i,j] * x[j] for j in [0, i]: a triangular nest with a memory reduction over j. */
  public static Operation triangular(long n) {
    IrBuilder b = new IrBuilder("trmv", f32(n, n), f32(n), f32(n));
    Value l = b.arg(0);
    Value x = b.arg(1);
    Value y = b.arg(2);
    b.loop(0, n, i -> b.loop(AffineMap.constant(0), List.of(),
        new AffineMap(1, 0, List.of(AffineExpr.dim(0).plus(1))), List.of(i), 1, j -> {
          Value p = b.mulf(b.load(l, i, j), b.load(x, j));
          b.store(b.addf(b.load(y, i), p), y, i);
        }));
    return b.build();
  }

  /** out[0] = sum_i a[i] * c[i] through an iter_args accumulator. */
  public static Operation dot(long n) {
    IrBuilder b = new IrBuilder("dot", f32(n), f32(n), f32(1));
    Value a = b.arg(0);
    Value c = b.arg(1);
    Value out = b.arg(2);
    Value zero = b.constF(0.0);
    Operation loop = b.loopIter(0, n, List.of(zero), args -> {
      Value p = b.mulf(b.load(a, args.get(0)), b.load(c, args.get(0)));
      return List.of(b.addf(args.get(1), p));
    });
    Value z = b.constIndex(0);
    b.store(loop.result(0), out, z);
    return b.build();
  }

  /** B[i,j] = A[i,j] * 2 + A[i,j]: no dependences across iterations (fully parallel). */
  public static Operation elementwise(long m, long n) {
    IrBuilder b = new IrBuilder("ew", f32(m, n), f32(m, n));
    Value a = b.arg(0);
    Value out = b.arg(1);
    b.loop(0, m, i -> b.loop(0, n, j -> {
      Value x = b.load(a, i, j);
      b.store(b.addf(b.mulf(x, b.constF(2.0)), x), out, i, j);
    }));
    return b.build();
  }
}
