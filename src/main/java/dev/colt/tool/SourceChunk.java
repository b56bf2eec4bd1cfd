// One piece of an input file, as cut by --split-input-file, keeping its position in the file.
package dev.colt.tool;

import java.util.ArrayList;
import java.util.List;

/**
 * A chunk of a source file. {@link #paddedText()} prefixes the chunk with as many newlines as lines
 * precede it, so that locations reported while parsing it are locations in the whole file.
 *
 * @param text the chunk's own text
 * @param firstLine the 1-based line of the file where the chunk starts
 */
record SourceChunk(String text, int firstLine) {
  /** The separator line of {@code --split-input-file}, as in mlir-opt. */
  static final String SEPARATOR = "// -----";

  String paddedText() {
    return "\n".repeat(firstLine - 1) + text;
  }

  /** The whole file as one chunk, or cut at every line that starts with {@code // -----}. */
  static List<SourceChunk> split(String source, boolean split) {
    if (!split) {
      return List.of(new SourceChunk(source, 1));
    }
    List<SourceChunk> chunks = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    StringBuilder current = new StringBuilder();
    int start = 1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(SEPARATOR)) {
        chunks.add(new SourceChunk(current.toString(), start));
        current.setLength(0);
        start = i + 2;
      } else {
        current.append(lines[i]);
        if (i + 1 < lines.length) {
          current.append('\n');
        }
      }
    }
    chunks.add(new SourceChunk(current.toString(), start));
    return chunks;
  }
}
