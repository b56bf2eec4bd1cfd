// The custom text form of one operation kind: how it prints and parses.
package dev.colt.ir.text;

import dev.colt.ir.Location;
import dev.colt.ir.Operation;

/**
 * Custom assembly for an op, as mlir-opt prints it. The generic printer writes result names and
 * {@code " = "} and the op name; {@link #print} writes what follows the name (starting with a space
 * when non-empty). {@link #parse} is called after the op name was consumed and must consume the rest
 * of the op; it returns the op with fresh result values (the caller binds result names and checks
 * their count). Ops without an OpSyntax use MLIR's generic form.
 */
public interface OpSyntax {
  /** Prints everything after the op name. */
  void print(Operation op, OpPrinter printer);

  /**
   * Parses everything after the op name. Fails by throwing the exception from
   * {@link OpParser#error(String)} (a located diagnostic), never with another exception.
   *
   * @param location where the op starts, to store in the built op
   */
  Operation parse(OpParser parser, Location location);

  /**
   * The dialect whose op names may be written without their prefix inside this op's regions, as
   * MLIR's {@code getDefaultDialect} ({@code "func"} for func.func: {@code return}); empty for none.
   */
  default String defaultDialect() {
    return "";
  }

  /**
   * The name mlir-opt gives the op's single result (MLIR's {@code getAsmResultNames}), such as
   * {@code "alloc"} for memref.alloc; the printer makes it unique ({@code %alloc_0}). Null (the
   * default) for a plain number. Constant-like ops with a {@code value} attribute are named like
   * arith.constant ({@code %cst}, {@code %c0}, {@code %c1_i32}) unless they override this.
   */
  default String resultNameHint(Operation op) {
    return null;
  }
}
