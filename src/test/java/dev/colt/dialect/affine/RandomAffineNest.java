// Generates random well-formed affine loop nests (min/max bounds, steps, iter_args, if).
package dev.colt.dialect.affine;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a scope body whose arguments are {@code (memref<16x16xf32>, index, f32)} with a random
 * nest: loops whose bounds are constants, symbols or max/min lists over outer induction variables
 * and symbols, steps 1-8, f32 iter_args, affine.if with and without else and results, loads,
 * stores, vector loads and applies. Everything it builds satisfies the affine dim/symbol rules.
 */
final class RandomAffineNest {
  static final MemRefType MEMREF = MemRefType.of(FloatType.F32, 16, 16);
  static final List<Type> ARG_TYPES = List.of(MEMREF, IndexType.INSTANCE, FloatType.F32);

  private final Random random;
  private final Value memref;
  private final List<Value> symbols = new ArrayList<>();
  private final Value floatArg;
  private final int maxDepth;

  private RandomAffineNest(Random random, Block.Builder top) {
    this.random = random;
    this.memref = top.argument(0);
    this.symbols.add(top.argument(1));
    this.floatArg = top.argument(2);
    this.maxDepth = 1 + random.nextInt(3);
  }

  /**
   * Appends a random nest to {@code top} (a block with {@link #ARG_TYPES} arguments); the caller
   * adds the block's terminator, if it needs one.
   */
  static void fill(long seed, Block.Builder top) {
    RandomAffineNest g = new RandomAffineNest(new Random(seed), top);
    g.symbols.add(top.addValue(dev.colt.dialect.arith.ConstantOp.index(g.random.nextInt(8))));
    g.items(top, new ArrayList<>(), 0, g.floatArg);
  }

  /** A function {@code @nest} holding a random nest, returning nothing. */
  static dev.colt.ir.Operation function(long seed) {
    return function("nest", seed);
  }

  /** A function named {@code name} holding a random nest, returning nothing. */
  static dev.colt.ir.Operation function(String name, long seed) {
    return dev.colt.dialect.func.FuncOp.create(name,
        new dev.colt.ir.FunctionType(ARG_TYPES, List.of()), b -> {
          fill(seed, b);
          b.add(dev.colt.dialect.func.ReturnOp.create(List.of()));
        });
  }

  /** Appends 1-3 items; returns an f32 value available at the end (for yields). */
  private Value items(Block.Builder b, List<Value> dims, int depth, Value someFloat) {
    int n = 1 + random.nextInt(3);
    Value f = someFloat;
    for (int k = 0; k < n; k++) {
      int choice = random.nextInt(depth < maxDepth ? 7 : 4);
      switch (choice) {
        case 0 -> f = b.addValue(AffineLoadOp.build(memref, subscriptMap(dims.size()),
            operands(dims)));
        case 1 -> b.add(AffineStoreOp.build(f, memref, subscriptMap(dims.size()),
            operands(dims)));
        case 2 -> {
          if (!dims.isEmpty() && random.nextBoolean()) {
            dims.add(b.addValue(AffineApplyOp.build(new AffineMap(dims.size(), symbols.size(),
                List.of(expr(dims.size(), symbols.size()))), operands(dims))));
          } else {
            AffineMap two = new AffineMap(dims.size(), symbols.size(),
                List.of(expr(dims.size(), symbols.size()), expr(dims.size(), symbols.size())));
            b.add(random.nextBoolean() ? AffineMinOp.build(two, operands(dims))
                : AffineMaxOp.build(two, operands(dims)));
          }
        }
        case 3 -> b.addValue(AffineVectorLoadOp.build(
            dev.colt.ir.VectorType.of(FloatType.F32, 4), memref, subscriptMap(dims.size()),
            operands(dims)));
        case 4, 5 -> f = loop(b, dims, depth, f);
        default -> f = ifOp(b, dims, depth, f);
      }
    }
    return f;
  }

  private Value loop(Block.Builder b, List<Value> dims, int depth, Value f) {
    Bound lb = bound(dims, true);
    Bound ub = bound(dims, false);
    long step = 1 + random.nextInt(8);
    boolean carries = random.nextInt(3) == 0;
    List<Value> inits = carries ? List.of(f) : List.of();
    dev.colt.ir.Operation loop = AffineForOp.build(lb.map, lb.operands, ub.map, ub.operands, step,
        inits, (body, iv, iterArgs) -> {
          List<Value> inner = new ArrayList<>(dims);
          inner.add(iv);
          Value last = items(body, inner, depth + 1, carries ? iterArgs.get(0) : f);
          return carries ? List.of(last) : List.of();
        });
    b.add(loop);
    return carries ? loop.result() : f;
  }

  private Value ifOp(Block.Builder b, List<Value> dims, int depth, Value f) {
    int nd = dims.size();
    int ns = symbols.size();
    int nc = 1 + random.nextInt(2);
    List<AffineExpr> constraints = new ArrayList<>();
    List<Boolean> eq = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      constraints.add(expr(nd, ns));
      eq.add(random.nextInt(4) == 0);
    }
    IntegerSet set = new IntegerSet(nd, ns, constraints, eq);
    int mode = random.nextInt(3);
    dev.colt.ir.Operation op;
    if (mode == 0) {
      op = AffineIfOp.build(set, operands(dims), t -> {
        items(t, new ArrayList<>(dims), depth + 1, f);
        return List.of();
      });
    } else if (mode == 1) {
      op = AffineIfOp.build(set, operands(dims), List.of(), t -> {
        items(t, new ArrayList<>(dims), depth + 1, f);
        return List.of();
      }, e -> {
        items(e, new ArrayList<>(dims), depth + 1, f);
        return List.of();
      });
    } else {
      op = AffineIfOp.build(set, operands(dims), List.of(FloatType.F32),
          t -> List.of(items(t, new ArrayList<>(dims), depth + 1, f)),
          e -> List.of(items(e, new ArrayList<>(dims), depth + 1, f)));
    }
    b.add(op);
    return op.results().isEmpty() ? f : op.result();
  }

  private record Bound(AffineMap map, List<Value> operands) {}

  private Bound bound(List<Value> dims, boolean lower) {
    int kind = random.nextInt(4);
    if (kind == 0 || (kind == 2 && dims.isEmpty())) {
      return new Bound(AffineMap.constant(lower ? random.nextInt(4) : 4 + random.nextInt(13)),
          List.of());
    }
    if (kind == 1) {
      Value s = symbols.get(random.nextInt(symbols.size()));
      return new Bound(AffineMap.of(0, 1, AffineExpr.symbol(0)), List.of(s));
    }
    int results = 1 + random.nextInt(3);
    List<AffineExpr> exprs = new ArrayList<>();
    for (int i = 0; i < results; i++) {
      exprs.add(expr(dims.size(), symbols.size()));
    }
    return new Bound(new AffineMap(dims.size(), symbols.size(), exprs), operands(dims));
  }

  /** A subscript map with two results (for the rank-2 memref). */
  private AffineMap subscriptMap(int nd) {
    return new AffineMap(nd, symbols.size(), List.of(expr(nd, symbols.size()),
        expr(nd, symbols.size())));
  }

  /** A random pure affine expression over {@code nd} dims and {@code ns} symbols. */
  private AffineExpr expr(int nd, int ns) {
    AffineExpr e = AffineExpr.constant(random.nextInt(5) - 1);
    int terms = random.nextInt(3);
    for (int t = 0; t < terms; t++) {
      AffineExpr atom = (nd > 0 && random.nextBoolean()) ? AffineExpr.dim(random.nextInt(nd))
          : AffineExpr.symbol(random.nextInt(ns));
      switch (random.nextInt(5)) {
        case 0 -> atom = atom.times(1 + random.nextInt(3));
        case 1 -> atom = AffineExpr.floorDiv(atom, AffineExpr.constant(2 + random.nextInt(3)));
        case 2 -> atom = AffineExpr.mod(atom, AffineExpr.constant(2 + random.nextInt(6)));
        case 3 -> atom = atom.times(-1);
        default -> { }
      }
      e = e.plus(atom);
    }
    return e;
  }

  private List<Value> operands(List<Value> dims) {
    List<Value> all = new ArrayList<>(dims);
    all.addAll(symbols);
    return all;
  }
}
