// Keeps passes/*.md in sync with the registered passes: every pass has its page, every page a pass.
package dev.colt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PassDocsTest {
  private static final Path DOCS = Path.of("passes");
  private static final String FIX = "; regenerate with: bin/colt-opt --generate-pass-docs passes/";

  @Test
  void everyPassHasAnUpToDatePage() throws IOException {
    PassRegistry registry = PassRegistry.global();
    for (Pass p : registry.all()) {
      if (p.info().isTestPass()) {
        continue;
      }
      Path page = DOCS.resolve(p.info().name() + ".md");
      assertTrue(Files.exists(page), "pass '" + p.info().name() + "' has no " + page + FIX);
      assertEquals(PassDocs.markdown(p, registry), Files.readString(page),
          page + " is out of date" + FIX);
    }
  }

  @Test
  void everyPageBelongsToAPass() throws IOException {
    Set<String> passes = PassRegistry.global().all().stream().map(p -> p.info().name())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
    }
    for (String page : pages) {
      assertTrue(passes.contains(page), "passes/" + page + ".md documents no registered pass"
          + " (delete it or restore the pass)");
    }
  }

  @Test
  void everyNamedPipelineParses() throws IOException {
    List<Path> pipelines;
    try (Stream<Path> files = Files.list(DOCS)) {
      pipelines = files.filter(f -> f.toString().endsWith(".pipeline")).sorted().toList();
    }
    assertTrue(pipelines.size() >= 2, "expected the shipped named pipelines");
    for (Path file : pipelines) {
      PipelineParser.parse(Files.readString(file), file.toString(), PassRegistry.global());
    }
  }

  @Test
  void pagesShowOptionsAndTheExampleOutput() {
    String page = PassDocs.markdown(PassRegistry.global().lookup("canonicalize"),
        PassRegistry.global());
    assertTrue(page.contains("| `max-iterations` | int | `10` |"), page);
    String after = page.substring(page.indexOf("After:"));
    assertTrue(after.contains("%arg0[3]"), after);
    assertTrue(!after.contains("affine.apply"), after);
  }
}
