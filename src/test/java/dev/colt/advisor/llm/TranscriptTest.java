// Tests of transcripts: exchanges and failures replay in order per advisor and prompt; misses fail.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
  @TempDir
  Path dir;

  private static final ChatChannel.Prompt PROMPT = new ChatChannel.Prompt("sys", "user",
      List.of("a"));

  @Test
  void failuresAndAnswersReplayInOrderAndAMissIsNotRetriable() throws Exception {
    Path file = dir.resolve("t.jsonl");
    AtomicInteger calls = new AtomicInteger();
    ChatChannel live = p -> {
      if (calls.incrementAndGet() == 1) {
        throw new ChatFailure("HTTP 503 from fake", true, 4.0);
      }
      return new ChatChannel.Reply("{\"actions\":[0]}", 11, 3, 7.5);
    };
    try (Transcript.Recorder rec = Transcript.record(file)) {
      ChatChannel recorded = rec.recording("a", live);
      assertThrows(ChatFailure.class, () -> recorded.exchange(PROMPT));
      recorded.exchange(PROMPT);
    }
    assertEquals(2, Files.readAllLines(file).size());
    assertFalse(Files.readString(file).contains("user"), "prompts are stored as hashes");
    Transcript.Replay replay = Transcript.replay(file);
    ChatChannel replayed = replay.channel("a");
    ChatFailure first = assertThrows(ChatFailure.class, () -> replayed.exchange(PROMPT));
    assertTrue(first.retriable());
    assertEquals("HTTP 503 from fake", first.getMessage());
    assertEquals(new ChatChannel.Reply("{\"actions\":[0]}", 11, 3, 7.5),
        replayed.exchange(PROMPT));
    assertEquals(0, replay.remaining());
    ChatFailure miss = assertThrows(ChatFailure.class, () -> replayed.exchange(PROMPT));
    assertFalse(miss.retriable());
    assertTrue(miss.getMessage().startsWith("replay: no recorded answer of a for prompt sha256 "));
    assertThrows(ChatFailure.class, () -> replay.channel("b").exchange(PROMPT));
    assertEquals(2, replay.misses());
  }

  @Test
  void aBrokenTranscriptLineIsNamed() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"advisor\":\"a\"}\nnot json\n");
    assertTrue(assertThrows(PoolConfigException.class, () -> Transcript.replay(file))
        .getMessage().startsWith(file + ":2: not a transcript line"));
  }
}
