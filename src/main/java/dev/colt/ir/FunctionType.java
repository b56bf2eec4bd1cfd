// Function type: inputs and results.
package dev.colt.ir;

import java.util.List;
import java.util.stream.Collectors;

/** The type of a function, {@code (i32, f32) -> f32}. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
  public FunctionType {
    inputs = List.copyOf(inputs);
    results = List.copyOf(results);
  }

  @Override
  public String toString() {
    String in = inputs.stream().map(Type::toString).collect(Collectors.joining(", ", "(", ")"));
    String out;
    if (results.size() == 1 && !(results.get(0) instanceof FunctionType)) {
      out = results.get(0).toString();
    } else {
      out = results.stream().map(Type::toString).collect(Collectors.joining(", ", "(", ")"));
    }
    return in + " -> " + out;
  }
}
