// Runs testdata/dialect/affine-memref-roundtrip.mlir through COLT's printer and FileCheck.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.colt.testing.FileCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the file's RUN line does with colt-opt, done in-process until the CLI exists. */
class RoundTripFileCheckTest {
  @Test
  void printedFormMatchesTheChecks() throws Exception {
    Path file = Path.of("testdata/dialect/affine-memref-roundtrip.mlir");
    String text = Files.readString(file);
    String printed = SyntaxRoundTrip.reprint(text);
    assertNull(FileCheck.check(text, file.toString(), printed, "CHECK"), printed);
  }
}
