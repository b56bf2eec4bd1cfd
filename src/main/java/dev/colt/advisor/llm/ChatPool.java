// The chat advisors of a pool file, connected live, recording to a transcript, or replaying one.
package dev.colt.advisor.llm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates {@link ChatAdvisor}s for the models of a pool. Live advisors read their API key from the
 * environment variable their spec names when they are created, so only the advisors a search uses
 * need one (an unset variable is an error naming the variable, never a value). With a transcript
 * to record, every exchange is appended to it; with one to replay, advisors answer from it without
 * any network (and without keys or
 * backoff waits). Close the pool to close the transcript.
 */
public final class ChatPool implements AutoCloseable {
  /** Share of calls the prompts ask the largest advisor to stay near (COLT reports about 23%). */
  public static final double LARGE_SHARE_TARGET = 0.25;

  private final Map<String, ModelSpec> specs = new LinkedHashMap<>();
  private final Transcript.Recorder recorder;
  private final Transcript.Replay replay;
  private final ChatAdvisor.Sleeper sleeper;

  private final Function<String, String> environment;

  private ChatPool(List<ModelSpec> models, Function<String, String> environment, Path record,
      Path replayFile, ChatAdvisor.Sleeper sleeper) throws IOException {
    if (record != null && replayFile != null) {
      throw new PoolConfigException("record and replay cannot be used together");
    }
    this.environment = environment;
    this.replay = replayFile == null ? null : Transcript.replay(replayFile);
    this.sleeper = replay == null ? sleeper : ChatAdvisor.Sleeper.NONE;
    for (ModelSpec m : models) {
      specs.put(m.name(), m);
    }
    this.recorder = record == null ? null : Transcript.record(record);
  }

  /** The channel of {@code m}: replayed, or live (reading its key now), recorded when asked. */
  private ChatChannel channel(ModelSpec m) {
    if (replay != null) {
      return replay.channel(m.name());
    }
    String key = null;
    if (m.apiKeyEnv() != null) {
      key = environment.apply(m.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new PoolConfigException("advisor '" + m.name() + "': environment variable "
            + m.apiKeyEnv() + " (api-key-env) is not set");
      }
    }
    ChatChannel live = new LangChainChannel(m, key);
    return recorder == null ? live : recorder.recording(m.name(), live);
  }

  /**
   * Opens the pool of {@code models}. Fails with PoolConfigException when both transcripts are
   * given or the replay transcript cannot be read, and with IOException when the record transcript
   * cannot be created.
   *
   * @param environment looks up environment variables (System::getenv outside tests)
   * @param record transcript to write, or null
   * @param replay transcript to answer from, or null
   */
  public static ChatPool open(List<ModelSpec> models, Function<String, String> environment,
      Path record, Path replay, ChatAdvisor.Sleeper sleeper) throws IOException {
    return new ChatPool(models, environment, record, replay, sleeper);
  }

  public List<String> names() {
    return List.copyOf(specs.keySet());
  }

  public boolean contains(String name) {
    return specs.containsKey(name);
  }

  /**
   * The advisor of pool entry {@code name}; a live one reads its API key variable now. Fails with
   * PoolConfigException for an unknown name or an unset key variable (naming the variable only).
   */
  public <P, A> ChatAdvisor<P, A> advisor(String name) {
    ModelSpec spec = specs.get(name);
    if (spec == null) {
      throw new PoolConfigException("no advisor '" + name + "' in the pool; it has "
          + String.join(", ", specs.keySet()));
    }
    return new ChatAdvisor<>(spec, channel(spec), new PromptBuilder(spec.promptTokens(),
        LARGE_SHARE_TARGET), sleeper);
  }

  /** Recorded exchanges not replayed (0 after a faithful replay; 0 when not replaying). */
  public int unreplayed() {
    return replay == null ? 0 : replay.remaining();
  }

  /** Requests the replay transcript had no answer for (0 when not replaying). */
  public int replayMisses() {
    return replay == null ? 0 : replay.misses();
  }

  @Override
  public void close() throws IOException {
    if (recorder != null) {
      recorder.close();
    }
  }
}
