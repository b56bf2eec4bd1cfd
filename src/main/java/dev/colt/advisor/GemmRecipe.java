// The register-tiling recipe for multiply-accumulate loop nests (matmul-like): detection and joint moves.
package dev.colt.advisor;

import dev.colt.analysis.Access;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds a band whose innermost three loops compute {@code C[i, j] += A[i, k] * B[k, j]} - one
 * store, invariant in exactly one loop {@code k} (the reduction), unit-stride in {@code j} along
 * its last subscript - and writes the expert schedule for it as actions: cache tiles
 * {@code MC x NC x KC} ordered j, k, i, a register tile {@code MR x NR} (NR a multiple of the
 * vector width) with {@code k} moved between the register-tile loops, vectorize and fully unroll
 * the NR loop, unroll-and-jam the MR loop, scalar-replace the accumulators across {@code k}; and
 * packing of the B block in NR-wide strips. Sizes are clamped to the trip counts. Pure: it only reads the IR.
 */
public final class GemmRecipe {
  /** Cache and register tile sizes of one variant. */
  public record Sizes(long mc, long nc, long kc, long mr, long nr) {}

  /**
   * The variants tried in order at a node: the first is the schedule known to reach OpenBLAS
   * speed on this machine class for 512^3 (8 x 32 register tile, 64 x 128 x 128 cache tiles);
   * the others change one decision each.
   */
  public static final List<Sizes> VARIANTS = List.of(
      new Sizes(64, 128, 128, 8, 32),
      new Sizes(64, 128, 256, 8, 32),
      new Sizes(32, 128, 128, 4, 32),
      new Sizes(64, 256, 128, 8, 32),
      new Sizes(64, 64, 128, 8, 16),
      new Sizes(128, 128, 128, 8, 32));

  /** The loops of a multiply-accumulate band by role, and the argument holding B. */
  public record Gemm(String i, String j, String k, long tripI, long tripJ, long tripK,
      int bArgument) {}

  private GemmRecipe() {}

  /** The innermost multiply-accumulate band of {@code named} (loops named), if any. */
  public static Optional<Gemm> find(Operation named) {
    LoopForest forest = LoopForest.of(named);
    LoopBounds bounds = new LoopBounds(forest);
    List<Access> accesses = Access.collect(forest);
    for (List<LoopForest.Loop> band : forest.bands()) {
      if (band.size() < 3 || !band.get(band.size() - 1).children().isEmpty()) {
        continue;
      }
      List<LoopForest.Loop> inner = band.subList(band.size() - 3, band.size());
      Optional<Gemm> g = match(named, inner, bounds, accesses);
      if (g.isPresent()) {
        return g;
      }
    }
    return Optional.empty();
  }

  private static Optional<Gemm> match(Operation named, List<LoopForest.Loop> loops,
      LoopBounds bounds, List<Access> accesses) {
    LoopForest.Loop innermost = loops.get(2);
    List<Access> body = accesses.stream().filter(a -> a.loops().contains(innermost)).toList();
    List<Access> writes = body.stream().filter(Access::write).toList();
    if (writes.size() != 1 || body.size() != 4 || writes.get(0).subscripts().size() != 2) {
      return Optional.empty();
    }
    Access c = writes.get(0);
    LoopForest.Loop k = null;
    LoopForest.Loop j = null;
    for (LoopForest.Loop l : loops) {
      if (!c.dependsOn(l)) {
        if (k != null) {
          return Optional.empty();
        }
        k = l;
      } else if (unitLast(c, l)) {
        j = l;
      }
    }
    if (k == null || j == null) {
      return Optional.empty();
    }
    LoopForest.Loop i = null;
    for (LoopForest.Loop l : loops) {
      if (l != k && l != j) {
        i = l;
      }
    }
    int bArg = -1;
    List<Value> args = named.body().arguments();
    for (Access a : body) {
      if (!a.write() && a.dependsOn(k) && unitLast(a, j) && args.contains(a.memref())) {
        bArg = args.indexOf(a.memref());
      }
    }
    long[] trips = new long[3];
    LoopForest.Loop[] roles = {i, j, k};
    for (int r = 0; r < 3; r++) {
      OptionalLong t = bounds.constantTripCount(roles[r].op());
      if (t.isEmpty()) {
        return Optional.empty();
      }
      trips[r] = t.getAsLong();
    }
    return Optional.of(new Gemm(name(i), name(j), name(k), trips[0], trips[1], trips[2], bArg));
  }

  private static boolean unitLast(Access a, LoopForest.Loop l) {
    List<LinearForm> s = a.subscripts();
    for (int d = 0; d < s.size(); d++) {
      LinearForm f = s.get(d);
      if (!f.isExact()) {
        return false;
      }
      long coef = f.coefficient(l.inductionVar());
      if (d < s.size() - 1 ? coef != 0 : coef != 1) {
        return false;
      }
    }
    return true;
  }

  private static String name(LoopForest.Loop l) {
    return LoopHandles.nameOf(l.op());
  }

  /**
   * The register-tiling move for {@code g} with {@code sizes} (clamped to the trip counts), or
   * empty when the trips are too small for a vector register tile.
   */
  public static List<Action> registerTiling(Gemm g, Sizes sizes, Machine machine) {
    int lanes = machine.lanes(32);
    long mc = Math.min(sizes.mc(), g.tripI());
    long nc = Math.min(sizes.nc(), g.tripJ());
    long kc = Math.min(sizes.kc(), g.tripK());
    long mr = Math.min(sizes.mr(), mc);
    long nr = Math.min(sizes.nr(), nc);
    if (nr < lanes || nr % lanes != 0 || mr < 2 || kc < 2) {
      return List.of();
    }
    String ip = g.i() + ".point";
    String jp = g.j() + ".point";
    String kp = g.k() + ".point";
    String ipp = ip + ".point";
    String jpp = jp + ".point";
    List<Action> out = new ArrayList<>();
    out.add(new Action.Tile(List.of(g.i(), g.j(), g.k()), List.of(mc, nc, kc)));
    out.add(new Action.Permute(List.of(g.j() + ".tile", g.k() + ".tile", g.i() + ".tile")));
    out.add(new Action.Tile(List.of(ip, jp), List.of(mr, nr)));
    out.add(new Action.Permute(List.of(ipp, kp, jpp)));
    out.add(new Action.Vectorize(jpp, lanes));
    if (nr > lanes) {
      out.add(new Action.Unroll(jpp, dev.colt.transform.Unroll.FULL));
    }
    out.add(new Action.UnrollAndJam(ipp, mr));
    out.add(new Action.ScalarReplace(kp));
    return out;
  }

  /**
   * The packing step that follows {@link #registerTiling} of {@code g} with {@code sizes}, if B is
   * an argument: the B block of each (j, k) cache tile, copied once per tile at the i tile loop in
   * NR-column strips that the register tile reads contiguously.
   */
  public static List<Action> packing(Gemm g, Sizes sizes) {
    long nr = Math.min(sizes.nr(), Math.min(sizes.nc(), g.tripJ()));
    return g.bArgument() < 0 ? List.of()
        : List.of(new Action.Pack(g.i() + ".tile", g.bArgument(), nr));
  }
}
