// A structural fingerprint of an op tree that ignores value identity and loop names, for duplicate detection.
package dev.colt.analysis;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Two op trees get the same hash when they have the same ops, attributes (except the
 * {@code colt.loop} handles) and types, with values numbered in order of definition: the same
 * program up to SSA value identity and loop names. The hash is stable across runs (FNV-1a over a
 * canonical text).
 */
public final class StructuralHash {
  private final Map<Value, Integer> numbers = new IdentityHashMap<>();
  private final StringBuilder text = new StringBuilder();
  // Printing a type or attribute builds strings; a program repeats few distinct ones.
  private final Map<Type, String> typeText = new HashMap<>();
  private final Map<Attribute, String> attrText = new HashMap<>();

  private StructuralHash() {}

  /** The 64-bit structural hash of {@code root}. */
  public static long of(Operation root) {
    return fnv(canonicalText(root));
  }

  /** The canonical text the hash is computed from (for tests and debugging). */
  public static String canonicalText(Operation root) {
    StructuralHash h = new StructuralHash();
    h.op(root);
    return h.text.toString();
  }

  private int number(Value v) {
    return numbers.computeIfAbsent(v, k -> numbers.size());
  }

  private void op(Operation op) {
    text.append(op.name()).append('(');
    for (Value v : op.operands()) {
      Integer n = numbers.get(v);
      if (n == null) {
        text.append('?').append(type(v.type()));
      } else {
        text.append('%').append(n);
      }
      text.append(',');
    }
    text.append(")->(");
    for (Value r : op.results()) {
      text.append('%').append(number(r)).append(':').append(type(r.type())).append(',');
    }
    text.append("){");
    op.attributes().forEach((k, a) -> {
      if (!k.equals(LoopHandles.ATTR)) {
        text.append(k).append('=');
        attr(a);
        text.append(';');
      }
    });
    text.append('}');
    for (Region r : op.regions()) {
      text.append('[');
      for (Block b : r.blocks()) {
        text.append('^');
        for (Value a : b.arguments()) {
          text.append('%').append(number(a)).append(':').append(type(a.type())).append(',');
        }
        text.append(':');
        for (Operation child : b.operations()) {
          op(child);
          text.append('\n');
        }
      }
      text.append(']');
    }
  }

  private String type(Type t) {
    return typeText.computeIfAbsent(t, Object::toString);
  }

  private void attr(Attribute a) {
    switch (a) {
      case Attribute.DenseElementsAttr d -> text.append("dense<").append(d.type()).append(':')
          .append(java.util.Arrays.toString(d.values())).append('>');
      case Attribute.ArrayAttr arr -> {
        text.append('[');
        for (Attribute e : arr.elements()) {
          attr(e);
          text.append(',');
        }
        text.append(']');
      }
      case Attribute.DictionaryAttr dict -> {
        text.append('{');
        dict.entries().forEach((k, v) -> {
          text.append(k).append('=');
          attr(v);
          text.append(',');
        });
        text.append('}');
      }
      default -> text.append(attrText.computeIfAbsent(a, Object::toString));
    }
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
