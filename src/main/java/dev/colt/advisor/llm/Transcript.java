// Recorded advisor exchanges as JSON lines: each prompt's answer (or failure) and cost, by hash.
package dev.colt.advisor.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript file: one {@link Exchange} per line, appended as exchanges happen. Prompts are
 * stored only as their SHA-256; answers verbatim. Replay hands out, for each advisor and prompt
 * hash, the recorded exchanges in their original order, so retries and failures replay too.
 */
public final class Transcript {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One recorded exchange. Exactly one of {@code answer} and {@code failure} is non-null;
   * {@code retriable} says how a failure was classified.
   */
  public record Exchange(String advisor, String prompt, String answer, String failure,
      boolean retriable, long tokensIn, long tokensOut, double latencyMillis) {}

  private Transcript() {}

  /**
   * A writer appending to {@code file} (created when absent; a search that tunes several functions
   * appends each one's exchanges). Fails with IOException.
   */
  public static Recorder record(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new Recorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  /**
   * Reads a transcript for replay. Fails with PoolConfigException naming the line when the file
   * cannot be read or a line is not an exchange.
   */
  public static Replay replay(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PoolConfigException(file + ": cannot read transcript: " + e.getMessage());
    }
    Map<String, Deque<Exchange>> byKey = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Exchange x;
      try {
        x = JSON.readValue(lines.get(i), Exchange.class);
      } catch (JsonProcessingException e) {
        throw new PoolConfigException(file + ":" + (i + 1) + ": not a transcript line: "
            + e.getOriginalMessage());
      }
      byKey.computeIfAbsent(key(x.advisor(), x.prompt()), k -> new ArrayDeque<>()).add(x);
    }
    return new Replay(file, byKey);
  }

  private static String key(String advisor, String hash) {
    return advisor + "\u0000" + hash;
  }

  /** Appends exchanges, one flushed line each. Closing it closes the file. */
  public static final class Recorder implements AutoCloseable {
    private final Writer out;

    private Recorder(Writer out) {
      this.out = out;
    }

    public synchronized void append(Exchange x) {
      try {
        out.write(JSON.writeValueAsString(x));
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to transcript", e);
      }
    }

    /** A channel that passes exchanges to {@code inner} and records each under {@code advisor}. */
    public ChatChannel recording(String advisor, ChatChannel inner) {
      return prompt -> {
        String hash = prompt.sha256();
        try {
          ChatChannel.Reply r = inner.exchange(prompt);
          append(new Exchange(advisor, hash, r.text(), null, false, r.tokensIn(), r.tokensOut(),
              r.latencyMillis()));
          return r;
        } catch (ChatFailure f) {
          append(new Exchange(advisor, hash, null, f.getMessage(), f.retriable(), 0, 0,
              f.latencyMillis()));
          throw f;
        }
      };
    }

    @Override
    public synchronized void close() throws IOException {
      out.close();
    }
  }

  /** Recorded exchanges to answer from, without any network. */
  public static final class Replay {
    private final Path file;
    private final Map<String, Deque<Exchange>> byKey;
    private int misses;

    private Replay(Path file, Map<String, Deque<Exchange>> byKey) {
      this.file = file;
      this.byKey = byKey;
    }

    /**
     * A channel answering {@code advisor}'s prompts from the transcript. A prompt without a
     * recorded
     * exchange left fails (not retriable), naming its hash.
     */
    public ChatChannel channel(String advisor) {
      return prompt -> {
        String hash = prompt.sha256();
        Exchange x;
        synchronized (this) {
          Deque<Exchange> q = byKey.get(key(advisor, hash));
          x = q == null ? null : q.poll();
          misses += x == null ? 1 : 0;
        }
        if (x == null) {
          throw new ChatFailure("replay: no recorded answer of " + advisor + " for prompt sha256 "
              + hash.substring(0, 16) + " in " + file, false, 0);
        }
        if (x.failure() != null) {
          throw new ChatFailure(x.failure(), x.retriable(), x.latencyMillis());
        }
        return new ChatChannel.Reply(x.answer(), x.tokensIn(), x.tokensOut(), x.latencyMillis());
      };
    }

    /** Requests that found no recorded exchange (a faithful replay has none). */
    public synchronized int misses() {
      return misses;
    }

    /** Exchanges not yet replayed (a complete replay leaves none). */
    public synchronized int remaining() {
      return byKey.values().stream().mapToInt(Deque::size).sum();
    }
  }
}
