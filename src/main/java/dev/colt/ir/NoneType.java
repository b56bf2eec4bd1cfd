// The none type, used where an op has no meaningful value type.
package dev.colt.ir;

/** MLIR's {@code none} type. */
public record NoneType() implements Type {
  public static final NoneType INSTANCE = new NoneType();

  @Override
  public String toString() {
    return "none";
  }
}
