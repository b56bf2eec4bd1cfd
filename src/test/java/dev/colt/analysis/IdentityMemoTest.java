// Tests of the identity-keyed least-recently-used memo.
package dev.colt.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {
  @Test
  void keysCompareByIdentityAndDetailsByEquality() {
    IdentityMemo<List<Integer>, String, String> memo = new IdentityMemo<>(8);
    List<Integer> a = new ArrayList<>(List.of(1));
    List<Integer> equalToA = new ArrayList<>(List.of(1));
    AtomicInteger computed = new AtomicInteger();
    memo.get(a, "x", () -> "a" + computed.incrementAndGet());
    assertEquals("a1", memo.get(a, new String("x"), () -> "never"));
    assertEquals("a2", memo.get(equalToA, "x", () -> "a" + computed.incrementAndGet()));
    assertEquals("a3", memo.get(a, "y", () -> "a" + computed.incrementAndGet()));
    assertNull(memo.peek(a, "z"));
    assertEquals(3, memo.size());
  }

  @Test
  void keepsTheMostRecentlyUsedEntries() {
    IdentityMemo<Object, Void, Integer> memo = new IdentityMemo<>(2);
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    memo.get(a, k -> 1);
    memo.get(b, k -> 2);
    assertEquals(1, memo.peek(a, null));
    memo.get(c, k -> 3);
    assertEquals(2, memo.size());
    assertNull(memo.peek(b, null), "b was the least recently used");
    assertSame(1, memo.peek(a, null));
    assertThrows(IllegalArgumentException.class, () -> new IdentityMemo<>(0));
  }
}
