// SSA values: op results and block arguments, compared by identity.
package dev.colt.ir;

/**
 * An SSA value. Two values are the same only if they are the same object; a value is defined once
 * (as an operation result or a block argument) in any well-formed tree. Values carry only their type:
 * which op or block defines them is found by walking the IR.
 */
public final class Value {
  private final Type type;

  public Value(Type type) {
    this.type = java.util.Objects.requireNonNull(type, "type");
  }

  public Type type() {
    return type;
  }

  @Override
  public String toString() {
    return "Value@" + Integer.toHexString(System.identityHashCode(this)) + ":" + type;
  }
}
