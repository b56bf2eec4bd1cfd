// Schedule actions: sealed records naming loop handles and parameters, each mapping to one loop transformation.
package dev.colt.schedule;

import dev.colt.transform.LoopTransform;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of a schedule. {@link #text()} is the action's line in a trace (for example
 * {@code tile i,j,k sizes=32,32,8}); {@link TraceText} parses it back. {@link #kind()} is the
 * first word, also the JSON {@code "kind"}.
 */
public sealed interface Action {
  String kind();

  /** The line of this action in a text trace. */
  String text();

  /** The transformation this action performs. */
  LoopTransform transform();

  /** {@code tile L1,L2,... sizes=S1,S2,...}. */
  record Tile(List<String> loops, List<Long> sizes) implements Action {
    public Tile {
      loops = List.copyOf(loops);
      sizes = List.copyOf(sizes);
    }

    public String kind() {
      return "tile";
    }

    public String text() {
      return "tile " + String.join(",", loops) + " sizes=" + join(sizes);
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Tile(loops, sizes);
    }
  }

  /** {@code permute L1,L2,...}: the loops' new nesting order, outermost first. */
  record Permute(List<String> order) implements Action {
    public Permute {
      order = List.copyOf(order);
    }

    public String kind() {
      return "permute";
    }

    public String text() {
      return "permute " + String.join(",", order);
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Permute(order);
    }
  }

  /** {@code unroll L factor=F} or {@code unroll L full}. */
  record Unroll(String loop, long factor) implements Action {
    public String kind() {
      return "unroll";
    }

    public String text() {
      return "unroll " + loop + (factor == dev.colt.transform.Unroll.FULL ? " full"
          : " factor=" + factor);
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Unroll(loop, factor);
    }
  }

  /** {@code unroll-and-jam L factor=F}. */
  record UnrollAndJam(String loop, long factor) implements Action {
    public String kind() {
      return "unroll-and-jam";
    }

    public String text() {
      return "unroll-and-jam " + loop + " factor=" + factor;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.UnrollAndJam(loop, factor);
    }
  }

  /** {@code vectorize L width=W}. */
  record Vectorize(String loop, int width) implements Action {
    public String kind() {
      return "vectorize";
    }

    public String text() {
      return "vectorize " + loop + " width=" + width;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Vectorize(loop, width);
    }
  }

  /** {@code scalar-replace L}. */
  record ScalarReplace(String loop) implements Action {
    public String kind() {
      return "scalar-replace";
    }

    public String text() {
      return "scalar-replace " + loop;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.ScalarReplace(loop);
    }
  }

  /** {@code hoist L}: loop-invariant code motion out of L. */
  record Hoist(String loop) implements Action {
    public String kind() {
      return "hoist";
    }

    public String text() {
      return "hoist " + loop;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.HoistInvariants(loop);
    }
  }

  /** {@code parallelize L}. */
  record Parallelize(String loop) implements Action {
    public String kind() {
      return "parallelize";
    }

    public String text() {
      return "parallelize " + loop;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Parallelize(loop);
    }
  }

  /**
   * {@code pack L arg=N [strip=S [dim=D]]}: copy the block of memref argument N that L reads into
   * a buffer, row-major or (strip S > 0) in strips of S elements of dimension D (default -1, the
   * last).
   */
  record Pack(String loop, int arg, long strip, int dim) implements Action {
    public Pack(String loop, int arg) {
      this(loop, arg, 0, -1);
    }

    public Pack(String loop, int arg, long strip) {
      this(loop, arg, strip, -1);
    }

    public String kind() {
      return "pack";
    }

    public String text() {
      return "pack " + loop + " arg=" + arg + (strip == 0 ? "" : " strip=" + strip)
          + (dim == -1 ? "" : " dim=" + dim);
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Pack(loop, arg, strip, dim);
    }
  }

  /**
   * {@code fuse F,S depth=D}: fuse the outer D loops of nest S into those of the earlier nest F
   * (the fused loops keep F's handles).
   */
  record Fuse(String first, String second, int depth) implements Action {
    public String kind() {
      return "fuse";
    }

    public String text() {
      return "fuse " + first + "," + second + " depth=" + depth;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Fuse(first, second, depth);
    }
  }

  /** {@code normalize L}: make L run from 0 with step 1. */
  record Normalize(String loop) implements Action {
    public String kind() {
      return "normalize";
    }

    public String text() {
      return "normalize " + loop;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Normalize(loop);
    }
  }

  /** {@code skew O,I factor=F}: shift inner loop I by F times the induction variable of O. */
  record Skew(String outer, String inner, long factor) implements Action {
    public String kind() {
      return "skew";
    }

    public String text() {
      return "skew " + outer + "," + inner + " factor=" + factor;
    }

    public LoopTransform transform() {
      return new dev.colt.transform.Skew(outer, inner, factor);
    }
  }

  private static String join(List<Long> xs) {
    return xs.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
