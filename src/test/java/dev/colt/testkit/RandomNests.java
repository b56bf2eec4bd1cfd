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
    long[] trips = trips(r, 1 + r.nextInt(3));
    int statements = 1 + r.nextInt(3);
    long[][] plan = new long[statements][];
    for (int s = 0; s < statements; s++) {
      plan[s] = new long[] {r.nextLong()};
    }
    nest(b, r, trips, 0, new ArrayList<>(), plan, 2);
    return b.build();
  }

  /**
   * Two such nests one after the other over three 10x10 memrefs, for fusion: the second nest
   * repeats the first one's trip counts in its outer 1 to min(depths) loops and has its own
   * statements, so the pair is producer-consumer, siblings, or neither, and fusible or not.
   */
  public static Operation generatePair(Random r) {
    IrBuilder b = new IrBuilder("pair", f32(10, 10), f32(10, 10), f32(10, 10));
    long[] first = trips(r, 1 + r.nextInt(3));
    long[] second = trips(r, 1 + r.nextInt(3));
    int shared = 1 + r.nextInt(Math.min(first.length, second.length));
    System.arraycopy(first, 0, second, 0, shared);
    for (long[] t : List.of(first, second)) {
      long[][] plan = new long[1 + r.nextInt(2)][];
      for (int s = 0; s < plan.length; s++) {
        plan[s] = new long[] {r.nextLong()};
      }
      nest(b, r, t, 0, new ArrayList<>(), plan, 3);
    }
    return b.build();
  }

  private static long[] trips(Random r, int depth) {
    long[] trips = new long[depth];
    for (int i = 0; i < depth; i++) {
      trips[i] = 1 + r.nextInt(8);
    }
    return trips;
  }

  private static void nest(IrBuilder b, Random r, long[] trips, int level, List<Value> ivs,
      long[][] plan, int memrefs) {
    if (level == trips.length) {
      for (long[] seed : plan) {
        statement(b, new Random(seed[0]), ivs, memrefs);
      }
      return;
    }
    b.loop(1, 1 + trips[level], iv -> {
      List<Value> inner = new ArrayList<>(ivs);
      inner.add(iv);
      nest(b, r, trips, level + 1, inner, plan, memrefs);
    });
  }

  private static void statement(IrBuilder b, Random r, List<Value> ivs, int memrefs) {
    Value x = access(b, r, ivs, null, false, memrefs);
    Value y = access(b, r, ivs, null, false, memrefs);
    Value v = b.op(OPS[r.nextInt(OPS.length)], x, y);
    access(b, r, ivs, v, true, memrefs);
  }

  private static Value access(IrBuilder b, Random r, List<Value> ivs, Value stored,
      boolean write, int memrefs) {
    Value m = b.arg(r.nextInt(memrefs));
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
