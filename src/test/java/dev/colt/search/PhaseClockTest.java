// Tests of the search's phase accounting with a scripted clock.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
  private static final long MS = 1_000_000;

  @Test
  void nestedSectionsAreChargedOnceAndTheRestIsOther() {
    AtomicLong now = new AtomicLong();
    PhaseClock clock = new PhaseClock(now::get);
    now.addAndGet(5 * MS);
    clock.time(PhaseClock.Phase.ADVISOR, () -> {
      now.addAndGet(10 * MS);
      clock.time(PhaseClock.Phase.APPLY, () -> now.addAndGet(30 * MS));
      return now.addAndGet(2 * MS);
    });
    clock.time(PhaseClock.Phase.RUN, () -> {
      now.addAndGet(100 * MS);
      clock.reassign(PhaseClock.Phase.COMPILE, 40 * MS);
      return null;
    });
    now.addAndGet(3 * MS);
    PhaseClock.Phases p = clock.snapshot();
    assertEquals(150, p.wallMillis());
    assertEquals(12, p.of(PhaseClock.Phase.ADVISOR));
    assertEquals(30, p.of(PhaseClock.Phase.APPLY));
    assertEquals(40, p.of(PhaseClock.Phase.COMPILE));
    assertEquals(60, p.of(PhaseClock.Phase.RUN));
    assertEquals(8, p.of(PhaseClock.Phase.OTHER));
    assertEquals(p.wallMillis(), p.millis().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(50.0 / 150, p.overheadShare(), 1e-9);
  }

  @Test
  void aThrowingSectionIsStillCharged() {
    AtomicLong now = new AtomicLong();
    PhaseClock clock = new PhaseClock(now::get);
    assertThrows(IllegalActionException.class, () -> clock.timeChecked(PhaseClock.Phase.APPLY,
        () -> {
          now.addAndGet(7 * MS);
          throw new IllegalActionException("refused");
        }));
    assertEquals(7, clock.snapshot().of(PhaseClock.Phase.APPLY));
  }
}
