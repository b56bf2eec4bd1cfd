// Encodes function signatures as MLIR type strings for the worker protocol, and parses them back.
package dev.colt.exec.isolate;

import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the MLIR spelling of the types a lowered signature can hold (fN, iN, index, memref and
 * vector of those with static or {@code ?} dims), the inverse of {@link Type#toString()} on them.
 * Fails with IllegalArgumentException on anything else.
 */
final class TypeCodec {
  private TypeCodec() {}

  static Type parse(String s) {
    if (s.equals("index")) {
      return IndexType.INSTANCE;
    }
    if (s.matches("f(16|32|64)")) {
      return new FloatType(Integer.parseInt(s.substring(1)));
    }
    if (s.matches("i\\d+")) {
      return new IntegerType(Integer.parseInt(s.substring(1)));
    }
    boolean memref = s.startsWith("memref<");
    boolean vector = s.startsWith("vector<");
    if ((memref || vector) && s.endsWith(">")) {
      String body = s.substring(7, s.length() - 1);
      List<Long> shape = new ArrayList<>();
      int depth = 0;
      int start = 0;
      String element = null;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '<') {
          depth++;
        } else if (c == '>') {
          depth--;
        } else if (c == 'x' && depth == 0) {
          String dim = body.substring(start, i);
          if (!dim.matches("\\d+|\\?")) {
            element = body.substring(start);
            break;
          }
          shape.add(dim.equals("?") ? ShapedType.DYNAMIC : Long.parseLong(dim));
          start = i + 1;
        }
      }
      if (element == null) {
        element = body.substring(start);
      }
      Type elem = parse(element);
      return memref ? new MemRefType(shape, elem) : new VectorType(shape, elem);
    }
    throw new IllegalArgumentException("cannot decode type '" + s + "'");
  }

  static List<String> encode(FunctionType t) {
    List<String> out = new ArrayList<>();
    out.add(Integer.toString(t.inputs().size()));
    t.inputs().forEach(x -> out.add(x.toString()));
    out.add(Integer.toString(t.results().size()));
    t.results().forEach(x -> out.add(x.toString()));
    return out;
  }

  static FunctionType decode(List<String> parts) {
    int n = Integer.parseInt(parts.get(0));
    List<Type> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.add(parse(parts.get(1 + i)));
    }
    int m = Integer.parseInt(parts.get(1 + n));
    List<Type> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      out.add(parse(parts.get(2 + n + i)));
    }
    return new FunctionType(in, out);
  }
}
