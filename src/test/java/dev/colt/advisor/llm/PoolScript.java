// A scripted pool of fake models (small, medium, large) picking menu actions from the prompt.
package dev.colt.advisor.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers as three models might: "small" tiles first (often a regression at these sizes),
 * "medium" unrolls and jams, "large" unrolls-and-jams by 8, makes j innermost and vectorizes; every
 * third answer hands over to "medium" and every fourth names an advisor not in the pool. Each
 * reads the numbered menu and the tried list from the user message. Faults are scripted per model
 * by request number (1-based, counting every request to that model): a scripted reply replaces the
 * answer. Correction prompts are never faulted. Every reply is counted per model and kind.
 */
final class PoolScript implements Function<FakeChatServer.Request, FakeChatServer.Reply> {
  private static final Pattern MENU_LINE = Pattern.compile("^  (\\d+): (.*)$", Pattern.MULTILINE);
  private final Map<String, Map<Integer, FakeChatServer.Reply>> faults = new HashMap<>();
  private final Map<String, AtomicInteger> requests = new HashMap<>();
  private final Map<String, AtomicInteger> faulted = new HashMap<>();
  private final Map<String, AtomicInteger> corrections = new HashMap<>();
  private final Map<String, String> nextOf = Map.of("small", "small", "medium", "small",
      "large", "small");

  PoolScript fault(String model, int request, FakeChatServer.Reply reply) {
    faults.computeIfAbsent(model, m -> new HashMap<>()).put(request, reply);
    return this;
  }

  private static String advisor(FakeChatServer.Request r) {
    return r.model().replace("-model", "");
  }

  @Override
  public synchronized FakeChatServer.Reply apply(FakeChatServer.Request r) {
    String who = advisor(r);
    int n = requests.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
    String user = r.message("user");
    boolean correction = user.startsWith("Course correction.");
    if (correction) {
      corrections.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
    } else {
      FakeChatServer.Reply fault = faults.getOrDefault(who, Map.of()).get(n);
      if (fault != null) {
        faulted.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
        return fault;
      }
    }
    List<String> menu = new ArrayList<>();
    Matcher m = MENU_LINE.matcher(user.substring(user.indexOf("Legal actions at this node:")));
    while (m.find()) {
      menu.add(m.group(2));
    }
    String triedBlock = user.substring(user.indexOf("Already tried at this node"),
        user.indexOf("Advisors that expanded"));
    int pick = choose(who, menu, triedBlock);
    String next = n % 4 == 0 ? "gpt-9000" : n % 3 == 0 ? "medium" : nextOf.get(who);
    return new FakeChatServer.Answer(String.format(
        "{\"actions\": [%d], \"next\": \"%s\", \"why\": \"scripted\"}", pick, next),
        80 + user.length() / 40, 24, 1);
  }

  private static int choose(String who, List<String> menu, String tried) {
    List<String> prefer = switch (who) {
      case "small" -> List.of("tile", "permute j,k,i", "unroll i");
      case "medium" -> List.of("unroll-and-jam", "unroll", "permute");
      default -> List.of("unroll-and-jam k factor=8", "permute i,k,j", "vectorize", "tile");
    };
    for (String p : prefer) {
      for (int i = 0; i < menu.size(); i++) {
        if (menu.get(i).startsWith(p) && !tried.contains("- " + menu.get(i) + "\n")) {
          return i;
        }
      }
    }
    for (int i = menu.size() - 1; i >= 0; i--) {
      if (!tried.contains("- " + menu.get(i) + "\n")) {
        return i;
      }
    }
    return 0;
  }

  synchronized int requests(String who) {
    return count(requests, who);
  }

  synchronized int faulted(String who) {
    return count(faulted, who);
  }

  synchronized int corrections(String who) {
    return count(corrections, who);
  }

  private static int count(Map<String, AtomicInteger> m, String who) {
    AtomicInteger c = m.get(who);
    return c == null ? 0 : c.get();
  }
}
