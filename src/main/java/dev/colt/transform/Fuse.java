// Loop fusion of two nests in one block (producer-consumer or sibling) whose outer loops have equal bounds.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Block;
import dev.colt.ir.IRMapping;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fuses the outer {@code depth} loops of the nest {@code first} with those of the later nest
 * {@code second} in the same block: the fused loops are first's (they keep first's handles; the
 * outer {@code depth} handles of second disappear, its inner loops keep theirs), and their
 * innermost fused body runs first's body, then second's. The fused nest takes second's place, so
 * ops between the two nests (allocations, constants) still come before the consumer.
 *
 * <p>Producer-consumer fusion ({@code first} writes a memref {@code second} reads) and sibling
 * fusion (both read a memref, neither writes what the other touches) are the same rewrite; see
 * {@link #relation}. Preconditions checked: both nests are in one block with first earlier; the
 * outer {@code depth} loops of each are perfectly nested, without iter_args, and level by level have
 * equal steps and identical bound maps and operands (the second nest's outer induction variables
 * standing for the first's); no op between them touches a memref the first nest accesses or has
 * unknown memory effects; neither nest has unknown memory effects; and no dependence between the
 * nests is reversed: in the fused program no instance of second's body may touch an element that a
 * later fused instance of first's body touches (one of them writing). The typical refusal is a
 * consumer reading {@code A[i+1]} while the producer writes {@code A[i]}: fused, the read would come
 * before the write. After fusion, local buffers that became private to the fused iterations shrink
 * (see {@link BufferShrink}).
 */
public record Fuse(String first, String second, int depth) implements LoopTransform {

  /** How two nests share memory, which decides the fusion passes' modes. */
  public enum Relation {
    /** The first nest writes a memref the second reads. */
    PRODUCER_CONSUMER,
    /** Both read a common memref, and neither writes a memref the other accesses. */
    SIBLING,
    /** Anything else (independent nests, or only write-write / write-after-read sharing). */
    OTHER
  }

  @Override
  public Optional<Refusal> check(Operation func) {
    return check(func, false);
  }

  /**
   * The same check through the full dependence analysis of the fused function and without the
   * shortcut for nests sharing no written memref: the reference {@link #check} must agree with.
   */
  Optional<Refusal> checkByFullAnalysis(Operation func) {
    return check(func, true);
  }

  private Optional<Refusal> check(Operation func, boolean fullAnalysis) {
    if (depth < 1) {
      return Optional.of(new Refusal.BadParameter("fuse", "depth must be at least 1, got "
          + depth));
    }
    if (first.equals(second)) {
      return Optional.of(new Refusal.BadParameter("fuse", "cannot fuse '" + first
          + "' with itself"));
    }
    Operation named = LoopHandles.assign(func);
    DependenceAnalysis da = DependenceAnalysis.of(named);
    Targets.Found<Pair> found = pair(da.forest());
    if (!found.ok()) {
      return Optional.of(found.refusal());
    }
    Pair p = found.value();
    for (LoopForest.Loop l : List.of(p.band1.get(0), p.band2.get(0))) {
      Refusal r = Targets.unknownEffects(da, l);
      if (r != null) {
        return Optional.of(r);
      }
    }
    Refusal between = interveningAccess(da, p);
    if (between != null) {
      return Optional.of(between);
    }
    if (!fullAnalysis && !shareWrittenMemref(p)) {
      return Optional.empty();
    }
    Fused fused = fuse(named, p);
    // Loops enclosing both nests order their instances the same way before and after fusion; a
    // vector carried by a fused loop is a second-nest instance now running before a first-nest one.
    // Such a vector has a common loop at the fused depth, so its ends are both in the fused nest:
    // only pairs of a second-nest access and a first-nest access there can matter.
    int enclosing = p.band1.get(0).depth();
    List<Dependence> deps;
    if (fullAnalysis) {
      deps = DependenceAnalysis.uncached(fused.func).dependences();
    } else {
      deps = DependenceAnalysis.uncachedAccessesUnder(fused.func, fused.outer).dependencesBetween(
          a -> fused.fromSecond.contains(a.op()), a -> !fused.fromSecond.contains(a.op()));
    }
    for (Dependence d : deps) {
      if (fused.fromSecond.contains(d.source().op()) && !fused.fromSecond.contains(d.sink().op())
          && d.vectors().stream().anyMatch(v -> v.carrierLevel() >= enclosing)) {
        return Optional.of(new Refusal.FusionReversesDependence(first, second, d));
      }
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    Pair p = pair(LoopForest.of(func)).value();
    Fused fused = fuse(func, p);
    DependenceAnalysis da = DependenceAnalysis.of(fused.func);
    Operation out = fused.func;
    for (LoopForest.Loop l : da.forest().loops()) {
      if (l.op().hasAttr(AffineOps.PARALLEL_ATTR) && fused.fusedLoops.contains(l.op())
          && !(fused.bothParallel.contains(l.op()) && da.isParallel(l))) {
        out = IrRewrite.replace(out, l.op(), List.of(l.op().withoutAttribute(
            AffineOps.PARALLEL_ATTR)));
      }
    }
    return BufferShrink.shrink(out, LoopHandles.find(out, first), depth);
  }

  /**
   * How the nests {@code first} and {@code second} of {@code func} share memrefs (by the affine
   * accesses inside them). Fails with IllegalArgumentException when a handle names no loop.
   */
  public static Relation relation(Operation func, String first, String second) {
    LoopForest forest = LoopForest.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> a = Targets.loop(forest, first);
    Targets.Found<LoopForest.Loop> b = Targets.loop(forest, second);
    if (!a.ok() || !b.ok()) {
      throw new IllegalArgumentException("no loop '" + (a.ok() ? second : first) + "'");
    }
    Set<Value> reads1 = memrefs(a.value().op(), false);
    Set<Value> writes1 = memrefs(a.value().op(), true);
    Set<Value> reads2 = memrefs(b.value().op(), false);
    Set<Value> writes2 = memrefs(b.value().op(), true);
    if (!Collections.disjoint(writes1, reads2)) {
      return Relation.PRODUCER_CONSUMER;
    }
    boolean touchesOthersWrites = !Collections.disjoint(writes1, writes2)
        || !Collections.disjoint(writes2, reads1);
    if (!touchesOthersWrites && !Collections.disjoint(reads1, reads2)) {
      return Relation.SIBLING;
    }
    return Relation.OTHER;
  }

  /**
   * The number of outer levels at which the two nests could be fused by their shapes alone: loops
   * perfectly nested, without iter_args, with equal steps and identical bounds. 0 when the handles
   * do not name two nests of one block in order.
   */
  public static int shapeDepth(Operation func, String first, String second) {
    return shapeDepth(LoopForest.of(LoopHandles.assign(func)), first, second);
  }

  /** {@link #shapeDepth(Operation, String, String)} over the forest of a function, loops named. */
  public static int shapeDepth(LoopForest forest, String first, String second) {
    for (int d = 1; ; d++) {
      if (!new Fuse(first, second, d).pair(forest).ok()) {
        return d - 1;
      }
    }
  }

  /** The two bands, outer {@code depth} loops each. */
  private record Pair(List<LoopForest.Loop> band1, List<LoopForest.Loop> band2) {}

  private Targets.Found<Pair> pair(LoopForest forest) {
    Targets.Found<LoopForest.Loop> a = Targets.loop(forest, first);
    if (!a.ok()) {
      return new Targets.Found<>(null, a.refusal());
    }
    Targets.Found<LoopForest.Loop> b = Targets.loop(forest, second);
    if (!b.ok()) {
      return new Targets.Found<>(null, b.refusal());
    }
    Operation parent = forest.parentOp(a.value().op());
    List<Operation> block = parent == null ? List.of() : blockOf(parent, a.value().op());
    if (indexOf(block, a.value().op()) >= indexOf(block, b.value().op())) {
      return mismatch("'" + first + "' and '" + second
          + "' must be nests in the same block, '" + first + "' first");
    }
    List<LoopForest.Loop> band1 = forest.bandFrom(a.value());
    List<LoopForest.Loop> band2 = forest.bandFrom(b.value());
    if (band1.size() < depth || band2.size() < depth) {
      return new Targets.Found<>(null, new Refusal.NotABand(List.of(first, second),
          "fusing " + depth + " levels needs that many perfectly nested loops in each nest"));
    }
    band1 = band1.subList(0, depth);
    band2 = band2.subList(0, depth);
    IRMapping ivs = new IRMapping();
    for (int k = 0; k < depth; k++) {
      Operation l1 = band1.get(k).op();
      Operation l2 = band2.get(k).op();
      if (!AffineOps.iterInits(l1).isEmpty() || !AffineOps.iterInits(l2).isEmpty()) {
        return mismatch("fused loops must not have iter_args");
      }
      boolean same = AffineOps.step(l1) == AffineOps.step(l2)
          && AffineOps.lowerMap(l1).equals(AffineOps.lowerMap(l2))
          && AffineOps.upperMap(l1).equals(AffineOps.upperMap(l2))
          && AffineOps.lowerOperands(l2).stream().map(ivs::lookupOrSelf).toList()
              .equals(AffineOps.lowerOperands(l1))
          && AffineOps.upperOperands(l2).stream().map(ivs::lookupOrSelf).toList()
              .equals(AffineOps.upperOperands(l1));
      if (!same) {
        return mismatch("'" + Targets.name(band1.get(k)) + "' and '"
            + Targets.name(band2.get(k)) + "' (level " + k + ") differ in bounds or step");
      }
      ivs.map(AffineOps.inductionVar(l2), AffineOps.inductionVar(l1));
    }
    return new Targets.Found<>(new Pair(band1, band2), null);
  }

  private Targets.Found<Pair> mismatch(String why) {
    return new Targets.Found<>(null, new Refusal.FusionMismatch(first, second, why));
  }

  /**
   * True when one nest writes a memref the other accesses: otherwise no dependence joins them and
   * fusion cannot reverse one.
   */
  private static boolean shareWrittenMemref(Pair p) {
    Operation l1 = p.band1.get(0).op();
    Operation l2 = p.band2.get(0).op();
    Set<Value> writes1 = memrefs(l1, true);
    Set<Value> writes2 = memrefs(l2, true);
    return !Collections.disjoint(writes1, writes2)
        || !Collections.disjoint(writes1, memrefs(l2, false))
        || !Collections.disjoint(writes2, memrefs(l1, false));
  }

  /** The first op between the nests that touches a memref the first nest accesses, as a refusal. */
  private Refusal interveningAccess(DependenceAnalysis da, Pair p) {
    Operation l1 = p.band1.get(0).op();
    Operation l2 = p.band2.get(0).op();
    Set<Value> touched = memrefs(l1, false);
    touched.addAll(memrefs(l1, true));
    List<Operation> ops = blockOf(da.forest().parentOp(l1), l1);
    int from = indexOf(ops, l1);
    int to = indexOf(ops, l2);
    Set<Operation> unknown = identitySet();
    unknown.addAll(da.unknownEffects());
    for (Operation between : ops.subList(from + 1, to)) {
      Operation[] culprit = {null};
      Value[] memref = {null};
      between.walk(op -> {
        if (culprit[0] != null) {
          return;
        }
        for (Value v : op.operands()) {
          if (touched.contains(v)) {
            culprit[0] = op;
            memref[0] = v;
            return;
          }
        }
        if (unknown.contains(op)) {
          culprit[0] = op;
        }
      });
      if (culprit[0] != null) {
        return new Refusal.InterveningAccess(first, second, culprit[0].name(),
            memref[0] == null ? "memory it cannot see" : memref[0].type().toString());
      }
    }
    return null;
  }

  /** The operations of the block of {@code parent} that holds {@code op}. */
  private static List<Operation> blockOf(Operation parent, Operation op) {
    return parent.regions().stream().flatMap(r -> r.blocks().stream())
        .filter(b -> indexOf(b.operations(), op) >= 0).findFirst().orElseThrow().operations();
  }

  /** The position of {@code op} (by identity) in {@code ops}, or -1. */
  private static int indexOf(List<Operation> ops, Operation op) {
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i) == op) {
        return i;
      }
    }
    return -1;
  }

  /** The fused function, its fused outer loop, the ops from the second nest, the fused loops. */
  private record Fused(Operation func, Operation outer, Set<Operation> fromSecond,
      Set<Operation> fusedLoops, Set<Operation> bothParallel) {}

  private Fused fuse(Operation func, Pair p) {
    IRMapping m = new IRMapping();
    for (int k = 0; k < depth; k++) {
      m.map(p.band2.get(k).inductionVar(), p.band1.get(k).inductionVar());
    }
    Set<Operation> fromSecond = identitySet();
    List<Operation> body = new ArrayList<>(AffineOps.bodyOps(p.band1.get(depth - 1).op()));
    for (Operation op : AffineOps.bodyOps(p.band2.get(depth - 1).op())) {
      Operation c = op.clone(m);
      c.walk(fromSecond::add);
      body.add(c);
    }
    Set<Operation> fusedLoops = identitySet();
    Set<Operation> bothParallel = identitySet();
    Operation built = null;
    for (int k = depth - 1; k >= 0; k--) {
      Operation l1 = p.band1.get(k).op();
      List<Operation> ops = built == null ? body : new ArrayList<>(List.of(built));
      ops.add(AffineOps.yield(List.of()));
      built = l1.withRegions(List.of(Region.of(new Block(l1.body().arguments(), ops))));
      fusedLoops.add(built);
      if (l1.hasAttr(AffineOps.PARALLEL_ATTR)
          && p.band2.get(k).op().hasAttr(AffineOps.PARALLEL_ATTR)) {
        bothParallel.add(built);
      }
    }
    Operation without = IrRewrite.replace(func, p.band1.get(0).op(), List.of());
    Operation out = IrRewrite.replace(without, p.band2.get(0).op(), List.of(built));
    return new Fused(out, built, fromSecond, fusedLoops, bothParallel);
  }

  /** The memrefs that affine accesses under {@code root} write (or only read, when !writes). */
  private static Set<Value> memrefs(Operation root, boolean writes) {
    Set<Value> out = Collections.newSetFromMap(new IdentityHashMap<>());
    root.walk(op -> {
      if (AffineOps.isAccess(op) && AffineOps.isWrite(op) == writes) {
        out.add(AffineOps.accessMemref(op));
      }
    });
    return out;
  }

  private static Set<Operation> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
