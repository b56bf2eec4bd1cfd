// Tests the legal-action menu: sized parameters, only accepted actions, illegal ones absent.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionMenuTest {

  @Test
  void matmulMenu() {
    List<Action> menu = ActionMenu.legalActions(Kernels.matmul(64, 64, 64), Machine.host());
    List<String> lines = menu.stream().map(Action::text).toList();
    assertTrue(lines.contains("permute i,k,j"), lines.toString());
    assertTrue(lines.contains("tile i,j,k sizes=32,32,32"), lines.toString());
    assertTrue(lines.contains("tile i,j,k sizes=16,16,32"), lines.toString());
    assertTrue(lines.contains("unroll k factor=8"), lines.toString());
    assertTrue(lines.contains("unroll-and-jam i factor=4"), lines.toString());
    assertTrue(lines.contains("scalar-replace k"), lines.toString());
    assertTrue(lines.contains("parallelize j"), lines.toString());
    assertFalse(lines.contains("parallelize k"), lines.toString());
    assertFalse(lines.stream().anyMatch(s -> s.startsWith("vectorize k")), lines.toString());
    assertFalse(lines.stream().anyMatch(s -> s.contains("sizes=64")), lines.toString());
  }

  @Test
  void menuOffersVectorWidthsUpToTheLanes() {
    Operation ikj = new dev.colt.transform.Permute(List.of("i", "k", "j"))
        .apply(Kernels.matmul(8, 64, 8));
    List<String> lines = ActionMenu.legalActions(ikj, Machine.host()).stream()
        .map(Action::text).toList();
    assertTrue(lines.contains("vectorize j width=16"), lines.toString());
    List<String> avx2 = ActionMenu.legalActions(ikj, new Machine(256, 32768, 1 << 20)).stream()
        .map(Action::text).toList();
    assertFalse(avx2.contains("vectorize j width=16"), avx2.toString());
    assertTrue(avx2.contains("vectorize j width=8"), avx2.toString());
  }

  @Test
  void illegalInterchangeIsNotOffered() {
    List<String> lines = ActionMenu.legalActions(Kernels.skewedRecurrence(16), Machine.host())
        .stream().map(Action::text).toList();
    assertFalse(lines.contains("permute j,i"), lines.toString());
    assertTrue(ActionMenu.candidates(dev.colt.analysis.LoopHandles.assign(
        Kernels.skewedRecurrence(16)), Machine.host()).stream()
        .anyMatch(a -> a.text().equals("permute j,i")));
  }

  @Test
  void nonPermutableBandIsOfferedASkewThatMakesItsInterchangeLegal() {
    Operation f = Kernels.skewedRecurrence(16);
    List<String> lines = ActionMenu.legalActions(f, Machine.host()).stream().map(Action::text)
        .toList();
    assertTrue(lines.contains("skew i,j factor=1"), lines.toString());
    Operation skewed = new Action.Skew("i", "j", 1).transform().apply(f);
    List<String> after = ActionMenu.legalActions(skewed, Machine.host()).stream()
        .map(Action::text).toList();
    assertTrue(after.contains("permute j,i"), after.toString());
  }
}
