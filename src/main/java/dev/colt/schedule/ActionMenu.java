// Lists the legal actions at a program point, with parameter menus sized to the loop bounds and the machine.
package dev.colt.schedule;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Candidate actions for a function, each kept only if its transformation's check accepts it, in
 * a stable order (by kind, then loop order, then parameters). Menus: tile sizes are powers of two
 * from 4 up to below the trip count (uniform across the band, plus variants whose innermost size is
 * a multiple of the fp32 lane count), and register tiles of two adjacent loops inside a longer band
 * (4 or 8 rows by one or two vectors of fp32 lanes); unroll and unroll-and-jam factors 2, 4, 8 up
 * to the trip count, full unrolling up to 16 iterations, while the unrolled copies stay within
 * {@value #MAX_UNROLLED_OPS} ops; vector widths 4, 8, 16 up to the machine's fp32 lanes and the
 * trip count; permutations of bands of up to four loops, and of every three adjacent loops of
 * longer bands (a tiled band reorders its tile loops or its point loops that way); packing of each
 * memref argument at each loop that has nested loops, row-major and in strips of two vectors of
 * fp32 lanes (the width of a register tile); fusion of each loop nest with the next nest in its
 * block at every depth where their bounds match; skewing (factor 1) the second loop of a band that
 * is not permutable, after which a two-loop band may interchange. Normalize is not offered (it
 * does not speed anything up by itself); traces and passes can still use it.
 */
public final class ActionMenu {
  private static final long[] TILE_SIZES = {4, 8, 16, 32, 64, 128, 256};
  private static final long[] FACTORS = {2, 4, 8};
  private static final int MAX_FULL_UNROLL = 16;
  private static final long[] REGISTER_ROWS = {4, 8};
  /**
   * Unrolling (and unroll-and-jam) is offered only while the copies hold at most this many ops:
   * bigger bodies compile slowly, make every later menu and check slower, and spill registers.
   */
  static final long MAX_UNROLLED_OPS = 512;

  private ActionMenu() {}

  /**
   * The legal actions at {@code func} (whose loops are named first). Candidates whose check throws
   * are left out (see {@link #isLegal}).
   */
  public static List<Action> legalActions(Operation func, Machine machine) {
    return legalActions(func, machine, a -> true);
  }

  /** The legal actions among the candidates that {@code include} accepts (checked only those). */
  public static List<Action> legalActions(Operation func, Machine machine,
      java.util.function.Predicate<Action> include) {
    Operation named = LoopHandles.assign(func);
    List<Action> out = new ArrayList<>();
    for (Action a : candidates(named, machine)) {
      if (include.test(a) && isLegal(a, named)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * True when the action's check accepts {@code named}. A check that fails with a runtime
   * exception (an analysis meeting IR it does not expect) counts as a refusal, so one faulty check
   * never takes a whole menu down.
   */
  public static boolean isLegal(Action a, Operation named) {
    try {
      return a.transform().check(named).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Every candidate before the legality filter (for tests and diagnostics). */
  public static List<Action> candidates(Operation named, Machine machine) {
    LoopForest forest = LoopForest.of(named);
    LoopBounds bounds = new LoopBounds(forest);
    int lanes = machine.lanes(32);
    Set<Action> out = new LinkedHashSet<>();
    for (List<LoopForest.Loop> band : forest.bands()) {
      List<List<LoopForest.Loop>> windows = band.size() <= 4 ? List.of(band) : windows(band, 3);
      for (List<LoopForest.Loop> window : windows) {
        if (window.size() < 2) {
          continue;
        }
        for (List<LoopForest.Loop> perm : permutations(window)) {
          if (!perm.equals(window)) {
            out.add(new Action.Permute(perm.stream().map(l -> name(l)).toList()));
          }
        }
      }
    }
    for (List<LoopForest.Loop> band : forest.bands()) {
      List<String> names = band.stream().map(ActionMenu::name).toList();
      long[] trips = band.stream().mapToLong(l -> bounds.maxTripCount(l.op()).orElse(0)).toArray();
      for (long s : TILE_SIZES) {
        List<Long> uniform = new ArrayList<>();
        boolean useful = false;
        for (long t : trips) {
          uniform.add(s);
          useful |= s < t;
        }
        if (useful) {
          out.add(new Action.Tile(names, uniform));
          if (band.size() > 1 && s != 2L * lanes) {
            List<Long> vec = new ArrayList<>(uniform);
            vec.set(vec.size() - 1, 2L * lanes);
            if (2L * lanes < trips[trips.length - 1]) {
              out.add(new Action.Tile(names, vec));
            }
          }
        }
      }
    }
    for (List<LoopForest.Loop> band : forest.bands()) {
      if (band.size() < 3) {
        continue;
      }
      for (List<LoopForest.Loop> pair : windows(band, 2)) {
        long rowTrip = bounds.maxTripCount(pair.get(0).op()).orElse(0);
        long colTrip = bounds.maxTripCount(pair.get(1).op()).orElse(0);
        for (long rows : REGISTER_ROWS) {
          for (long cols : new long[] {lanes, 2L * lanes}) {
            if (rows < rowTrip && cols < colTrip) {
              out.add(new Action.Tile(pair.stream().map(ActionMenu::name).toList(),
                  List.of(rows, cols)));
            }
          }
        }
      }
    }
    for (LoopForest.Loop l : forest.loops()) {
      OptionalLong trip = bounds.constantTripCount(l.op());
      if (trip.isEmpty()) {
        continue;
      }
      long t = trip.getAsLong();
      long ops = opsUnder(l.op());
      for (long f : FACTORS) {
        if (f < t && f * ops <= MAX_UNROLLED_OPS) {
          out.add(new Action.Unroll(name(l), f));
        }
      }
      if (t <= MAX_FULL_UNROLL && t >= 1 && t * ops <= MAX_UNROLLED_OPS) {
        out.add(new Action.Unroll(name(l), dev.colt.transform.Unroll.FULL));
      }
    }
    for (LoopForest.Loop l : forest.loops()) {
      OptionalLong trip = bounds.constantTripCount(l.op());
      if (trip.isPresent() && forest.bandFrom(l).size() > 1) {
        long ops = opsUnder(l.op());
        for (long f : FACTORS) {
          if (f <= trip.getAsLong() && f * ops <= MAX_UNROLLED_OPS) {
            out.add(new Action.UnrollAndJam(name(l), f));
          }
        }
      }
    }
    for (LoopForest.Loop l : forest.loops()) {
      OptionalLong trip = bounds.constantTripCount(l.op());
      if (trip.isPresent() && l.children().isEmpty()) {
        for (int w : new int[] {4, 8, 16}) {
          if (w <= lanes && w <= trip.getAsLong()) {
            out.add(new Action.Vectorize(name(l), w));
          }
        }
      }
    }
    int nargs = named.body().arguments().size();
    for (LoopForest.Loop l : forest.loops()) {
      if (!l.children().isEmpty()) {
        for (int a = 0; a < nargs; a++) {
          out.add(new Action.Pack(name(l), a));
          out.add(new Action.Pack(name(l), a, 2L * lanes));
        }
      }
    }
    List<List<LoopForest.Loop>> siblings = new ArrayList<>();
    siblings.add(forest.roots());
    forest.loops().forEach(l -> siblings.add(l.children()));
    for (List<LoopForest.Loop> nests : siblings) {
      for (int i = 0; i + 1 < nests.size(); i++) {
        String first = name(nests.get(i));
        String second = name(nests.get(i + 1));
        int depth = dev.colt.transform.Fuse.shapeDepth(forest, first, second);
        for (int d = 1; d <= depth; d++) {
          out.add(new Action.Fuse(first, second, d));
        }
      }
    }
    dev.colt.analysis.DependenceAnalysis da = dev.colt.analysis.DependenceAnalysis.of(named);
    // The analysis' own loops: isPermutable matches dependences to loops by identity.
    for (List<LoopForest.Loop> band : da.forest().bands()) {
      if (band.size() >= 2 && !da.isPermutable(band)) {
        out.add(new Action.Skew(name(band.get(0)), name(band.get(1)), 1));
      }
    }
    for (LoopForest.Loop l : forest.loops()) {
      out.add(new Action.ScalarReplace(name(l)));
      out.add(new Action.Hoist(name(l)));
      if (!l.op().hasAttr(AffineOps.PARALLEL_ATTR)) {
        out.add(new Action.Parallelize(name(l)));
      }
    }
    return new ArrayList<>(out);
  }

  /** Ops nested under {@code op}, itself excluded. */
  private static long opsUnder(Operation op) {
    long[] n = {-1};
    op.walk(x -> n[0]++);
    return n[0];
  }

  private static String name(LoopForest.Loop l) {
    return LoopHandles.nameOf(l.op());
  }

  /** Every run of {@code size} adjacent loops of {@code band}, outermost first. */
  private static List<List<LoopForest.Loop>> windows(List<LoopForest.Loop> band, int size) {
    List<List<LoopForest.Loop>> out = new ArrayList<>();
    for (int i = 0; i + size <= band.size(); i++) {
      out.add(band.subList(i, i + size));
    }
    return out;
  }

  private static List<List<LoopForest.Loop>> permutations(List<LoopForest.Loop> xs) {
    if (xs.size() <= 1) {
      return List.of(xs);
    }
    List<List<LoopForest.Loop>> out = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      List<LoopForest.Loop> rest = new ArrayList<>(xs);
      LoopForest.Loop head = rest.remove(i);
      for (List<LoopForest.Loop> p : permutations(rest)) {
        List<LoopForest.Loop> full = new ArrayList<>();
        full.add(head);
        full.addAll(p);
        out.add(full);
      }
    }
    return out;
  }
}
