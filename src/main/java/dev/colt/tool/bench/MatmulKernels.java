// The matmul kernels of the benchmark (C += A * B, fp32, n x n), in IR text with two loop orders.
package dev.colt.tool.bench;

/** Affine IR text of an n x n x n fp32 matmul in the ijk or ikj loop order. */
final class MatmulKernels {
  private MatmulKernels() {}

  /** Function name used for size n (unique per size so several can be linked at once). */
  static String name(String order, int n) {
    return "matmul_" + order + "_" + n;
  }

  /** {@code order} is "ijk" or "ikj"; the loop nest is otherwise the same. */
  static String text(String order, int n) {
    String t = "memref<" + n + "x" + n + "xf32>";
    String[] loops = order.equals("ijk") ? new String[] {"i", "j", "k"}
        : new String[] {"i", "k", "j"};
    StringBuilder sb = new StringBuilder();
    sb.append("func.func @").append(name(order, n)).append("(%A: ").append(t).append(", %B: ")
        .append(t).append(", %C: ").append(t).append(") {\n");
    String indent = "  ";
    for (String l : loops) {
      sb.append(indent).append("affine.for %").append(l).append(" = 0 to ").append(n)
          .append(" {\n");
      indent += "  ";
    }
    sb.append(indent).append("%a = affine.load %A[%i, %k] : ").append(t).append('\n');
    sb.append(indent).append("%b = affine.load %B[%k, %j] : ").append(t).append('\n');
    sb.append(indent).append("%c = affine.load %C[%i, %j] : ").append(t).append('\n');
    sb.append(indent).append("%p = arith.mulf %a, %b : f32\n");
    sb.append(indent).append("%s = arith.addf %c, %p : f32\n");
    sb.append(indent).append("affine.store %s, %C[%i, %j] : ").append(t).append('\n');
    for (int d = 0; d < 3; d++) {
      indent = indent.substring(2);
      sb.append(indent).append("}\n");
    }
    sb.append("  return\n}\n");
    return sb.toString();
  }
}
