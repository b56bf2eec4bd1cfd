// Why a transformation refuses to apply: a sealed set of reasons with a short and a detailed message.
package dev.colt.transform;

import dev.colt.analysis.Dependence;
import dev.colt.analysis.DirectionVector;
import java.util.List;

/**
 * A typed reason for refusing a transformation. {@link #shortMessage()} is cheap and stable (the
 * search counts and groups them); {@link #detail()} explains the reason to a user.
 */
public sealed interface Refusal {
  String shortMessage();

  String detail();

  /** No loop carries the handle. */
  record NoSuchLoop(String handle) implements Refusal {
    public String shortMessage() {
      return "no loop '" + handle + "'";
    }

    public String detail() {
      return "no affine.for is named '" + handle + "' (loop names are the colt.loop attributes)";
    }
  }

  /** A parameter is out of range or inconsistent. */
  record BadParameter(String transformation, String message) implements Refusal {
    public String shortMessage() {
      return transformation + ": bad parameter";
    }

    public String detail() {
      return transformation + ": " + message;
    }
  }

  /** The named loops are not a perfectly nested band in the required order. */
  record NotABand(List<String> handles, String why) implements Refusal {
    public NotABand {
      handles = List.copyOf(handles);
    }

    public String shortMessage() {
      return "not a perfect band";
    }

    public String detail() {
      return "loops " + handles + " are not a perfectly nested band: " + why;
    }
  }

  /** A loop's shape does not fit: non-constant trip count, non-unit step, iter_args, nesting. */
  record UnsupportedShape(String handle, String why) implements Refusal {
    public String shortMessage() {
      return "unsupported loop shape";
    }

    public String detail() {
      return "loop '" + handle + "': " + why;
    }
  }

  /** A dependence the transformation would violate. */
  record ViolatesDependence(String transformation, Dependence dependence,
      DirectionVector vector, String why) implements Refusal {
    public String shortMessage() {
      return transformation + " would reverse a dependence";
    }

    public String detail() {
      return transformation + " is illegal: " + why + " (" + dependence.describe()
          + ", direction " + vector + " over loops " + dependence.loops().stream()
          .map(l -> String.valueOf(dev.colt.analysis.LoopHandles.nameOf(l.op()))).toList()
          + ")";
    }
  }

  /** An op inside the loop may touch memory the analysis cannot see. */
  record UnknownEffects(String handle, String opName) implements Refusal {
    public String shortMessage() {
      return "unknown memory effects";
    }

    public String detail() {
      return "loop '" + handle + "' contains '" + opName
          + "', whose memory effects the dependence analysis cannot model";
    }
  }

  /** The loop body has something the transformation does not handle. */
  record UnsupportedOp(String handle, String opName, String why) implements Refusal {
    public String shortMessage() {
      return "unsupported op " + opName;
    }

    public String detail() {
      return "loop '" + handle + "': '" + opName + "' " + why;
    }
  }

  /** A loop-carried recurrence that is not a recognized reduction. */
  record Recurrence(String handle, String what) implements Refusal {
    public String shortMessage() {
      return "loop-carried recurrence";
    }

    public String detail() {
      return "loop '" + handle + "' carries a recurrence that is not a recognized reduction: "
          + what;
    }
  }

  /** A memory access whose stride along the loop is not 1 (and that is not loop-invariant). */
  record NonUnitStride(String handle, String access) implements Refusal {
    public String shortMessage() {
      return "non-unit stride access";
    }

    public String detail() {
      return "loop '" + handle + "': " + access
          + " is neither contiguous along the loop nor invariant in it";
    }
  }

  /** The transformation would not change anything. */
  record NothingToDo(String transformation, String why) implements Refusal {
    public String shortMessage() {
      return transformation + ": nothing to do";
    }

    public String detail() {
      return transformation + " has nothing to do: " + why;
    }
  }
  /** Two nests cannot be fused by their shape: not siblings in one block, or different bounds. */
  record FusionMismatch(String first, String second, String why) implements Refusal {
    public String shortMessage() {
      return "fusion: nests do not match";
    }

    public String detail() {
      return "cannot fuse '" + first + "' and '" + second + "': " + why;
    }
  }

  /** An op between two nests touches memory the moved nest accesses. */
  record InterveningAccess(String first, String second, String opName, String memref)
      implements Refusal {
    public String shortMessage() {
      return "fusion: an op between the nests touches their memory";
    }

    public String detail() {
      return "cannot fuse '" + first + "' and '" + second + "': '" + opName
          + "' between them touches " + memref + ", which '" + first + "' accesses";
    }
  }

  /**
   * Fusion would reverse a dependence between two nests: {@code dependence} is stated in the fused
   * program, where an instance of the second nest's body (its source) now runs before a later
   * fused instance of the first nest's body (its sink), although originally all of the first nest
   * ran before the second.
   */
  record FusionReversesDependence(String first, String second, Dependence dependence)
      implements Refusal {
    /** True when a read of the second nest would now come before a write of the first. */
    public boolean readsBeforeWrite() {
      return !dependence.source().write() && dependence.sink().write();
    }

    public String shortMessage() {
      return readsBeforeWrite() ? "fusion would read before write"
          : "fusion would reverse a dependence";
    }

    public String detail() {
      String memref = dependence.source().memref().type().toString();
      String what = readsBeforeWrite()
          ? "'" + second + "' would read elements of " + memref + " before '" + first
              + "' writes them"
          : dependence.source().write() && dependence.sink().write()
              ? "'" + second + "' would write elements of " + memref + " that '" + first
                  + "' writes later, so the old value would survive"
              : "'" + second + "' would overwrite elements of " + memref + " before '" + first
                  + "' reads them";
      return "fusing '" + first + "' and '" + second + "' is illegal: " + what
          + " (over the loops enclosing both: direction " + dependence.vectors()
          + (dependence.distance().stream().allMatch(java.util.Objects::nonNull)
              ? ", '" + first + "' touches them " + dependence.distance() + " iterations later" : "")
          + ")";
    }
  }
}
