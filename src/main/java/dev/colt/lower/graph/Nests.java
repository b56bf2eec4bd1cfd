// Loop nest and memory access helpers for the graph lowering: affine.for nests, loads, stores.
package dev.colt.lower.graph;

import dev.colt.dialect.affine.AffineForOp;
import dev.colt.dialect.affine.AffineLoadOp;
import dev.colt.dialect.affine.AffineStoreOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds loop nests with constant bounds 0..extent (step 1) and affine accesses whose subscripts
 * are expressions over the nest's induction variables ({@code d_k} is the k-th variable).
 */
final class Nests {
  /** The body of a nest: gets the innermost block and every induction variable, outer first. */
  @FunctionalInterface
  interface Body {
    void build(Block.Builder b, List<Value> ivs);
  }

  /** The body of a reduction nest: returns the new accumulator from the old. */
  @FunctionalInterface
  interface ReductionBody {
    Value build(Block.Builder b, List<Value> ivs, Value acc);
  }

  private Nests() {}

  /** Appends a nest over {@code extents} (nothing but the body when empty) to {@code b}. */
  static void forEach(Block.Builder b, List<Long> extents, Body body) {
    forEach(b, extents, new ArrayList<>(), body);
  }

  private static void forEach(Block.Builder b, List<Long> extents, List<Value> ivs, Body body) {
    int d = ivs.size();
    if (d == extents.size()) {
      body.build(b, List.copyOf(ivs));
      return;
    }
    b.add(AffineForOp.build(0, extents.get(d), 1, (inner, iv, args) -> {
      ivs.add(iv);
      forEach(inner, extents, ivs, body);
      ivs.remove(ivs.size() - 1);
      return List.of();
    }));
  }

  /**
   * Appends a nest over {@code extents} carrying one accumulator through iter_args, starting at
   * {@code init}; returns the final accumulator ({@code body} applied once when extents is empty).
   */
  static Value reduce(Block.Builder b, List<Long> extents, Value init, ReductionBody body) {
    return reduce(b, extents, new ArrayList<>(), init, body);
  }

  private static Value reduce(Block.Builder b, List<Long> extents, List<Value> ivs, Value acc,
      ReductionBody body) {
    int d = ivs.size();
    if (d == extents.size()) {
      return body.build(b, List.copyOf(ivs), acc);
    }
    Operation loop = b.add(AffineForOp.build(0, extents.get(d), 1, List.of(acc),
        (inner, iv, args) -> {
          ivs.add(iv);
          Value r = reduce(inner, extents, ivs, args.get(0), body);
          ivs.remove(ivs.size() - 1);
          return List.of(r);
        }));
    return loop.result(0);
  }

  /** {@code [d_from, ..., d_{from+n-1}]}. */
  static List<AffineExpr> dims(int from, int n) {
    List<AffineExpr> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(AffineExpr.dim(from + i));
    }
    return out;
  }

  /**
   * Subscripts reading an operand of shape {@code in} broadcast (numpy rules) to {@code out},
   * whose dims start at {@code d_offset}: size-1 dimensions read index 0, leading dims are dropped.
   */
  static List<AffineExpr> broadcast(List<Long> in, List<Long> out, int offset) {
    List<AffineExpr> exprs = new ArrayList<>(in.size());
    int lead = out.size() - in.size();
    for (int k = 0; k < in.size(); k++) {
      exprs.add(in.get(k) == 1 ? AffineExpr.constant(0) : AffineExpr.dim(offset + lead + k));
    }
    return exprs;
  }

  /** {@code affine.load memref[exprs]} with the induction variables the exprs use as operands. */
  static Value load(Block.Builder b, Value memref, List<AffineExpr> exprs, List<Value> ivs) {
    Access a = compact(exprs, ivs);
    return b.addValue(AffineLoadOp.build(memref, a.map, a.operands));
  }

  /** {@code affine.store value, memref[exprs]}. */
  static void store(Block.Builder b, Value value, Value memref, List<AffineExpr> exprs,
      List<Value> ivs) {
    Access a = compact(exprs, ivs);
    b.add(AffineStoreOp.build(value, memref, a.map, a.operands));
  }

  private record Access(AffineMap map, List<Value> operands) {}

  /** Renumbers the dims used by {@code exprs} densely, in order of first use. */
  private static Access compact(List<AffineExpr> exprs, List<Value> ivs) {
    List<Integer> used = new ArrayList<>();
    for (AffineExpr e : exprs) {
      collectDims(e, used);
    }
    List<AffineExpr> renumber = new ArrayList<>(ivs.size());
    for (int i = 0; i < ivs.size(); i++) {
      int pos = used.indexOf(i);
      renumber.add(pos < 0 ? AffineExpr.constant(0) : AffineExpr.dim(pos));
    }
    List<Value> operands = new ArrayList<>(used.size());
    for (int i : used) {
      operands.add(ivs.get(i));
    }
    List<AffineExpr> results = exprs.stream().map(e -> e.replace(renumber, List.of())).toList();
    return new Access(new AffineMap(used.size(), 0, results), operands);
  }

  private static void collectDims(AffineExpr e, List<Integer> used) {
    switch (e) {
      case AffineExpr.Dim d -> {
        if (!used.contains(d.position())) {
          used.add(d.position());
        }
      }
      case AffineExpr.Binary bin -> {
        collectDims(bin.lhs(), used);
        collectDims(bin.rhs(), used);
      }
      default -> { }
    }
  }
}
