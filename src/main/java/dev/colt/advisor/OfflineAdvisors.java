// Builds the built-in offline advisors by name, for pools configured in pass options.
package dev.colt.advisor;

import dev.colt.analysis.CostModel;
import dev.colt.analysis.MachineModel;
import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline advisors and their declared sizes (the policy's stand-in for parameter counts):
 * {@value #HEURISTIC} (1e9, a recipe with stride analysis; on multiply-accumulate bands it checks
 * its joint move by applying it, about a millisecond per call) and
 * {@value #COST_MODEL} (8e9, applies and predicts up to {@value #LOOKAHEAD} menu actions, tens of
 * milliseconds per call).
 */
public final class OfflineAdvisors {
  public static final String HEURISTIC = "heuristic";
  public static final String COST_MODEL = "cost-model";
  public static final List<String> NAMES = List.of(HEURISTIC, COST_MODEL);
  /**
   * Menu actions the cost-model advisor applies and predicts per call: each costs about a
   * millisecond, so a larger lookahead shows up as search overhead on kernels that measure fast.
   */
  static final int LOOKAHEAD = 16;

  private OfflineAdvisors() {}

  /**
   * The advisors named in {@code names}, in that order. Fails with IllegalArgumentException naming
   * the known advisors when a name is unknown or repeated.
   */
  public static List<Advisor<Operation, Action>> create(List<String> names,
      SearchSpace<Operation, Action> space) {
    List<Advisor<Operation, Action>> out = new ArrayList<>();
    for (String n : names) {
      if (out.stream().anyMatch(a -> a.profile().name().equals(n))) {
        throw new IllegalArgumentException("advisor '" + n + "' named twice");
      }
      String stronger = names.contains(COST_MODEL) ? COST_MODEL : null;
      String cheaper = names.contains(HEURISTIC) ? HEURISTIC : null;
      out.add(switch (n) {
        case HEURISTIC -> new HeuristicAdvisor(new AdvisorProfile(HEURISTIC, 1e9, 0.0),
            stronger, space, Machine.host());
        case COST_MODEL -> new CostModelAdvisor(new AdvisorProfile(COST_MODEL, 8e9, 0.0), space,
            new CostModel(MachineModel.znver5()), cheaper, LOOKAHEAD);
        default -> throw new IllegalArgumentException("unknown advisor '" + n
            + "'; offline advisors: " + String.join(", ", NAMES));
      });
    }
    return out;
  }
}
