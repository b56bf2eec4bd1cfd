// The chat channel over LangChain4j's OpenAI-compatible and Ollama models, asking for JSON answers.
package dev.colt.advisor.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Talks to one model through LangChain4j's models over {@link HeaderAwareHttpClient}. Every request asks for structured
 * output, a JSON object {@code {"actions": [int...], "next": string, "why": string}} (OpenAI:
 * {@code response_format: json_schema}; Ollama: {@code format}). LangChain4j's own retries are
 * off; {@link ChatAdvisor} retries. Exception messages are scrubbed of the API key. Without a key,
 * OpenAI-compatible requests carry the placeholder {@code Bearer none} (local servers ignore it).
 */
public final class LangChainChannel implements ChatChannel {
  private final ModelSpec spec;
  private final ChatModel model;
  private final String apiKey;

  /**
   * @param apiKey the key to send (null: none); it is kept only inside the HTTP client
   */
  public LangChainChannel(ModelSpec spec, String apiKey) {
    this.spec = spec;
    this.apiKey = apiKey;
    HeaderAwareHttpClient.Builder http = new HeaderAwareHttpClient.Builder()
        .connectTimeout(spec.timeout()).readTimeout(spec.timeout());
    this.model = switch (spec.backend()) {
      case OPENAI -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(spec.baseUrl())
          .apiKey(apiKey == null ? "none" : apiKey).modelName(spec.model())
          .temperature(spec.temperature()).timeout(spec.timeout()).maxRetries(0)
          .strictJsonSchema(true).logRequests(false).logResponses(false).build();
      case OLLAMA -> OllamaChatModel.builder().httpClientBuilder(http).baseUrl(spec.baseUrl())
          .modelName(spec.model()).temperature(spec.temperature()).timeout(spec.timeout())
          .maxRetries(0).logRequests(false).logResponses(false)
          .customHeaders(apiKey == null ? java.util.Map.of()
              : java.util.Map.of("Authorization", "Bearer " + apiKey)).build();
    };
  }

  /** The structured-output schema of an answer. */
  static JsonSchema answerSchema(java.util.List<String> advisorNames) {
    return JsonSchema.builder().name("colt_joint_action").rootElement(JsonObjectSchema.builder()
        .addProperty("actions", JsonArraySchema.builder()
            .description("menu numbers of the transformations to apply, in order")
            .items(JsonIntegerSchema.builder().build()).build())
        .addProperty("next", JsonStringSchema.builder()
            .description("the advisor to expand the resulting program, one of: "
                + String.join(", ", advisorNames)).build())
        .addProperty("why", JsonStringSchema.builder().description("one short sentence").build())
        .required("actions", "next", "why").additionalProperties(false).build()).build();
  }

  @Override
  public Reply exchange(Prompt prompt) throws ChatFailure {
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(answerSchema(prompt.advisorNames())).build())
        .build();
    long t0 = System.nanoTime();
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (RuntimeException e) {
      throw failure(e, (System.nanoTime() - t0) / 1e6);
    }
    double millis = (System.nanoTime() - t0) / 1e6;
    String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
        : response.aiMessage().text();
    TokenUsage u = response.tokenUsage();
    long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
    long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
    return new Reply(text, in, out, millis);
  }

  /** Classifies a client exception: timeouts, 429, 5xx and connection failures are retriable. */
  private ChatFailure failure(RuntimeException e, double millis) {
    String where = spec.backend().key() + " " + spec.baseUrl();
    Integer status = null;
    long retryAfter = -1;
    boolean timeout = false;
    boolean connection = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        status = h.statusCode();
      }
      if (t instanceof HeaderAwareHttpClient.Refused r) {
        retryAfter = r.retryAfterMillis();
      }
      timeout |= t instanceof HttpTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException;
      connection |= t instanceof ConnectException || t instanceof IOException;
    }
    if (timeout) {
      return new ChatFailure(String.format(Locale.ROOT, "timeout after %.0f ms (limit %d ms) at %s",
          millis, spec.timeout().toMillis(), where), true, millis);
    }
    if (status != null) {
      boolean retriable = status == 429 || status == 408 || status >= 500;
      String hint = status != 404 ? "" : spec.backend() == ModelSpec.Backend.OPENAI
          ? " (check base-url: OpenAI-compatible servers usually serve under /v1)"
          : " (check base-url, the server root, and that model '" + spec.model()
              + "' is pulled)";
      return new ChatFailure("HTTP " + status + " from " + where + hint + ": " + shortText(e),
          retriable, millis, retriable ? retryAfter : -1);
    }
    if (e instanceof NonRetriableException) {
      return new ChatFailure("rejected by " + where + ": " + shortText(e), false, millis);
    }
    boolean retriable = connection || e instanceof RetriableException;
    return new ChatFailure((connection ? "connection failed to " : "request failed at ") + where
        + ": " + shortText(e), retriable, millis);
  }

  /** The exception's message, first line, bounded, without the API key. */
  private String shortText(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (apiKey != null && !apiKey.isEmpty()) {
      m = m.replace(apiKey, "***");
    }
    m = m.lines().findFirst().orElse("").strip();
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
