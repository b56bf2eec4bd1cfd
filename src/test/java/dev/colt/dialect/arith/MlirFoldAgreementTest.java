// Differential test: our constant folds agree bit for bit with mlir-opt-22 --canonicalize.
package dev.colt.dialect.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.func.FuncOp;
import dev.colt.dialect.func.ReturnOp;
import dev.colt.dialect.math.AbsFOp;
import dev.colt.dialect.math.FmaOp;
import dev.colt.dialect.math.SqrtOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MlirFoldAgreementTest {
  private static final Path MLIR_OPT = Path.of("/usr/bin/mlir-opt-22");

  private static final double[] FLOATS = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, 0.1f, 3.4e38f, Float.MIN_VALUE, -2.5};
  private static final long[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -3, 100,
      -128};
  private static final double[] DOUBLES = {0.1, 1e300, -1e-300, 65519.99, 65520.0, 3.0e-5,
      1.0000000596046448, 2049.0, 1.0 / 3, -0.0, Double.NaN, 4294967296.5, -2147483648.9};

  /** One case: a function computing {@code op} on constants, and our fold of it. */
  private record Case(String function, Attribute ours) {}

  private final List<Case> cases = new ArrayList<>();
  private final List<Operation> functions = new ArrayList<>();

  /**
   * Adds {@code func @fN} returning {@code build(constant values)}; records our folding of the op
   * (null when we do not fold).
   */
  private void add(List<Attribute> constants, Function<List<Value>, Operation> build) {
    String name = "f" + functions.size();
    Operation[] built = new Operation[1];
    List<Operation> consts = new ArrayList<>();
    for (Attribute a : constants) {
      consts.add(ConstantOp.create(a));
    }
    Operation probe = build.apply(consts.stream().map(Operation::result).toList());
    Type resultType = probe.result().type();
    functions.add(FuncOp.create(name, new FunctionType(List.of(), List.of(resultType)), b -> {
      for (Operation c : consts) {
        b.add(c);
      }
      built[0] = b.add(probe);
      b.add(ReturnOp.create(List.of(built[0].result())));
    }));
    OpDefinition def = OpRegistry.global().lookup(probe.name());
    List<Attribute> folded = def.fold(probe, constants);
    Attribute ours = folded == null ? null : folded.get(0);
    Value same = ours == null ? def.foldToValue(probe, constants) : null;
    if (same != null) {
      ours = constants.get(probe.operands().indexOf(same));
    }
    cases.add(new Case(name, ours));
  }

  private static FloatAttr f(double v, FloatType t) {
    return new FloatAttr(ArithSemantics.round(v, t), t);
  }

  private static Attribute i(long v, Type t) {
    return new Attribute.IntegerAttr(ArithSemantics.normalize(v, t), t);
  }

  private void buildCases() {
    FloatType f32 = FloatType.F32;
    List<Function<List<Value>, Operation>> floatBinary = List.of(
        v -> AddFOp.create(v.get(0), v.get(1)), v -> SubFOp.create(v.get(0), v.get(1)),
        v -> MulFOp.create(v.get(0), v.get(1)), v -> DivFOp.create(v.get(0), v.get(1)),
        v -> RemFOp.create(v.get(0), v.get(1)), v -> MaximumFOp.create(v.get(0), v.get(1)),
        v -> MinimumFOp.create(v.get(0), v.get(1)));
    for (double a : FLOATS) {
      for (double b : FLOATS) {
        List<Attribute> c = List.of(f(a, f32), f(b, f32));
        for (Function<List<Value>, Operation> op : floatBinary) {
          add(c, op);
        }
        for (CmpFOp.Predicate p : CmpFOp.Predicate.values()) {
          add(c, v -> CmpFOp.create(p, v.get(0), v.get(1)));
        }
        List<Attribute> h = List.of(f(a * 1000, FloatType.F16), f(b / 3, FloatType.F16));
        add(h, v -> AddFOp.create(v.get(0), v.get(1)));
        add(h, v -> DivFOp.create(v.get(0), v.get(1)));
        add(List.of(f(a, f32), f(b, f32), f(0.1, f32)),
            v -> FmaOp.create(v.get(0), v.get(1), v.get(2)));
      }
      add(List.of(f(a, f32)), v -> NegFOp.create(v.get(0)));
      add(List.of(f(a, f32)), v -> SqrtOp.create(v.get(0)));
      add(List.of(f(a, f32)), v -> AbsFOp.create(v.get(0)));
      add(List.of(f(a * 3e9, f32)), v -> FPToSIOp.create(v.get(0), IntegerType.I32));
      add(List.of(f(a * 100.7, f32)), v -> FPToSIOp.create(v.get(0), IntegerType.I8));
      add(List.of(f(a, f32)), v -> ExtFOp.create(v.get(0), FloatType.F64));
    }
    for (double d : DOUBLES) {
      add(List.of(f(d, FloatType.F64)), v -> TruncFOp.create(v.get(0), f32));
      add(List.of(f(d, FloatType.F64)), v -> TruncFOp.create(v.get(0), FloatType.F16));
    }
    List<Function<List<Value>, Operation>> intBinary = List.of(
        v -> AddIOp.create(v.get(0), v.get(1)), v -> SubIOp.create(v.get(0), v.get(1)),
        v -> MulIOp.create(v.get(0), v.get(1)), v -> DivSIOp.create(v.get(0), v.get(1)),
        v -> RemSIOp.create(v.get(0), v.get(1)), v -> FloorDivSIOp.create(v.get(0), v.get(1)),
        v -> CeilDivSIOp.create(v.get(0), v.get(1)), v -> MinSIOp.create(v.get(0), v.get(1)),
        v -> MaxSIOp.create(v.get(0), v.get(1)), v -> AndIOp.create(v.get(0), v.get(1)),
        v -> OrIOp.create(v.get(0), v.get(1)), v -> XOrIOp.create(v.get(0), v.get(1)));
    for (Type t : List.of(IntegerType.I32, IntegerType.I8)) {
      for (long a : INTS) {
        for (long b : INTS) {
          List<Attribute> c = List.of(i(a, t), i(b, t));
          for (Function<List<Value>, Operation> op : intBinary) {
            add(c, op);
          }
          for (CmpIOp.Predicate p : CmpIOp.Predicate.values()) {
            add(c, v -> CmpIOp.create(p, v.get(0), v.get(1)));
          }
        }
      }
    }
    for (long a : INTS) {
      add(List.of(i(a, IntegerType.I32)), v -> SIToFPOp.create(v.get(0), f32));
      add(List.of(i(a, IntegerType.I32)), v -> UIToFPOp.create(v.get(0), f32));
      add(List.of(i(a * 1234567891L, IntegerType.I64)), v -> UIToFPOp.create(v.get(0), f32));
      add(List.of(i(a * 987654321987L, IntegerType.I64)), v -> SIToFPOp.create(v.get(0),
          FloatType.F16));
      add(List.of(i(a, IntegerType.I32)), v -> TruncIOp.create(v.get(0), IntegerType.I8));
      add(List.of(i(a, IntegerType.I8)), v -> ExtSIOp.create(v.get(0), IntegerType.I64));
      add(List.of(i(a * 99999999999L, IndexType.INSTANCE)),
          v -> IndexCastOp.create(v.get(0), IntegerType.I32));
      add(List.of(i(a, IntegerType.I32)), v -> IndexCastOp.create(v.get(0), IndexType.INSTANCE));
      add(List.of(i(a & 1, IntegerType.I1), i(a, IntegerType.I32), i(-a, IntegerType.I32)),
          v -> SelectOp.create(v.get(0), v.get(1), v.get(2)));
    }
  }

  @Test
  void foldsAgreeWithMlirCanonicalize() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(MLIR_OPT), "mlir-opt-22 not installed");
    buildCases();
    String text = Printer.print(ModuleOp.create(functions));
    Path in = Files.createTempFile("colt-fold", ".mlir");
    String out;
    try {
      Files.writeString(in, text);
      Process p = new ProcessBuilder(MLIR_OPT.toString(), "--canonicalize", in.toString())
          .redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
    } finally {
      Files.deleteIfExists(in);
    }
    Operation folded = Parser.parseModule(out, "canonicalized.mlir");
    Map<String, Attribute> mlir = new HashMap<>();
    for (Operation fn : ModuleOp.body(folded)) {
      Block body = fn.body();
      Value returned = body.terminator().operand(0);
      for (Operation op : body.operations()) {
        if (op.is(ConstantOp.NAME) && op.result() == returned) {
          mlir.put(FuncOp.name(fn), ConstantOp.value(op));
        }
      }
    }
    List<String> disagreements = new ArrayList<>();
    int both = 0;
    for (int k = 0; k < cases.size(); k++) {
      Case c = cases.get(k);
      Attribute theirs = mlir.get(c.function());
      String what = opNames(functions.get(k));
      if (c.ours() == null && theirs == null) {
        continue;
      }
      if (theirs == null && mlirDeclines(what)) {
        continue;
      }
      if (c.ours() == null || theirs == null) {
        disagreements.add((c.ours() == null ? "only mlir-opt folds to " + theirs
            : "only we fold, to " + c.ours()) + ":\n" + Printer.print(functions.get(k)));
        continue;
      }
      both++;
      if (!sameValue(c.ours(), theirs)) {
        disagreements.add("we fold to " + c.ours() + ", mlir-opt to " + theirs + ":\n"
            + Printer.print(functions.get(k)));
      }
    }
    assertEquals(List.of(), disagreements.subList(0, Math.min(10, disagreements.size())),
        disagreements.size() + " disagreements");
    assertTrue(both > cases.size() * 8 / 10, both + " of " + cases.size() + " folded by both");
  }

  /**
   * Folds MLIR 22 leaves out although the result is defined: math.fma has no folder, math.sqrt
   * declines negative operands (IEEE gives NaN, or -0 for -0), arith.truncf folds only exact
   * conversions (LLVM's fptrunc rounds to nearest even, which we fold).
   */
  private static boolean mlirDeclines(String function) {
    return function.contains("math.fma") || function.contains("math.sqrt")
        || function.contains("arith.truncf");
  }

  private static String opNames(Operation function) {
    StringBuilder sb = new StringBuilder();
    function.walk(op -> sb.append(op.name()).append(' '));
    return sb.toString();
  }

  private static boolean sameValue(Attribute a, Attribute b) {
    if (a instanceof FloatAttr fa && b instanceof FloatAttr fb) {
      if (Double.isNaN(fa.value()) || Double.isNaN(fb.value())) {
        return Double.isNaN(fa.value()) && Double.isNaN(fb.value()) && fa.type().equals(fb.type());
      }
    }
    return a.equals(b);
  }
}
