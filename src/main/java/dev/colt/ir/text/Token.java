// One lexical token of IR text with its kind, spelling and source position.
package dev.colt.ir.text;

import dev.colt.ir.Location;

/**
 * A token. {@code text} is the spelling without its sigil for {@code %}, {@code ^}, {@code @} and
 * {@code #} identifiers, the unescaped content for strings, and the raw spelling otherwise.
 * {@code offset} and {@code end} are character offsets into the source.
 */
record Token(Kind kind, String text, Location location, int offset, int end) {
  /** Token classes of MLIR's textual syntax. */
  enum Kind {
    BARE_IDENT, VALUE_ID, BLOCK_ID, SYMBOL, HASH_ID, INTEGER, FLOAT, STRING, PUNCT, EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isPunct(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  boolean isKeyword(String k) {
    return kind == Kind.BARE_IDENT && text.equals(k);
  }

  /** How the token looks in the source, for error messages. */
  String spelling() {
    return switch (kind) {
      case VALUE_ID -> "%" + text;
      case BLOCK_ID -> "^" + text;
      case SYMBOL -> "@" + text;
      case HASH_ID -> "#" + text;
      case STRING -> "string";
      case EOF -> "end of file";
      default -> text;
    };
  }
}
