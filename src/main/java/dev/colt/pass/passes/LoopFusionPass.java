// The affine-loop-fusion pass: fuses neighbouring loop nests of a function, producer into consumer or siblings.
package dev.colt.pass.passes;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Fuse;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * Walks the loop nests at the top level of the function in order and runs {@link Fuse} on each
 * nest and the next one whose relation the mode admits, at the deepest legal level; the fused nest
 * then meets the following one. Pairs whose shapes match but whose fusion is illegal get a remark.
 */
public final class LoopFusionPass implements Pass {
  static final PassOption<String> MODE = PassOption.ofEnum("mode",
      List.of("greedy", "producer-consumer", "sibling"), "greedy",
      "Which neighbouring nests to fuse: a producer with its consumer, siblings reading a common "
          + "memref, or both (greedy).");
  static final PassOption<Integer> MAX_DEPTH = PassOption.ofInt("max-depth", 0,
      "Fuse at most this many outer loop levels (0: as many as have equal bounds and are legal).");

  static final PassInfo INFO = new PassInfo("affine-loop-fusion",
      "Fuse neighbouring loop nests with equal outer bounds",
      """
      For each loop nest at the top level of the function and the next nest after it, when the \
      first writes a memref the second reads (producer-consumer) or both read one and neither \
      writes what the other touches (sibling), fuses their outer loops at the deepest level where \
      the bounds are identical and fusion is legal: the fused body runs the first nest's body, \
      then the second's, at the second nest's place. A local buffer used only inside the fused \
      nest, each fused iteration touching its own elements, shrinks to one iteration's \
      elements. Illegal fusions (the consumer would read an \
      element before the producer writes it, or another dependence would be reversed, or an op \
      between the nests touches the producer's memrefs) are left alone with a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(MODE, MAX_DEPTH),
      new PassInfo.Example("mode=producer-consumer", """
          func.func @f(%A: memref<8xf32>, %C: memref<8xf32>) {
            %B = memref.alloc() : memref<8xf32>
            affine.for %i = 0 to 8 {
              %a = affine.load %A[%i] : memref<8xf32>
              %m = arith.mulf %a, %a : f32
              affine.store %m, %B[%i] : memref<8xf32>
            }
            affine.for %i = 0 to 8 {
              %b = affine.load %B[%i] : memref<8xf32>
              %s = arith.addf %b, %b : f32
              affine.store %s, %C[%i] : memref<8xf32>
            }
            memref.dealloc %B : memref<8xf32>
            return
          }
          """));

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation func, PassContext context) {
    String mode = context.option(MODE);
    int maxDepth = context.option(MAX_DEPTH);
    if (maxDepth < 0) {
      throw context.failure(func, "max-depth must not be negative, got " + maxDepth);
    }
    return LoopPasses.withHandles(func, named -> {
      Operation cur = named;
      int index = 0;
      while (true) {
        List<Operation> nests = topLevelLoops(cur);
        if (index + 1 >= nests.size()) {
          break;
        }
        String first = LoopHandles.nameOf(nests.get(index));
        Operation secondOp = nests.get(index + 1);
        String second = LoopHandles.nameOf(secondOp);
        Optional<Operation> fused = admits(mode, Fuse.relation(cur, first, second))
            ? fuse(cur, first, second, maxDepth, secondOp, context) : Optional.empty();
        if (fused.isPresent()) {
          cur = fused.get();
        } else {
          index++;
        }
      }
      return cur;
    });
  }

  private static boolean admits(String mode, Fuse.Relation relation) {
    return switch (mode) {
      case "producer-consumer" -> relation == Fuse.Relation.PRODUCER_CONSUMER;
      case "sibling" -> relation == Fuse.Relation.SIBLING;
      default -> relation != Fuse.Relation.OTHER;
    };
  }

  /** The function with the pair fused at the deepest legal level, or empty after a remark. */
  private static Optional<Operation> fuse(Operation func, String first, String second,
      int maxDepth, Operation anchor, PassContext context) {
    int depth = Fuse.shapeDepth(func, first, second);
    if (maxDepth > 0) {
      depth = Math.min(depth, maxDepth);
    }
    Refusal last = null;
    for (int d = depth; d >= 1; d--) {
      switch (new Fuse(first, second, d).attempt(func)) {
        case LoopTransform.Outcome.Applied applied -> {
          return Optional.of(applied.func());
        }
        case LoopTransform.Outcome.Refused refused -> last = refused.refusal();
      }
    }
    if (last != null) {
      context.remark(anchor, last.detail());
    }
    return Optional.empty();
  }

  private static List<Operation> topLevelLoops(Operation func) {
    return func.body().operations().stream().filter(op -> op.is(AffineOps.FOR)).toList();
  }
}
