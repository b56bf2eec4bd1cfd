// One chat model of an advisor pool: where it is served, its size, its price, how to call it.
package dev.colt.advisor.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * A pool entry. Prices are per million tokens (0 when free or unknown). {@code apiKeyEnv} names the
 * environment variable holding the API key (null: no key is sent); the key itself is never part of
 * a spec, so specs can be printed and stored.
 *
 * @param retries attempts after the first one, for timeouts, HTTP 429/5xx, connection failures and
 *     malformed answers
 * @param backoffMillis the wait before the first retry; it doubles for every further one
 * @param promptTokens the budget of one prompt (system and user message) in estimated tokens
 */
public record ModelSpec(String name, Backend backend, String baseUrl, String model,
    double sizeParams, double priceInPerMillion, double priceOutPerMillion, Duration timeout,
    int retries, long backoffMillis, double temperature, String apiKeyEnv, int promptTokens) {

  /** The wire protocol of a chat server. */
  public enum Backend {
    /** POST {base-url}/chat/completions, as OpenAI, vLLM, llama.cpp server and others serve. */
    OPENAI,
    /** POST {base-url}/api/chat, as Ollama serves. */
    OLLAMA;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The money of a call that used the given tokens. */
  public double price(long tokensIn, long tokensOut) {
    return (tokensIn * priceInPerMillion + tokensOut * priceOutPerMillion) / 1e6;
  }
}
