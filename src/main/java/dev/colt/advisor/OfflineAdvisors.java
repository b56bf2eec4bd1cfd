// Builds the built-in offline advisors by name, for pools configured in pass options.
package dev.colt.advisor;

import dev.colt.analysis.CostModel;
import dev.colt.analysis.MachineModel;
import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline advisors and their declared sizes (the policy's stand-in for parameter counts):
 * {@value #HEURISTIC} (1e9, a recipe with stride analysis, microseconds per call) and
 * {@value #COST_MODEL} (8e9, applies and predicts every menu action, milliseconds per call), and
 * simulated LLMs named {@code sim-<billions>b} such as {@code sim-7b} ({@link SimulatedModelAdvisor}:
 * a benchmark device whose quality and simulated cost grow with the size in the name).
 */
public final class OfflineAdvisors {
  public static final String HEURISTIC = "heuristic";
  public static final String COST_MODEL = "cost-model";
  public static final List<String> NAMES = List.of(HEURISTIC, COST_MODEL);

  private OfflineAdvisors() {}

  /** True when {@link #create} builds an advisor of this name (a built-in or a simulated one). */
  public static boolean knows(String name) {
    double simulatedSize = SimulatedModelAdvisor.sizeOf(name);
    return NAMES.contains(name) || (simulatedSize > 0
        && SimulatedModelAdvisor.nameOf(simulatedSize).equals(name));
  }

  /**
   * The advisors named in {@code names}, in that order. Fails with IllegalArgumentException naming
   * the known advisors when a name is unknown or repeated.
   */
  public static List<Advisor<Operation, Action>> create(List<String> names,
      SearchSpace<Operation, Action> space) {
    List<Advisor<Operation, Action>> out = new ArrayList<>();
    SimulatedModelAdvisor.Oracle oracle = null;
    for (String n : names) {
      if (out.stream().anyMatch(a -> a.profile().name().equals(n))) {
        throw new IllegalArgumentException("advisor '" + n + "' named twice");
      }
      String stronger = names.contains(COST_MODEL) ? COST_MODEL : null;
      String cheaper = names.contains(HEURISTIC) ? HEURISTIC : null;
      double simulatedSize = SimulatedModelAdvisor.sizeOf(n);
      if (simulatedSize > 0) {
        if (oracle == null) {
          oracle = new SimulatedModelAdvisor.Oracle(space, new CostModel(MachineModel.znver5()),
              96);
        }
        Advisor<Operation, Action> sim = new SimulatedModelAdvisor(simulatedSize, oracle);
        if (!sim.profile().name().equals(n)) {
          throw new IllegalArgumentException("simulated advisor '" + n + "' should be written '"
              + sim.profile().name() + "'");
        }
        out.add(sim);
        continue;
      }
      out.add(switch (n) {
        case HEURISTIC -> new HeuristicAdvisor(new AdvisorProfile(HEURISTIC, 1e9, 0.0),
            stronger);
        case COST_MODEL -> new CostModelAdvisor(new AdvisorProfile(COST_MODEL, 8e9, 0.0), space,
            new CostModel(MachineModel.znver5()), cheaper, 96);
        default -> throw new IllegalArgumentException("unknown advisor '" + n
            + "'; offline advisors: " + String.join(", ", NAMES)
            + ", or simulated ones such as sim-1.5b, sim-7b, sim-32b");
      });
    }
    return out;
  }
}
