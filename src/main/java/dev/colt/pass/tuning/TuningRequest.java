// What one tuning run of a function is asked to do: strategy, pool, budget and outputs.
package dev.colt.pass.tuning;

import dev.colt.search.SearchConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A tuning run's settings.
 *
 * @param strategy {@code colt}, {@code single} (one advisor, no model-aware term: the Reasoning
 *     Compiler setting), {@code random} or {@code evolutionary}
 * @param advisors advisor names for the tree strategies
 * @param database the tuning database file, or null for none
 * @param report the HTML report to write, or null
 * @param traceFile where to write the best trace as text, or null (the trace is always attached to
 *     the function as {@code colt.trace})
 * @param tolerance relative tolerance of the output check
 * @param progress print progress lines to stderr
 * @param chat the chat-model pool and transcripts; {@link ChatFiles#NONE} for offline advisors only
 */
public record TuningRequest(String strategy, List<String> advisors, SearchConfig config,
    Path database, Path report, Path traceFile, double tolerance, boolean progress,
    ChatFiles chat) {
  public static final List<String> STRATEGIES = List.of("colt", "single", "random",
      "evolutionary");

  /**
   * Where chat advisors come from.
   *
   * @param pool the pool file naming the chat models (null: none)
   * @param record transcript to write every exchange to (null: none)
   * @param replay transcript to answer from instead of the models (null: live)
   */
  public record ChatFiles(Path pool, Path record, Path replay) {
    public static final ChatFiles NONE = new ChatFiles(null, null, null);

    public ChatFiles {
      if (record != null && replay != null) {
        throw new IllegalArgumentException("record and replay cannot be used together");
      }
      if (pool == null && (record != null || replay != null)) {
        throw new IllegalArgumentException("record and replay need a pool file (pool=FILE)");
      }
    }
  }

  public TuningRequest {
    advisors = List.copyOf(advisors);
    chat = chat == null ? ChatFiles.NONE : chat;
    if (!STRATEGIES.contains(strategy)) {
      throw new IllegalArgumentException("unknown strategy '" + strategy + "'; expected one of "
          + String.join(", ", STRATEGIES));
    }
  }
}
