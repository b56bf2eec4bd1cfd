// A test-only function pass that remarks on each op of a chosen name, or fails on it.
package dev.colt.pass.testpasses;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import java.util.List;

/** {@code test-op-remark}: remarks (or fails, with {@code fail=true}) at every op named {@code op}. */
public final class TestFunctionRemarkPass implements Pass {
  public static final PassOption<String> OP = PassOption.ofString("op", "affine.for",
      "the op name to remark on");
  public static final PassOption<Boolean> FAIL = PassOption.ofBool("fail", false,
      "fail at the first such op instead");

  public static final PassInfo INFO = new PassInfo("test-op-remark",
      "Remarks on (or fails at) ops of one name", "", PassInfo.Anchor.FUNCTION, List.of(OP, FAIL),
      PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    String name = context.option(OP);
    for (Operation inner : op.nestedOps()) {
      if (inner.is(name)) {
        if (context.option(FAIL)) {
          throw context.failure(inner, "found " + name);
        }
        context.remark(inner, "found " + name);
      }
    }
    return op;
  }
}
