// Unit tests for the IR text lexer: token kinds, spellings, positions and lexical errors.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.text.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
  private static List<Token> lex(String s) {
    Lexer l = new Lexer(s, "t.mlir");
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = l.next();
      out.add(t);
    } while (!t.is(Kind.EOF));
    return out;
  }

  @Test
  void identifiersAndSigils() {
    List<Token> ts = lex("affine.for %arg0 %0 %x#1 ^bb0 @f #map1 a_b$c");
    assertEquals(Kind.BARE_IDENT, ts.get(0).kind());
    assertEquals("affine.for", ts.get(0).text());
    assertEquals(Kind.VALUE_ID, ts.get(1).kind());
    assertEquals("arg0", ts.get(1).text());
    assertEquals("0", ts.get(2).text());
    assertEquals("x", ts.get(3).text());
    assertEquals(Kind.HASH_ID, ts.get(4).kind());
    assertEquals("1", ts.get(4).text());
    assertEquals(ts.get(3).end(), ts.get(4).offset(), "result number is glued to the name");
    assertEquals(Kind.BLOCK_ID, ts.get(5).kind());
    assertEquals(Kind.SYMBOL, ts.get(6).kind());
    assertEquals("f", ts.get(6).text());
    assertEquals(Kind.HASH_ID, ts.get(7).kind());
    assertEquals("map1", ts.get(7).text());
    assertEquals("a_b$c", ts.get(8).text());
  }

  @Test
  void numbers() {
    List<Token> ts = lex("42 0x3F800000 1.5 2.000000e+00 9.99999974E-6 1. 7e");
    assertEquals(Kind.INTEGER, ts.get(0).kind());
    assertEquals(Kind.INTEGER, ts.get(1).kind());
    assertEquals("0x3F800000", ts.get(1).text());
    assertEquals(Kind.FLOAT, ts.get(2).kind());
    assertEquals("2.000000e+00", ts.get(3).text());
    assertEquals("9.99999974E-6", ts.get(4).text());
    assertEquals(Kind.FLOAT, ts.get(5).kind());
    assertEquals(Kind.INTEGER, ts.get(6).kind());
    assertEquals(Kind.BARE_IDENT, ts.get(7).kind(), "an exponent needs a '.' first");
  }

  @Test
  void punctuationArrowAndComments() {
    List<Token> ts = lex("(a) -> b // comment -> x\n- >= : ,");
    List<String> texts = ts.stream().map(Token::text).toList();
    assertEquals(List.of("(", "a", ")", "->", "b", "-", ">", "=", ":", ",", ""), texts);
  }

  @Test
  void stringsWithEscapes() {
    List<Token> ts = lex("\"a\\\"b\\n\\\\c\\41\"");
    assertEquals(Kind.STRING, ts.get(0).kind());
    assertEquals("a\"b\n\\cA", ts.get(0).text());
  }

  @Test
  void byteEscapesAreUtf8() {
    assertEquals("\u00e9x", lex("\"\\C3\\A9x\"").get(0).text());
    assertEquals("\u00e9", lex("\"\u00e9\"").get(0).text());
  }

  @Test
  void positionsAreOneBasedLineAndColumn() {
    List<Token> ts = lex("a\n  %b\n\n    c");
    assertEquals(1, ts.get(0).location().line());
    assertEquals(1, ts.get(0).location().column());
    assertEquals(2, ts.get(1).location().line());
    assertEquals(3, ts.get(1).location().column());
    assertEquals(4, ts.get(2).location().line());
    assertEquals(5, ts.get(2).location().column());
    assertEquals("t.mlir", ts.get(2).location().file());
  }

  @Test
  void unterminatedStringIsLocated() {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> lex("x\n  \"abc"));
    assertEquals(2, e.diagnostics().get(0).location().line());
    assertEquals(3, e.diagnostics().get(0).location().column());
  }

  @Test
  void strayCharacterIsLocated() {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> lex("a ; b"));
    assertEquals(3, e.diagnostics().get(0).location().column());
    assertEquals("unexpected character ';'", e.diagnostics().get(0).message());
  }
}
