// A loopback chat server speaking OpenAI /v1/chat/completions and Ollama /api/chat, from a script.
package dev.colt.advisor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves POST {@code /v1/chat/completions} (OpenAI format) and {@code /api/chat} (Ollama, not
 * streamed) on 127.0.0.1 with a free port. Each request is logged (path, headers, parsed body) and
 * answered by the script, which sees the request and returns a {@link Reply}.
 */
final class FakeChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A scripted reply. */
  sealed interface Reply {}

  /** A chat answer with token counts, sent after {@code delayMillis}. */
  record Answer(String content, int promptTokens, int completionTokens, long delayMillis)
      implements Reply {
    Answer(String content) {
      this(content, 100, 20, 0);
    }
  }

  /** An HTTP error status with a JSON error body and, when not null, a Retry-After header. */
  record Status(int code, String retryAfter) implements Reply {
    Status(int code) {
      this(code, null);
    }
  }

  /** A request as the server saw it. */
  record Request(String path, Map<String, List<String>> headers, JsonNode body) {
    String model() {
      return body.path("model").asText();
    }

    /** The text of the message with {@code role}. */
    String message(String role) {
      for (JsonNode m : body.path("messages")) {
        if (m.path("role").asText().equals(role)) {
          return m.path("content").asText();
        }
      }
      return "";
    }

    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return String.join(",", e.getValue());
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-chat-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Request> requests = new ArrayList<>();
  private volatile Function<Request, Reply> script;

  FakeChatServer(Function<Request, Reply> script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", e -> handle(e, false));
    server.createContext("/api/chat", e -> handle(e, true));
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL for OpenAI-compatible clients ({@code .../v1}). */
  String openAiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The base URL for Ollama clients. */
  String ollamaBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void script(Function<Request, Reply> s) {
    script = s;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized List<Request> requestsFor(String model) {
    return requests.stream().filter(r -> r.model().equals(model)).toList();
  }

  private void handle(HttpExchange e, boolean ollama) throws IOException {
    try (e) {
      JsonNode body = JSON.readTree(e.getRequestBody().readAllBytes());
      Request req = new Request(e.getRequestURI().getPath(), Map.copyOf(e.getRequestHeaders()),
          body);
      synchronized (this) {
        requests.add(req);
      }
      Reply reply = script.apply(req);
      switch (reply) {
        case Status s -> {
          if (s.retryAfter() != null) {
            e.getResponseHeaders().set("Retry-After", s.retryAfter());
          }
          send(e, s.code(), "{\"error\":{\"message\":\"scripted " + s.code()
              + "\",\"type\":\"server_error\"}}");
        }
        case Answer a -> {
          if (a.delayMillis() > 0) {
            try {
              Thread.sleep(a.delayMillis());
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
              return;
            }
          }
          send(e, 200, JSON.writeValueAsString(ollama ? ollama(req, a) : openAi(req, a)));
        }
      }
    } catch (IOException | RuntimeException ex) {
      // the client gave up (a timeout test) or the script failed: nothing left to answer
    }
  }

  private static ObjectNode openAi(Request req, Answer a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 0)
        .put("model", req.model());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", a.content());
    root.putObject("usage").put("prompt_tokens", a.promptTokens())
        .put("completion_tokens", a.completionTokens())
        .put("total_tokens", a.promptTokens() + a.completionTokens());
    return root;
  }

  private static ObjectNode ollama(Request req, Answer a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", req.model()).put("created_at", "2026-01-01T00:00:00Z").put("done", true)
        .put("done_reason", "stop").put("prompt_eval_count", a.promptTokens())
        .put("eval_count", a.completionTokens());
    root.putObject("message").put("role", "assistant").put("content", a.content());
    return root;
  }

  private static void send(HttpExchange e, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", "application/json");
    e.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
