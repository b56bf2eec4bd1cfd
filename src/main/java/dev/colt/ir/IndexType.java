// The index type: a target-sized integer used for loop indices and subscripts.
package dev.colt.ir;

/** The {@code index} type (64 bits on the targets COLT supports). */
public record IndexType() implements Type {
  public static final IndexType INSTANCE = new IndexType();

  @Override
  public String toString() {
    return "index";
  }
}
