// A test-only module pass that emits a remark naming how many top-level ops the module has.
package dev.colt.pass.testpasses;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import java.util.List;

/** {@code test-module-remark}: anchored on builtin.module. */
public final class TestModulePass implements Pass {
  public static final PassInfo INFO = new PassInfo("test-module-remark",
      "Remarks on the number of top-level ops", "", PassInfo.Anchor.MODULE, List.of(),
      PassInfo.Example.NONE);

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    context.remark(op, "module with " + op.body().operations().size() + " ops");
    return op;
  }
}
