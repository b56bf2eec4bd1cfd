// Programs with many access pairs and nests for comparing fast analysis paths against full ones.
package dev.colt.testkit;

import dev.colt.analysis.LoopHandles;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.schedule.Action;
import dev.colt.schedule.ActionMenu;
import dev.colt.schedule.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Kernels of testdata, their menu successors, small kernels and random nest pairs, loops named. */
public final class VariedPrograms {
  private VariedPrograms() {}

  /** The first function of {@code testdata/kernels/<name>.mlir}, loops named. */
  public static Operation kernel(String name) {
    Path file = Path.of("testdata/kernels/" + name + ".mlir");
    try {
      Operation module = Parser.parseModule(Files.readString(file), file.toString());
      return LoopHandles.assign(ModuleOp.body(module).stream()
          .filter(op -> op.name().equals("func.func")).findFirst().orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The stencil, matmul, conv2d, softmax and triangular kernels with the results of every third
   * action of their menus (tiled, unrolled, fused, packed variants), Gauss-Seidel, a triangular
   * and a skewed nest, and twenty random nest pairs.
   */
  public static List<Operation> withManyAccessPairs() {
    List<Operation> out = new ArrayList<>();
    for (String k : List.of("stencil", "matmul", "conv2d", "softmax", "triangular")) {
      Operation named = kernel(k);
      out.add(named);
      List<Action> menu = ActionMenu.legalActions(named, Machine.host());
      for (int i = 0; i < menu.size(); i += 3) {
        out.add(LoopHandles.assign(menu.get(i).transform().apply(named)));
      }
    }
    out.add(LoopHandles.assign(Kernels.gaussSeidel(10)));
    out.add(LoopHandles.assign(Kernels.triangular(8)));
    out.add(LoopHandles.assign(Kernels.skewedRecurrence(8)));
    Random r = new Random(11);
    for (int i = 0; i < 20; i++) {
      out.add(LoopHandles.assign(RandomNests.generatePair(r)));
    }
    return out;
  }
}
