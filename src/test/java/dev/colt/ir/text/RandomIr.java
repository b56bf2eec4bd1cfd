// Generates random affine expressions, maps, sets and well-formed modules for text properties.
package dev.colt.ir.text;

import dev.colt.dialect.affine.AffineApplyOp;
import dev.colt.dialect.affine.AffineForOp;
import dev.colt.dialect.affine.AffineIfOp;
import dev.colt.dialect.affine.AffineLoadOp;
import dev.colt.dialect.affine.AffineMaxOp;
import dev.colt.dialect.affine.AffineMinOp;
import dev.colt.dialect.affine.AffineStoreOp;
import dev.colt.dialect.affine.AffineVectorLoadOp;
import dev.colt.dialect.arith.AddFOp;
import dev.colt.dialect.arith.AddIOp;
import dev.colt.dialect.arith.CmpFOp;
import dev.colt.dialect.arith.ConstantOp;
import dev.colt.dialect.arith.IndexCastOp;
import dev.colt.dialect.arith.MulFOp;
import dev.colt.dialect.arith.SelectOp;
import dev.colt.dialect.arith.SIToFPOp;
import dev.colt.dialect.func.CallOp;
import dev.colt.dialect.func.FuncOp;
import dev.colt.dialect.func.ReturnOp;
import dev.colt.dialect.math.ExpOp;
import dev.colt.dialect.math.FmaOp;
import dev.colt.dialect.vector.BroadcastOp;
import dev.colt.dialect.vector.VectorFmaOp;
import dev.colt.dialect.vector.VectorReductionOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators; the same seed always gives the same IR. */
final class RandomIr {
  private static final MemRefType MEMREF = MemRefType.of(FloatType.F32, 16, 16);
  private static final VectorType VEC = VectorType.of(FloatType.F32, 8);
  private final Random random;

  RandomIr(long seed) {
    this.random = new Random(seed);
  }

  // Affine ----------------------------------------------------------------------------------------

  AffineExpr expr(int dims, int syms, int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      int k = random.nextInt(3);
      if (k == 0 && dims > 0) {
        return AffineExpr.dim(random.nextInt(dims));
      }
      if (k == 1 && syms > 0) {
        return AffineExpr.symbol(random.nextInt(syms));
      }
      return AffineExpr.constant(random.nextInt(21) - 10);
    }
    AffineExpr a = expr(dims, syms, depth - 1);
    AffineExpr c = AffineExpr.constant(1 + random.nextInt(8));
    return switch (random.nextInt(7)) {
      case 0 -> AffineExpr.add(a, expr(dims, syms, depth - 1));
      case 1 -> AffineExpr.sub(a, expr(dims, syms, depth - 1));
      case 2 -> AffineExpr.mul(a, AffineExpr.constant(random.nextInt(9) - 4));
      case 3 -> AffineExpr.floorDiv(a, c);
      case 4 -> AffineExpr.ceilDiv(a, c);
      case 5 -> AffineExpr.mod(a, c);
      default -> AffineExpr.mul(AffineExpr.constant(random.nextInt(5) - 2), a);
    };
  }

  AffineMap map() {
    int dims = random.nextInt(4);
    int syms = random.nextInt(3);
    List<AffineExpr> results = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      results.add(expr(dims, syms, 3));
    }
    return new AffineMap(dims, syms, results);
  }

  IntegerSet set() {
    int dims = random.nextInt(3);
    int syms = random.nextInt(2);
    List<AffineExpr> cs = new ArrayList<>();
    List<Boolean> eqs = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      cs.add(expr(dims, syms, 3));
      eqs.add(random.nextInt(4) == 0);
    }
    return new IntegerSet(dims, syms, cs, eqs);
  }

  // Modules ---------------------------------------------------------------------------------------

  /** What is in scope while generating a block. */
  private record Env(Value memref, Value symbol, List<Value> dims, List<Value> floats,
      List<Value> ints, List<Value> vectors) {
    Env nested(Value iv) {
      Env e = copy();
      e.dims().add(iv);
      return e;
    }

    Env copy() {
      return new Env(memref, symbol, new ArrayList<>(dims), new ArrayList<>(floats),
          new ArrayList<>(ints), new ArrayList<>(vectors));
    }
  }

  /**
   * A module with a declared function and a function {@code @kernel(memref<16x16xf32>, index, f32,
   * i32) -> f32} whose body mixes func, arith, math, affine and vector ops in their custom forms.
   */
  Operation module() {
    FunctionType calleeType = new FunctionType(List.of(FloatType.F32), List.of(FloatType.F32));
    Operation callee = FuncOp.declare("callee", calleeType);
    FunctionType ft = new FunctionType(
        List.of(MEMREF, IndexType.INSTANCE, FloatType.F32, IntegerType.I32),
        List.of(FloatType.F32));
    Operation kernel = FuncOp.create("kernel", ft, b -> {
      Env env = new Env(b.argument(0), b.argument(1), new ArrayList<>(),
          new ArrayList<>(List.of(b.argument(2))), new ArrayList<>(List.of(b.argument(3))),
          new ArrayList<>());
      env.floats().add(b.addValue(ConstantOp.create(
          new Attribute.FloatAttr(pickFloat(), FloatType.F32))));
      Value f = items(b, env, 0);
      f = b.addValue(CallOp.create("callee", List.of(f), List.of(FloatType.F32)));
      b.add(ReturnOp.create(List.of(f)));
    });
    return ModuleOp.create(List.of(callee, kernel));
  }

  private double pickFloat() {
    double[] choices = {0.0, 1.0, -2.5, 0.1, 1.0e-5, 3.0e38, Double.POSITIVE_INFINITY, 0.333333};
    return (float) choices[random.nextInt(choices.length)];
  }

  private static <T> T pick(Random r, List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  private AffineMap subscriptMap(int dims, int syms) {
    return new AffineMap(dims, syms, List.of(expr(dims, syms, 2), expr(dims, syms, 2)));
  }

  private List<Value> mapOperands(Env env, int syms) {
    List<Value> ops = new ArrayList<>(env.dims());
    for (int i = 0; i < syms; i++) {
      ops.add(env.symbol());
    }
    return ops;
  }

  /** Appends random ops; returns an f32 value in scope at the end. */
  private Value items(Block.Builder b, Env env, int depth) {
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      int syms = random.nextInt(2);
      switch (random.nextInt(depth < 2 ? 12 : 9)) {
        case 0 -> env.floats().add(b.addValue(AddFOp.create(pick(random, env.floats()),
            pick(random, env.floats()))));
        case 1 -> env.floats().add(b.addValue(MulFOp.create(pick(random, env.floats()),
            pick(random, env.floats()))));
        case 2 -> env.floats().add(b.addValue(ExpOp.create(pick(random, env.floats()))));
        case 3 -> env.floats().add(b.addValue(FmaOp.create(pick(random, env.floats()),
            pick(random, env.floats()), pick(random, env.floats()))));
        case 4 -> {
          Value c = b.addValue(ConstantOp.create(
              new Attribute.IntegerAttr(random.nextInt(7) - 3, IntegerType.I32)));
          env.ints().add(b.addValue(AddIOp.create(c, pick(random, env.ints()))));
          env.floats().add(b.addValue(SIToFPOp.create(pick(random, env.ints()),
              FloatType.F32)));
          b.addValue(IndexCastOp.create(pick(random, env.ints()), IndexType.INSTANCE));
        }
        case 5 -> {
          Value cond = b.addValue(CmpFOp.create(pick(random, List.of(CmpFOp.Predicate.values())),
              pick(random, env.floats()), pick(random, env.floats())));
          env.floats().add(b.addValue(SelectOp.create(cond, pick(random, env.floats()),
              pick(random, env.floats()))));
        }
        case 6 -> env.floats().add(b.addValue(AffineLoadOp.build(env.memref(),
            subscriptMap(env.dims().size(), syms), mapOperands(env, syms))));
        case 7 -> b.add(AffineStoreOp.build(pick(random, env.floats()), env.memref(),
            subscriptMap(env.dims().size(), syms), mapOperands(env, syms)));
        case 8 -> vectorItems(b, env, syms);
        case 9 -> {
          AffineMap two = new AffineMap(env.dims().size(), syms,
              List.of(expr(env.dims().size(), syms, 2), expr(env.dims().size(), syms, 2)));
          int which = random.nextInt(3);
          if (which == 0) {
            b.add(AffineMinOp.build(two, mapOperands(env, syms)));
          } else if (which == 1) {
            b.add(AffineMaxOp.build(two, mapOperands(env, syms)));
          } else {
            b.add(AffineApplyOp.build(two.subMap(0), mapOperands(env, syms)));
          }
        }
        case 10 -> env.floats().add(loop(b, env, depth));
        default -> env.floats().add(ifOp(b, env, depth));
      }
    }
    return pick(random, env.floats());
  }

  private void vectorItems(Block.Builder b, Env env, int syms) {
    Value v = b.addValue(AffineVectorLoadOp.build(VEC, env.memref(),
        subscriptMap(env.dims().size(), syms), mapOperands(env, syms)));
    Value s = b.addValue(BroadcastOp.create(pick(random, env.floats()), VEC));
    Value splat = b.addValue(ConstantOp.create(new Attribute.DenseElementsAttr(VEC,
        new double[] {pickFloat()})));
    Value fma = b.addValue(VectorFmaOp.create(v, s, splat));
    env.floats().add(b.addValue(VectorReductionOp.create(
        random.nextBoolean() ? VectorReductionOp.Kind.ADD : VectorReductionOp.Kind.MAXIMUMF,
        fma)));
  }

  private Value loop(Block.Builder b, Env env, int depth) {
    int d = env.dims().size();
    AffineMap lb;
    List<Value> lbOps;
    AffineMap ub;
    List<Value> ubOps;
    switch (random.nextInt(3)) {
      case 0 -> {
        lb = AffineMap.constant(random.nextInt(4));
        lbOps = List.of();
        ub = AffineMap.constant(4 + random.nextInt(12));
        ubOps = List.of();
      }
      case 1 -> {
        lb = AffineMap.constant(0);
        lbOps = List.of();
        ub = AffineMap.of(0, 1, AffineExpr.symbol(0));
        ubOps = List.of(env.symbol());
      }
      default -> {
        lb = new AffineMap(d, 1, List.of(expr(d, 1, 2), expr(d, 1, 1)));
        lbOps = mapOperands(env, 1);
        ub = new AffineMap(d, 1, List.of(expr(d, 1, 2).plus(16)));
        ubOps = mapOperands(env, 1);
      }
    }
    long step = 1 + random.nextInt(4);
    boolean carry = random.nextBoolean();
    List<Value> inits = carry ? List.of(pick(random, env.floats())) : List.of();
    Operation loop = b.add(AffineForOp.build(lb, lbOps, ub, ubOps, step, inits,
        (body, iv, iters) -> {
          Env inner = env.nested(iv);
          inner.floats().addAll(iters);
          Value f = items(body, inner, depth + 1);
          return carry ? List.of(f) : List.of();
        }));
    return carry ? loop.result() : pick(random, env.floats());
  }

  private Value ifOp(Block.Builder b, Env env, int depth) {
    int d = env.dims().size();
    IntegerSet set = new IntegerSet(d, 1, List.of(expr(d, 1, 2)), List.of(random.nextBoolean()));
    List<Value> ops = mapOperands(env, 1);
    if (random.nextBoolean()) {
      b.add(AffineIfOp.build(set, ops, blk -> {
        items(blk, env.copy(), depth + 1);
        return List.of();
      }));
      return pick(random, env.floats());
    }
    Operation op = b.add(AffineIfOp.build(set, ops, List.of(FloatType.F32),
        blk -> List.of(items(blk, env.copy(), depth + 1)),
        blk -> List.of(items(blk, env.copy(), depth + 1))));
    return op.result();
  }
}
