// One request-answer exchange with a chat model, the seam where recording and replay happen.
package dev.colt.advisor.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Sends a prompt to a chat model and returns its answer text with what it cost. */
public interface ChatChannel {
  /**
   * Sends one prompt. Fails with {@link ChatFailure} (retriable or not) on transport errors,
   * timeouts and HTTP errors; never with another exception.
   */
  Reply exchange(Prompt prompt) throws ChatFailure;

  /**
   * The messages of one request. {@code advisorNames} are the names the answer may give as the
   * next advisor (for the structured-output schema).
   */
  record Prompt(String system, String user, java.util.List<String> advisorNames) {
    public Prompt {
      advisorNames = java.util.List.copyOf(advisorNames);
    }

    /** SHA-256 of the messages, the key under which recorded answers are replayed. */
    public String sha256() {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(system.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(user.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks SHA-256", e);
      }
    }

    /** Estimated tokens of both messages (about four characters per token). */
    public int estimatedTokens() {
      return PromptBuilder.estimateTokens(system) + PromptBuilder.estimateTokens(user);
    }
  }

  /** An answer: its text, token counts as the server reported them, and the wall time. */
  record Reply(String text, long tokensIn, long tokensOut, double latencyMillis) {}
}
