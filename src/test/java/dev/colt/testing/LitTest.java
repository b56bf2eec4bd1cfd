// Runs every testdata/**/*.mlir file with RUN lines as one dynamic JUnit test.
package dev.colt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The lit-style suite: see {@link LitRunner} for what a RUN line may contain. */
class LitTest {
  private static final Path TESTDATA = Path.of("testdata");

  @TempDir
  Path tempDir;

  @TestFactory
  Stream<DynamicTest> testdata() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TESTDATA)) {
      files = walk.filter(p -> p.toString().endsWith(".mlir")).sorted().toList();
    }
    return files.stream()
        .filter(LitTest::hasRunLines)
        .map(file -> DynamicTest.dynamicTest(TESTDATA.relativize(file).toString(),
            file.toUri(), () -> {
              String failure = LitRunner.run(file, tempDir);
              if (failure != null) {
                fail(failure);
              }
            }));
  }

  private static boolean hasRunLines(Path file) {
    try {
      return !LitRunner.runLines(Files.readString(file)).isEmpty();
    } catch (IOException e) {
      return true;
    }
  }
}
