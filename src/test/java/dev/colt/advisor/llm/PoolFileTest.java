// Tests of the pool file reader: defaults, top-level defaults, a clear message for every mistake.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolFileTest {
  private static final String GOOD = """
      {
        "timeout-seconds": 30,
        "advisors": [
          {"name": "qwen-1.5b", "backend": "ollama", "base-url": "http://localhost:11434/",
           "model": "qwen2.5-coder:1.5b", "size-params": 1.5e9},
          {"name": "gpt", "backend": "openai", "base-url": "https://api.example.com/v1",
           "model": "big-model", "size-params": 2e11, "price-in": 2.5, "price-out": 10,
           "api-key-env": "EXAMPLE_API_KEY", "retries": 4, "temperature": 0,
           "timeout-seconds": 90, "prompt-tokens": 12000}
        ]
      }
      """;

  @Test
  void readsEntriesWithDefaultsAndTopLevelOverrides() {
    List<ModelSpec> pool = PoolFile.parse(GOOD, "pool.json");
    ModelSpec small = pool.get(0);
    assertEquals(ModelSpec.Backend.OLLAMA, small.backend());
    assertEquals("http://localhost:11434", small.baseUrl());
    assertEquals(Duration.ofSeconds(30), small.timeout());
    assertEquals(2, small.retries());
    assertNull(small.apiKeyEnv());
    assertEquals(0.0, small.price(1000, 1000));
    ModelSpec big = pool.get(1);
    assertEquals(Duration.ofSeconds(90), big.timeout());
    assertEquals("EXAMPLE_API_KEY", big.apiKeyEnv());
    assertEquals(12000, big.promptTokens());
    assertEquals(2.5 + 10, big.price(1_000_000, 1_000_000), 1e-9);
  }

  private static String error(String json) {
    return assertThrows(PoolConfigException.class, () -> PoolFile.parse(json, "pool.json"))
        .getMessage();
  }

  private static String entry(String extra) {
    return "{\"advisors\": [{\"name\": \"m\", \"backend\": \"openai\", \"base-url\": "
        + "\"http://127.0.0.1:8000/v1\", \"model\": \"x\", \"size-params\": 7e9" + extra + "}]}";
  }

  @Test
  void mistakesAreReportedWithFileEntryAndKey() {
    assertTrue(error("{\"advisors\": [\n  {\"name\": }\n]}").startsWith("pool.json:2:"),
        "malformed JSON is located");
    assertEquals("pool.json: advisor #1 ('m'): missing 'model'",
        error(entry("").replace("\"model\": \"x\", ", "")));
    assertTrue(error(entry(", \"backend\": \"vllm\"").replace("\"backend\": \"openai\", ", ""))
        .contains("unknown backend 'vllm'; expected openai or ollama"));
    assertTrue(error(entry("").replace("http://127.0.0.1:8000/v1", "localhost:8000"))
        .contains("'base-url' is not an http(s) URL"));
    assertTrue(error(entry(", \"timeout\": 5")).contains("unknown key 'timeout'"));
    assertTrue(error(entry(", \"retries\": -1")).contains("'retries' must be at least 0"));
    assertTrue(error(entry(", \"size-params\": 0").replace("\"size-params\": 7e9, ", ""))
        .contains("'size-params' must be above 0"));
    assertTrue(error("{\"advisors\": []}").contains("non-empty array"));
    String twice = "{\"advisors\": [" + entry("").substring(14, entry("").length() - 2) + ", "
        + entry("").substring(14, entry("").length() - 2) + "]}";
    assertTrue(error(twice).contains("advisor #2 ('m'): advisor name used twice"), error(twice));
  }

  @Test
  void aKeyPastedInsteadOfAVariableNameIsRejectedWithoutEchoingIt() {
    String message = error(entry(", \"api-key-env\": \"sk-live-123456\""));
    assertTrue(message.contains("must name an environment variable"), message);
    assertFalse(message.contains("sk-live-123456"));
  }

  @Test
  void aMissingFileIsNamed() {
    assertTrue(assertThrows(PoolConfigException.class,
        () -> PoolFile.read(Path.of("no/such/pool.json"))).getMessage()
        .contains("no/such/pool.json: advisor pool file not found"));
  }
}
