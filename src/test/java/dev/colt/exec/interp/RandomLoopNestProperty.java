// Property: random affine loop nests with random subscripts compute what a direct Java loop nest computes.
package dev.colt.exec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RandomLoopNestProperty {
  /**
   * One loop: lower bound max(lbConst, iv[lbDep] - lbOff) (the second term only when lbDep >= 0),
   * upper bound min(ubConst, iv[ubDep] + ubOff), step.
   */
  record Loop(long lbConst, int lbDep, long lbOff, long ubConst, int ubDep, long ubOff,
      long step) {}

  /** One subscript: (sum coeffs[k] * iv[k] + constant), then floordiv or mod by divisor > 1. */
  record Subscript(long[] coeffs, long constant, long divisor, boolean mod) {
    long raw(long[] iv) {
      long v = constant;
      for (int k = 0; k < coeffs.length; k++) {
        v += coeffs[k] * iv[k];
      }
      if (divisor > 1) {
        v = mod ? Math.floorMod(v, divisor) : Math.floorDiv(v, divisor);
      }
      return v;
    }

    AffineExpr expr(long shift) {
      AffineExpr e = AffineExpr.constant(constant);
      for (int k = 0; k < coeffs.length; k++) {
        e = AffineExpr.add(e, AffineExpr.mul(AffineExpr.dim(k), AffineExpr.constant(coeffs[k])));
      }
      if (divisor > 1) {
        e = mod ? AffineExpr.mod(e, AffineExpr.constant(divisor))
            : AffineExpr.floorDiv(e, AffineExpr.constant(divisor));
      }
      return AffineExpr.add(e, AffineExpr.constant(shift));
    }
  }

  private static Loop randomLoop(Random r, int depth) {
    long lb = r.nextInt(3);
    long ub = lb + r.nextInt(7);
    int lbDep = depth > 0 && r.nextBoolean() ? r.nextInt(depth) : -1;
    int ubDep = depth > 0 && r.nextBoolean() ? r.nextInt(depth) : -1;
    return new Loop(lb, lbDep, r.nextInt(3), ub, ubDep, 1 + r.nextInt(4), 1 + r.nextInt(3));
  }

  private static Subscript randomSubscript(Random r, int n) {
    long[] c = new long[n];
    for (int k = 0; k < n; k++) {
      c[k] = r.nextInt(5) - 2;
    }
    int kind = r.nextInt(4);
    return new Subscript(c, r.nextInt(7) - 3, kind >= 2 ? 2 + r.nextInt(3) : 1, kind == 3);
  }

  /** Visits every iteration vector of the nest in execution order. */
  private static void iterate(List<Loop> loops, long[] iv, int k,
      java.util.function.Consumer<long[]> body) {
    if (k == loops.size()) {
      body.accept(iv);
      return;
    }
    Loop l = loops.get(k);
    long lo = l.lbDep() >= 0 ? Math.max(l.lbConst(), iv[l.lbDep()] - l.lbOff()) : l.lbConst();
    long hi = l.ubDep() >= 0 ? Math.min(l.ubConst(), iv[l.ubDep()] + l.ubOff()) : l.ubConst();
    for (long i = lo; i < hi; i += l.step()) {
      iv[k] = i;
      iterate(loops, iv, k + 1, body);
    }
  }

  private static void widen(Subscript[] subs, long[] iv, long[] min, long[] max) {
    for (int d = 0; d < subs.length; d++) {
      long v = subs[d].raw(iv);
      min[d] = Math.min(min[d], v);
      max[d] = Math.max(max[d], v);
    }
  }

  private static AffineMap boundMap(int dims, long constant, int dep, long offset) {
    List<AffineExpr> results = new ArrayList<>();
    results.add(AffineExpr.constant(constant));
    if (dep >= 0) {
      results.add(AffineExpr.dim(dep).plus(offset));
    }
    return new AffineMap(dims, 0, results);
  }

  private static void buildLoops(Block.Builder b, List<Loop> loops, List<Value> ivs,
      Value[] mem, AffineMap[] maps, IntegerSet guard) {
    int k = ivs.size();
    if (guard != null && k == loops.size() - 1) {
      buildReduction(b, loops.get(k), ivs, mem, maps, guard);
      return;
    }
    if (k == loops.size()) {
      Value[] idx = ivs.toArray(Value[]::new);
      Value x = TestIr.affineLoad(b, mem[0], maps[0], idx);
      Value y = TestIr.affineLoad(b, mem[1], maps[1], idx);
      Value z = TestIr.affineLoad(b, mem[2], maps[2], idx);
      Value p = TestIr.op(b, "arith.mulf", FloatType.F32, x, y);
      TestIr.affineStore(b, TestIr.op(b, "arith.addf", FloatType.F32, z, p), mem[2], maps[2],
          idx);
      return;
    }
    Loop l = loops.get(k);
    TestIr.affineFor(b, boundMap(k, l.lbConst(), l.lbDep(), -l.lbOff()), ivs,
        boundMap(k, l.ubConst(), l.ubDep(), l.ubOff()), ivs, l.step(), List.of(),
        (inner, args) -> {
          List<Value> next = new ArrayList<>(ivs);
          next.add(args.get(0));
          buildLoops(inner, loops, next, mem, maps, guard);
          return List.of();
        });
  }

  /** The innermost loop as an iter_args reduction into C with a guarded product. */
  private static void buildReduction(Block.Builder b, Loop l, List<Value> outer, Value[] mem,
      AffineMap[] maps, IntegerSet guard) {
    int k = outer.size();
    // C's map has a dim for the innermost index that it does not use; pass any index for it
    List<Value> cIdx = new ArrayList<>(outer);
    cIdx.add(TestIr.constIndex(b, 0));
    Value init = TestIr.affineLoad(b, mem[2], maps[2], cIdx.toArray(Value[]::new));
    Operation loop = TestIr.affineFor(b, boundMap(k, l.lbConst(), l.lbDep(), -l.lbOff()), outer,
        boundMap(k, l.ubConst(), l.ubDep(), l.ubOff()), outer, l.step(), List.of(init),
        (inner, args) -> {
          List<Value> ivs = new ArrayList<>(outer);
          ivs.add(args.get(0));
          Value[] idx = ivs.toArray(Value[]::new);
          Value x = TestIr.affineLoad(inner, mem[0], maps[0], idx);
          Value y = TestIr.affineLoad(inner, mem[1], maps[1], idx);
          Operation guarded = TestIr.affineIf(inner, guard, ivs, List.of(FloatType.F32),
              th -> List.of(TestIr.op(th, "arith.mulf", FloatType.F32, x, y)),
              el -> List.of(TestIr.constF(el, FloatType.F32, 0.0)));
          return List.of(TestIr.op(inner, "arith.addf", FloatType.F32, args.get(1),
              guarded.result()));
        });
    TestIr.affineStore(b, loop.result(), mem[2], maps[2], cIdx.toArray(Value[]::new));
  }

  /** Java version of {@link #buildReduction} nests. */
  private static void referenceReduction(List<Loop> loops, Subscript[][] subs, long[][] shift,
      Buffer[] bufs, java.util.function.ToLongFunction<long[]> guard) {
    int n = loops.size();
    iterate(loops.subList(0, n - 1), new long[n], 0, outerIv -> {
      long[] iv = outerIv.clone();
      iv[n - 1] = 0;
      long[] c = new long[subs[2].length];
      for (int d = 0; d < c.length; d++) {
        c[d] = subs[2][d].raw(iv) + shift[2][d];
      }
      float acc = (float) bufs[2].getDouble(c);
      Loop l = loops.get(n - 1);
      long lo = l.lbDep() >= 0 ? Math.max(l.lbConst(), iv[l.lbDep()] - l.lbOff()) : l.lbConst();
      long hi = l.ubDep() >= 0 ? Math.min(l.ubConst(), iv[l.ubDep()] + l.ubOff()) : l.ubConst();
      for (long i = lo; i < hi; i += l.step()) {
        iv[n - 1] = i;
        float p = 0f;
        if (guard.applyAsLong(iv) >= 0) {
          long[] a = new long[subs[0].length];
          long[] bb = new long[subs[1].length];
          for (int d = 0; d < a.length; d++) {
            a[d] = subs[0][d].raw(iv) + shift[0][d];
          }
          for (int d = 0; d < bb.length; d++) {
            bb[d] = subs[1][d].raw(iv) + shift[1][d];
          }
          p = (float) bufs[0].getDouble(a) * (float) bufs[1].getDouble(bb);
        }
        acc = acc + p;
      }
      bufs[2].setDouble(c, acc);
    });
  }

  @Property(tries = 60)
  void interpreterMatchesDirectJava(@ForAll long seed) {
    check(seed, false);
  }

  /**
   * The innermost loop accumulates A*B in an iter_arg started from C (whose subscript ignores the
   * innermost index), adding a product only where a random affine guard holds (a value-yielding
   * affine.if), then stores the sum to C.
   */
  @Property(tries = 60)
  void reductionsWithGuardsMatchDirectJava(@ForAll long seed) {
    check(seed, true);
  }

  private static void check(long seed, boolean reduce) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(3);
    List<Loop> loops = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      loops.add(randomLoop(r, k));
    }
    // subscripts of A, B, C; each memref has rank 1 or 2
    Subscript[][] subs = new Subscript[3][];
    for (int m = 0; m < 3; m++) {
      subs[m] = new Subscript[1 + r.nextInt(2)];
      for (int d = 0; d < subs[m].length; d++) {
        subs[m][d] = randomSubscript(r, n);
        if (reduce && m == 2) {
          subs[m][d].coeffs()[n - 1] = 0;
        }
      }
    }
    Subscript guard = randomSubscript(r, n);
    long[] guardCoeffs = guard.coeffs();
    long[][] min = new long[3][2];
    long[][] max = new long[3][2];
    for (long[] row : min) {
      Arrays.fill(row, Long.MAX_VALUE);
    }
    for (long[] row : max) {
      Arrays.fill(row, Long.MIN_VALUE);
    }
    // a reduction touches C once per outer iteration, even when the innermost loop is empty
    if (reduce) {
      iterate(loops.subList(0, n - 1), new long[n], 0, iv -> widen(subs[2], iv, min[2], max[2]));
    }
    iterate(loops, new long[n], 0, iv -> {
      for (int m = 0; m < 3; m++) {
        if (!reduce || m < 2) {
          widen(subs[m], iv, min[m], max[m]);
        }
      }
    });
    long[][] shape = new long[3][];
    long[][] shift = new long[3][];
    AffineMap[] maps = new AffineMap[3];
    List<Type> types = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      int rank = subs[m].length;
      shape[m] = new long[rank];
      shift[m] = new long[rank];
      List<AffineExpr> exprs = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        boolean touched = min[m][d] != Long.MAX_VALUE;
        shift[m][d] = touched ? -min[m][d] : 0;
        shape[m][d] = touched ? max[m][d] - min[m][d] + 1 : 1;
        exprs.add(subs[m][d].expr(shift[m][d]));
      }
      maps[m] = new AffineMap(n, 0, exprs);
      types.add(MemRefType.of(FloatType.F32, shape[m]));
    }
    IntegerSet guardSet = new IntegerSet(n, 0, List.of(new Subscript(guardCoeffs,
        guard.constant(), 1, false).expr(0)), List.of(false));
    Operation fn = TestIr.func("nest", types, List.of(), b -> {
      buildLoops(b, loops, List.of(), b.arguments().toArray(Value[]::new), maps,
          reduce ? guardSet : null);
      return List.of();
    });
    List<RuntimeValue> args = Interpreter.runWithPatternInputs(TestIr.module(fn), "nest");

    List<RuntimeValue> expectedArgs = PatternInputs.forSignature(
        new FunctionType(types, List.of()));
    Buffer[] bufs = expectedArgs.stream().map(v -> (Buffer) v).toArray(Buffer[]::new);
    java.util.function.ToLongFunction<long[]> guardValue = iv -> {
      long v = guard.constant();
      for (int k = 0; k < n; k++) {
        v += guardCoeffs[k] * iv[k];
      }
      return v;
    };
    if (reduce) {
      referenceReduction(loops, subs, shift, bufs, guardValue);
    } else {
      iterate(loops, new long[n], 0, iv -> {
      long[][] at = new long[3][];
      for (int m = 0; m < 3; m++) {
        at[m] = new long[subs[m].length];
        for (int d = 0; d < at[m].length; d++) {
          at[m][d] = subs[m][d].raw(iv) + shift[m][d];
        }
      }
      float x = (float) bufs[0].getDouble(at[0]);
      float y = (float) bufs[1].getDouble(at[1]);
      float z = (float) bufs[2].getDouble(at[2]);
      bufs[2].setDouble(at[2], z + x * y);
      });
    }
    Buffer got = (Buffer) args.get(2);
    for (long f = 0; f < got.size(); f++) {
      assertEquals(bufs[2].getDouble(f), got.getDouble(f), "C element " + f + " of nest "
          + loops + " with subscript maps of A, B, C " + Arrays.toString(maps));
    }
  }
}
