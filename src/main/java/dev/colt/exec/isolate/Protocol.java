// The worker's request/response frames over stdin/stdout: length-prefixed strings and numbers.
package dev.colt.exec.isolate;

import dev.colt.exec.measure.MeasureConfig;
import dev.colt.exec.measure.Measurement;
import dev.colt.ir.FunctionType;
import dev.colt.lower.llvm.CallingConvention;
import dev.colt.lower.llvm.LoweredModule;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary frames exchanged with {@link WorkerMain}. Every frame starts with {@link #MAGIC}, so
 * anything else on the worker's stdout is detected as a protocol failure. The worker sends one
 * READY frame after loading LLVM and the native runtime; then one response per request.
 *
 * <pre>
 * request  = MAGIC kind:int settings program [program]      kind EVALUATE (2 programs) or RUN (1)
 * settings = signature pipeline:str dynamicSize:long tolerance:double bench:bool config
 * program  = llvmIr:str irName:str symbol:str entry:str
 * response = MAGIC status:int ...   MEASURED 2 measurements speedup:double rounds:int
 *                                       compileNanos:long
 *                                   WRONG message:str compileNanos:long
 *                                   COMPILE_ERROR message:str
 *                                   RAN resultBits:long n:int (arg:int sum:double abs:double)*
 *                                       hasTiming:bool [measurement] compileNanos:long
 * </pre>
 */
final class Protocol {
  static final int MAGIC = 0xC0170001;
  static final int READY = 0;
  static final int EVALUATE = 1;
  static final int RUN = 2;
  static final int MEASURED = 10;
  static final int WRONG = 11;
  static final int COMPILE_ERROR = 12;
  static final int RAN = 13;

  private Protocol() {}

  /** What the worker needs to compile and run one function lowered in the parent. */
  record Program(String llvmIr, String irName, String symbol, String entry) {}

  /** The request settings shared by both request kinds. */
  record Settings(FunctionType signature, String pipeline, long dynamicSize, double tolerance,
      boolean bench, MeasureConfig config) {}

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 30)) {
      throw new IOException("bad string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  static void expectMagic(DataInputStream in) throws IOException {
    int m = in.readInt();
    if (m != MAGIC) {
      throw new IOException(String.format("protocol error: got 0x%08x instead of a frame", m));
    }
  }

  static void writeSettings(DataOutputStream out, Settings s) throws IOException {
    List<String> sig = TypeCodec.encode(s.signature());
    out.writeInt(sig.size());
    for (String x : sig) {
      writeString(out, x);
    }
    writeString(out, s.pipeline());
    out.writeLong(s.dynamicSize());
    out.writeDouble(s.tolerance());
    out.writeBoolean(s.bench());
    MeasureConfig c = s.config();
    out.writeInt(c.warmups());
    out.writeInt(c.minSamples());
    out.writeLong(c.minNanos());
    out.writeLong(c.maxNanos());
    out.writeLong(c.minBatchNanos());
    out.writeInt(c.pinCpu());
  }

  static Settings readSettings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> sig = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sig.add(readString(in));
    }
    String pipeline = readString(in);
    long dyn = in.readLong();
    double tol = in.readDouble();
    boolean bench = in.readBoolean();
    MeasureConfig c = new MeasureConfig(in.readInt(), in.readInt(), in.readLong(), in.readLong(),
        in.readLong(), in.readInt());
    return new Settings(TypeCodec.decode(sig), pipeline, dyn, tol, bench, c);
  }

  static void writeProgram(DataOutputStream out, Program p) throws IOException {
    writeString(out, p.llvmIr());
    writeString(out, p.irName());
    writeString(out, p.symbol());
    writeString(out, p.entry());
  }

  static Program readProgram(DataInputStream in) throws IOException {
    return new Program(readString(in), readString(in), readString(in), readString(in));
  }

  /** The symbol table the Jit needs to look up the program's entry point. */
  static java.util.Map<String, LoweredModule.Symbols> symbols(Program p, FunctionType signature) {
    return java.util.Map.of(p.irName(), new LoweredModule.Symbols(p.symbol(), p.entry(),
        CallingConvention.of(signature)));
  }

  static void writeMeasurement(DataOutputStream out, Measurement m) throws IOException {
    out.writeDouble(m.medianNanos());
    out.writeDouble(m.minNanos());
    out.writeDouble(m.q1Nanos());
    out.writeDouble(m.q3Nanos());
    out.writeInt(m.samples());
    out.writeInt(m.callsPerSample());
  }

  static Measurement readMeasurement(DataInputStream in) throws IOException {
    return new Measurement(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
        in.readInt(), in.readInt());
  }
}
