// Small advisor requests and pool entries for the chat advisor tests.
package dev.colt.advisor.llm;

import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorStats;
import dev.colt.search.AdvisorView;
import dev.colt.testkit.Kernels;
import java.time.Duration;
import java.util.List;

final class TestViews {
  static final List<String> MENU = List.of("permute i,k,j", "tile i,j sizes=32,32",
      "unroll k factor=4", "vectorize j width=16");
  static final String IR = Kernels.squareMatmulText(8).strip();

  private TestViews() {}

  static List<AdvisorStats> pool() {
    return List.of(AdvisorStats.empty(new AdvisorProfile("small", 1.5e9, 0)),
        AdvisorStats.empty(new AdvisorProfile("medium", 7e9, 0)),
        AdvisorStats.empty(new AdvisorProfile("large", 70e9, 0)));
  }

  static AdvisorView<String, String> view(String self) {
    return new AdvisorView<>(self, "node", "parent", IR, IR, List.of("permute i,k,j"),
        List.of(), 1.5, 1.0, MENU, MENU, pool(), List.of("small"), 3, 10, 7, null);
  }

  static ModelSpec spec(String name, ModelSpec.Backend backend, String baseUrl, int retries,
      Duration timeout, String keyEnv) {
    return new ModelSpec(name, backend, baseUrl, name + "-model", 7e9, 0.5, 2.0, timeout,
        retries, 10, 0.2, keyEnv, 6000);
  }
}
