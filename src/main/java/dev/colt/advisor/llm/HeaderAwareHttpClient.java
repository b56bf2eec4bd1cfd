// LangChain4j's HTTP client port over the JDK client, keeping the Retry-After header of refusals.
package dev.colt.advisor.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Sends LangChain4j's requests with the JDK HTTP client, as LangChain4j's own JDK client does,
 * but a non-2xx answer raises {@link Refused}, an {@link HttpException} that also carries the
 * server's {@code Retry-After} (seconds or an HTTP date), so the advisor can wait as long as a
 * rate-limited server asks. Only whole responses are supported: streaming (server-sent events)
 * fails with UnsupportedOperationException, since the advisors never stream.
 */
final class HeaderAwareHttpClient implements HttpClient {
  private final java.net.http.HttpClient client;
  private final Duration readTimeout;

  /** A refusal (status 300 and above) with the delay the server asked for, if it gave one. */
  static final class Refused extends HttpException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterMillis;

    Refused(int status, String body, long retryAfterMillis) {
      super(status, body);
      this.retryAfterMillis = retryAfterMillis;
    }

    /** The delay from {@code Retry-After} in milliseconds, or -1 when there was none. */
    long retryAfterMillis() {
      return retryAfterMillis;
    }
  }

  private HeaderAwareHttpClient(Duration connectTimeout, Duration readTimeout) {
    java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      b.connectTimeout(connectTimeout);
    }
    this.client = b.build();
    this.readTimeout = readTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder()
        .uri(URI.create(request.url()));
    request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    String body = request.body() == null ? "" : request.body();
    b.method(request.method().name(), body.isEmpty() && request.method().name().equals("GET")
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (readTimeout != null) {
      b.timeout(readTimeout);
    }
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the model", e);
    }
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() >= 300) {
      throw new Refused(response.statusCode(), response.body(),
          retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null),
              ZonedDateTime.now()));
    }
    return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers)
        .body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser,
      ServerSentEventListener listener) {
    throw new UnsupportedOperationException("COLT's advisors do not stream answers");
  }

  /**
   * The delay a {@code Retry-After} value asks for, in milliseconds, relative to {@code now} for
   * the HTTP-date form; -1 for null or unreadable values, 0 for dates in the past.
   */
  static long retryAfterMillis(String value, ZonedDateTime now) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? -1 : Math.multiplyExact(seconds, 1000L);
    } catch (NumberFormatException | ArithmeticException e) {
      // not delta-seconds: try the HTTP-date form below
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, Duration.between(now, at).toMillis());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** Builds the client with LangChain4j's connect and read timeouts. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new HeaderAwareHttpClient(connectTimeout, readTimeout);
    }
  }
}
