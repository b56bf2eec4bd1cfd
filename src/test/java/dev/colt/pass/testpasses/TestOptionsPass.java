// A test-only pass declaring one option of every kind; it leaves the IR unchanged.
package dev.colt.pass.testpasses;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import java.util.List;

/** {@code test-options}: exercises option parsing and printing. */
public final class TestOptionsPass implements Pass {
  public static final PassOption<Integer> COUNT = PassOption.ofInt("count", 1, "an int");
  public static final PassOption<Long> BIG = PassOption.ofLong("big", 1L << 40, "a long");
  public static final PassOption<Double> RATIO = PassOption.ofDouble("ratio", 0.5, "a double");
  public static final PassOption<Boolean> FLAG = PassOption.ofBool("flag", false, "a bool");
  public static final PassOption<String> LABEL = PassOption.ofString("label", "x", "a string");
  public static final PassOption<List<Integer>> SIZES = PassOption.ofIntList("tile-sizes",
      List.of(32, 32), "an int list");
  public static final PassOption<String> MODE = PassOption.ofEnum("mode",
      List.of("fast", "exact", "off"), "fast", "an enum");

  public static final PassInfo INFO = new PassInfo("test-options", "Declares every option kind",
      "", PassInfo.Anchor.FUNCTION, List.of(COUNT, BIG, RATIO, FLAG, LABEL, SIZES, MODE),
      PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    return op;
  }
}
