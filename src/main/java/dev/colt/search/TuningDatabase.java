// Append-only JSON-lines tuning database: measurements and run summaries per workload and target.
package dev.colt.search;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tuning database in one file of JSON lines. Records are only appended; each append is flushed and
 * forced to disk before returning, so killing the process at any moment loses at most the record
 * being written. A torn last line (from such a kill) and lines that are not records are skipped when
 * reading, with a count in {@link #skippedLines()}. Not safe for concurrent writers.
 */
public final class TuningDatabase {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = TuningRecord.Measurement.class, name = "measurement"),
      @JsonSubTypes.Type(value = TuningRecord.Run.class, name = "run")})
  private interface RecordMixin {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .addMixIn(TuningRecord.class, RecordMixin.class)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.INDENT_OUTPUT, false);

  private final Path file;
  private final List<TuningRecord> records = new ArrayList<>();
  private int skippedLines;

  private TuningDatabase(Path file) {
    this.file = file;
  }

  /**
   * Opens (creating when absent) the database at {@code file} and reads its records. Fails with
   * IOException when the file cannot be read or created.
   */
  public static TuningDatabase open(Path file) throws IOException {
    TuningDatabase db = new TuningDatabase(file);
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          db.records.add(JSON.readValue(line, TuningRecord.class));
        } catch (JsonProcessingException e) {
          db.skippedLines++;
        }
      }
    } else {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.createFile(file);
    }
    return db;
  }

  public Path file() {
    return file;
  }

  /** Lines that could not be read as records (a torn last line after a kill, foreign text). */
  public int skippedLines() {
    return skippedLines;
  }

  public List<TuningRecord> records() {
    return List.copyOf(records);
  }

  /**
   * Appends a record durably. Fails with UncheckedIOException when the write fails; the record is
   * then not in {@link #records()} either.
   */
  public synchronized void append(TuningRecord record) {
    try {
      String line = JSON.writeValueAsString(record) + "\n";
      try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
        if (out.getChannel().size() > 0 && !endsWithNewline()) {
          out.write('\n');
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.getFD().sync();
      }
      records.add(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to tuning database " + file, e);
    }
  }

  private boolean endsWithNewline() throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      if (size == 0) {
        return true;
      }
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
      ch.read(b, size - 1);
      return b.get(0) == '\n';
    }
  }

  /** The measurements of {@code workload} on {@code target}, in file order. */
  public List<TuningRecord.Measurement> measurements(String workload, String target) {
    return records.stream().filter(r -> r instanceof TuningRecord.Measurement)
        .map(r -> (TuningRecord.Measurement) r)
        .filter(m -> m.workload().equals(workload) && m.target().equals(target)).toList();
  }

  /** The run summaries of {@code workload} on {@code target}, in file order. */
  public List<TuningRecord.Run> runs(String workload, String target) {
    return records.stream().filter(r -> r instanceof TuningRecord.Run)
        .map(r -> (TuningRecord.Run) r)
        .filter(m -> m.workload().equals(workload) && m.target().equals(target)).toList();
  }

  /** The fastest correct measurement of {@code workload} on {@code target}, if any. */
  public Optional<TuningRecord.Measurement> best(String workload, String target) {
    return measurements(workload, target).stream()
        .filter(m -> m.status() == Evaluation.Status.OK)
        .max(Comparator.comparingDouble(TuningRecord.Measurement::speedup));
  }

  /** A store answering lookups from this database's measurements of one workload and target. */
  public MeasurementStore storeFor(String workload, String target) {
    java.util.Map<String, Evaluation> byProgram = new java.util.HashMap<>();
    for (TuningRecord.Measurement m : measurements(workload, target)) {
      byProgram.putIfAbsent(m.program(), m.evaluation());
    }
    return hash -> Optional.ofNullable(byProgram.get(hash));
  }

  /**
   * A listener appending one measurement record per newly measured program of a run (reused ones are
   * already in the file).
   */
  public SearchListener recorder(String workload, String target, String run, String strategy) {
    return e -> {
      if (e instanceof SearchEvent.Measured m && !m.reused()) {
        Evaluation ev = m.evaluation();
        append(new TuningRecord.Measurement(workload, target, run, strategy, m.index(),
            m.program(), m.trace(), ev.status(), ev.speedup(), ev.medianMillis(),
            m.advisor(), ev.detail(), m.elapsedMillis()));
      }
    };
  }
}
