// Tests of the checksum lines (C printf formatting) and their tolerant comparison.
package dev.colt.exec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  @Test
  void linesSumInDoubleAndSkipScalars() {
    Buffer a = Buffer.allocate(FloatType.F32, 3);
    a.setDouble(0, 1.5);
    a.setDouble(1, -4.0);
    a.setDouble(2, 0.25);
    Buffer c = Buffer.allocate(IntegerType.I32, 2);
    c.setLong(0, -7);
    c.setLong(1, 3);
    List<String> lines = Checksums.lines(List.of(a,
        new RuntimeValue.FloatValue(FloatType.F32, 9), c));
    assertEquals(List.of("arg0 sum=-2.250000e+00 abs=5.750000e+00",
        "arg2 sum=-4.000000e+00 abs=1.000000e+01"), lines);
  }

  @Test
  void numbersPrintLikeCPrintf() {
    assertEquals("0.000000e+00", Checksums.formatNumber(0.0));
    assertEquals("-0.000000e+00", Checksums.formatNumber(-0.0));
    assertEquals("1.234568e+100", Checksums.formatNumber(1.2345678e100));
    assertEquals("1.000000e-05", Checksums.formatNumber(1e-5));
    assertEquals("nan", Checksums.formatNumber(Double.NaN));
    assertEquals("inf", Checksums.formatNumber(Double.POSITIVE_INFINITY));
    assertEquals("-inf", Checksums.formatNumber(Double.NEGATIVE_INFINITY));
  }

  @Test
  void parseRoundTripsAndRejectsOtherText() {
    String line = "arg3 sum=-1.500000e+01 abs=inf";
    Checksums.Checksum c = Checksums.parse(line);
    assertEquals(3, c.argument());
    assertEquals(-15.0, c.sum());
    assertEquals(line, c.format());
    assertThrows(IllegalArgumentException.class, () -> Checksums.parse("arg0 total=1"));
  }

  @Test
  void agreementIsRelativeToTheAbsoluteSum() {
    Checksums.Checksum a = new Checksums.Checksum(0, 1.0e-3, 1000.0);
    assertTrue(a.agrees(new Checksums.Checksum(0, 1.0e-3 + 5e-3, 1000.0 + 5e-3), 1e-5),
        "a cancelling sum may differ by tol * abs");
    assertFalse(a.agrees(new Checksums.Checksum(0, 1.0e-3 + 2e-2, 1000.0), 1e-5));
    assertFalse(a.agrees(new Checksums.Checksum(0, 1.0e-3, 1000.1), 1e-5));
    assertFalse(a.agrees(new Checksums.Checksum(1, 1.0e-3, 1000.0), 1e-5));
    Checksums.Checksum nan = new Checksums.Checksum(0, Double.NaN, 1);
    assertTrue(nan.agrees(nan, 0));
    assertFalse(nan.agrees(new Checksums.Checksum(0, 1, 1), 1));
    List<String> diffs = Checksums.differences(
        List.of("arg0 sum=1.000000e+00 abs=1.000000e+00"),
        List.of("arg0 sum=1.000001e+00 abs=1.000000e+00", "arg1 sum=0 abs=0"), 1e-5);
    assertEquals(1, diffs.size(), diffs.toString());
  }
}
