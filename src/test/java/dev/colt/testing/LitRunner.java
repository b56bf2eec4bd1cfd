// Executes the RUN lines of a lit-style test file in this process (colt-opt, colt-run, FileCheck, not).
package dev.colt.testing;

import dev.colt.tool.ColtOpt;
import dev.colt.tool.ColtRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny lit: each {@code // RUN:} line (continued by a trailing backslash) is a shell-like pipeline
 * of {@code colt-opt}, {@code colt-run}, {@code FileCheck} and {@code not}, with {@code %s} (this
 * file), {@code %S} (its directory) and {@code %t} (a temporary path) substituted. Quotes and
 * {@code 2>&1} work as in a shell. Every command of a pipeline must succeed (lit's pipefail);
 * {@code not} inverts one command's status. {@link #run} returns null on success or a report naming
 * the RUN line, the failing command, its output and FileCheck's explanation.
 */
final class LitRunner {
  /** One RUN line: its 1-based line number and command text. */
  record RunLine(int line, String command) {}

  private record Result(int status, String stdout, String stderr) {}

  private LitRunner() {}

  static List<RunLine> runLines(String text) {
    List<RunLine> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf("RUN:");
      if (at < 0 || !lines[i].substring(0, at).strip().matches("//\\s*")) {
        continue;
      }
      int start = i;
      StringBuilder cmd = new StringBuilder(lines[i].substring(at + 4).strip());
      while (cmd.toString().endsWith("\\") && i + 1 < lines.length) {
        cmd.setLength(cmd.length() - 1);
        i++;
        String next = lines[i].strip();
        int r = next.indexOf("RUN:");
        cmd.append(' ').append(r >= 0 ? next.substring(r + 4).strip() : next);
      }
      out.add(new RunLine(start + 1, cmd.toString()));
    }
    return out;
  }

  /** Runs every RUN line of {@code file}; null when all pass, else the failure report. */
  static String run(Path file, Path tempDir) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    for (RunLine rl : runLines(text)) {
      String command = rl.command()
          .replace("%s", file.toAbsolutePath().toString())
          .replace("%S", file.toAbsolutePath().getParent().toString())
          .replace("%t", tempDir.resolve(file.getFileName() + ".tmp").toString());
      String failure = runPipeline(command, text, file);
      if (failure != null) {
        return file + ":" + rl.line() + ": RUN: " + rl.command() + "\n" + failure;
      }
    }
    return null;
  }

  private static String runPipeline(String command, String fileText, Path file) {
    List<List<String>> stages = split(tokenize(command));
    byte[] input = new byte[0];
    for (List<String> stage : stages) {
      List<String> words = new ArrayList<>(stage);
      boolean negate = false;
      while (!words.isEmpty() && words.get(0).equals("not")) {
        negate = !negate;
        words.remove(0);
      }
      boolean mergeStderr = words.remove("2>&1");
      if (words.isEmpty()) {
        return "empty command in pipeline";
      }
      Result r = execute(words, input, fileText, file);
      boolean ok = negate ? r.status() != 0 : r.status() == 0;
      if (!ok) {
        return "command '" + String.join(" ", stage) + "' "
            + (negate ? "succeeded but was expected to fail" : "failed with status " + r.status())
            + "\n--- stdout:\n" + r.stdout() + "--- stderr:\n" + r.stderr();
      }
      String out = mergeStderr ? r.stdout() + r.stderr() : r.stdout();
      input = out.getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }

  private static Result execute(List<String> words, byte[] input, String fileText, Path file) {
    String tool = words.get(0);
    String[] args = words.subList(1, words.size()).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int status = switch (tool) {
        case "colt-opt" -> ColtOpt.run(args, new ByteArrayInputStream(input), po, pe);
        case "colt-run" -> ColtRun.run(args, new ByteArrayInputStream(input), po, pe);
        case "FileCheck" -> fileCheck(args, new String(input, StandardCharsets.UTF_8), pe);
        default -> {
          pe.println("unknown command '" + tool + "' (lit runs colt-opt, colt-run, FileCheck, "
              + "not)");
          yield 127;
        }
      };
      return new Result(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  private static int fileCheck(String[] args, String input, PrintStream err) {
    String prefix = "CHECK";
    String checkFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--check-prefix=") || args[i].startsWith("-check-prefix=")) {
        prefix = args[i].substring(args[i].indexOf('=') + 1);
      } else if (args[i].equals("--check-prefix") && i + 1 < args.length) {
        prefix = args[++i];
      } else {
        checkFile = args[i];
      }
    }
    if (checkFile == null) {
      err.println("FileCheck: no check file given");
      return 2;
    }
    String checks;
    try {
      checks = Files.readString(Path.of(checkFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("FileCheck: cannot read " + checkFile + ": " + e.getMessage());
      return 2;
    }
    String report = FileCheck.check(checks, checkFile, input, prefix);
    if (report != null) {
      err.print(report);
      err.println("--- input was:\n" + input);
      return 1;
    }
    return 0;
  }

  /** Shell-like words: whitespace separates, quotes group, backslash escapes; {@code |} alone. */
  static List<String> tokenize(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\'' || c == '"') {
        int close = command.indexOf(c, i + 1);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated quote in RUN line: " + command);
        }
        w.append(command, i + 1, close);
        i = close;
        inWord = true;
      } else if (c == '\\' && i + 1 < command.length()) {
        w.append(command.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c) || c == '|') {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
        if (c == '|') {
          words.add("|");
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  private static List<List<String>> split(List<String> words) {
    List<List<String>> stages = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String word : words) {
      if (word.equals("|")) {
        stages.add(current);
        current = new ArrayList<>();
      } else {
        current.add(word);
      }
    }
    stages.add(current);
    return stages;
  }
}
