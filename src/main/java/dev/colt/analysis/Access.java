// One affine memory access with its subscripts expressed over enclosing induction variables and symbols.
package dev.colt.analysis;

import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;

/**
 * An affine.load/store/vector_load/vector_store: the memref, whether it writes, one
 * {@link LinearForm} per memref dimension (the access map composed with affine.apply chains), the
 * enclosing loops (outermost first) and, for vector accesses, the number of consecutive elements
 * touched in the last dimension ({@code width}, 1 for scalars).
 */
public record Access(Operation op, Value memref, boolean write, List<LinearForm> subscripts,
    List<LoopForest.Loop> loops, long width) {

  public Access {
    subscripts = List.copyOf(subscripts);
    loops = List.copyOf(loops);
  }

  /** Every affine access under the forest's root, in program order. */
  public static List<Access> collect(LoopForest forest) {
    return collect(forest, forest.root());
  }

  /** Every affine access under {@code scope} (an op of the forest's tree), in program order. */
  public static List<Access> collect(LoopForest forest, Operation scope) {
    Linearizer lin = new Linearizer(forest);
    List<Access> out = new ArrayList<>();
    scope.walk(op -> {
      if (AffineOps.isAccess(op)) {
        out.add(of(op, forest, lin));
      }
    });
    return out;
  }

  static Access of(Operation op, LoopForest forest, Linearizer lin) {
    List<LinearForm> subs = lin.linearize(AffineOps.accessMap(op), AffineOps.accessIndices(op));
    long width = 1;
    if (op.is(AffineOps.VECTOR_LOAD)) {
      width = ((VectorType) op.result().type()).shape().get(0);
    } else if (op.is(AffineOps.VECTOR_STORE)) {
      width = ((VectorType) AffineOps.storedValue(op).type()).shape().get(0);
    }
    return new Access(op, AffineOps.accessMemref(op), AffineOps.isWrite(op), subs,
        forest.enclosingLoops(op), width);
  }

  /** The coefficient of {@code loop}'s induction variable in subscript {@code dim}. */
  public long coefficient(int dim, LoopForest.Loop loop) {
    return subscripts.get(dim).coefficient(loop.inductionVar());
  }

  /** True when some subscript depends on the loop's induction variable. */
  public boolean dependsOn(LoopForest.Loop loop) {
    for (LinearForm f : subscripts) {
      if (f.dependsOn(loop.inductionVar())) {
        return true;
      }
    }
    return false;
  }

  /** True when every subscript is exact (no floordiv/mod left). */
  public boolean isExact() {
    for (LinearForm f : subscripts) {
      if (!f.isExact()) {
        return false;
      }
    }
    return true;
  }
}
