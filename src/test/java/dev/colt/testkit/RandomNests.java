// Random perfectly nested affine loop nests over two small f32 memrefs, for property tests.
package dev.colt.testkit;

import static dev.colt.testkit.IrBuilder.f32;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A nest of 1 to 3 loops (lower bound 1, trip counts 1 to 8) whose innermost body has 1 to 3
 * statements {@code M[s] = op(M1[s1], M2[s2])} over two 10x10 memrefs; every subscript is one
 * loop's induction variable or a constant, plus an offset in [-1, 1], so all accesses stay in
 * bounds. Reads and writes of the same memref create flow, anti and output dependences.
 */
public final class RandomNests {
  private static final String[] OPS = {"arith.addf", "arith.mulf", "arith.subf",
      "arith.maximumf"};

  private RandomNests() {}

  public static Operation generate(Random r) {
    IrBuilder b = new IrBuilder("rand", f32(10, 10), f32(10, 10));
    int depth = 1 + r.nextInt(3);
    long[] trips = new long[depth];
    for (int i = 0; i < depth; i++) {
      trips[i] = 1 + r.nextInt(8);
    }
    int statements = 1 + r.nextInt(3);
    long[][] plan = new long[statements][];
    for (int s = 0; s < statements; s++) {
      plan[s] = new long[] {r.nextLong()};
    }
    nest(b, r, trips, 0, new ArrayList<>(), plan);
    return b.build();
  }

  private static void nest(IrBuilder b, Random r, long[] trips, int level, List<Value> ivs,
      long[][] plan) {
    if (level == trips.length) {
      for (long[] seed : plan) {
        statement(b, new Random(seed[0]), ivs);
      }
      return;
    }
    b.loop(1, 1 + trips[level], iv -> {
      List<Value> inner = new ArrayList<>(ivs);
      inner.add(iv);
      nest(b, r, trips, level + 1, inner, plan);
    });
  }

  private static void statement(IrBuilder b, Random r, List<Value> ivs) {
    Value x = access(b, r, ivs, null, false);
    Value y = access(b, r, ivs, null, false);
    Value v = b.op(OPS[r.nextInt(OPS.length)], x, y);
    access(b, r, ivs, v, true);
  }

  private static Value access(IrBuilder b, Random r, List<Value> ivs, Value stored,
      boolean write) {
    Value m = b.arg(r.nextInt(2));
    AffineExpr[] subs = new AffineExpr[2];
    for (int d = 0; d < 2; d++) {
      long offset = r.nextInt(3) - 1;
      if (r.nextInt(4) == 0) {
        subs[d] = AffineExpr.constant(2 + offset);
      } else {
        subs[d] = AffineExpr.dim(r.nextInt(ivs.size())).plus(offset);
      }
    }
    if (write) {
      b.store(stored, m, ivs, subs);
      return null;
    }
    return b.load(m, ivs, subs);
  }
}
