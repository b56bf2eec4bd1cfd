// A basic block: arguments and a list of operations ending in a terminator.
package dev.colt.ir;

import java.util.ArrayList;
import java.util.List;

/** An immutable block of operations with typed arguments. */
public record Block(List<Value> arguments, List<Operation> operations) {
  public Block {
    arguments = List.copyOf(arguments);
    operations = List.copyOf(operations);
  }

  /** The last operation, or null for an empty block. */
  public Operation terminator() {
    return operations.isEmpty() ? null : operations.get(operations.size() - 1);
  }

  /** A copy with different operations and the same arguments. */
  public Block withOperations(List<Operation> ops) {
    return new Block(arguments, ops);
  }

  /** Operations without the trailing terminator (precondition: non-empty). */
  public List<Operation> withoutTerminator() {
    return operations.subList(0, operations.size() - 1);
  }

  /** Mutable accumulator for building a block front to back. */
  public static final class Builder {
    private final List<Value> arguments;
    private final List<Operation> operations = new ArrayList<>();

    public Builder(List<Value> arguments) {
      this.arguments = List.copyOf(arguments);
    }

    public Builder() {
      this(List.of());
    }

    public List<Value> arguments() {
      return arguments;
    }

    public Value argument(int i) {
      return arguments.get(i);
    }

    /** Appends an op and returns it. */
    public Operation add(Operation op) {
      operations.add(op);
      return op;
    }

    /** Appends a single-result op and returns its result. */
    public Value addValue(Operation op) {
      operations.add(op);
      return op.result();
    }

    public Block build() {
      return new Block(arguments, operations);
    }
  }
}
