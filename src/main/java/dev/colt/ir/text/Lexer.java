// Splits IR text into tokens on demand, tracking line and column of each.
package dev.colt.ir.text;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.ir.text.Token.Kind;
import java.nio.charset.StandardCharsets;

/**
 * An on-demand lexer over MLIR-style text. Skips whitespace and {@code //} comments. Fails with a
 * located {@link DiagnosticException} on characters that start no token and on unterminated strings.
 * The position can be reset (the parser splits {@code xf32} in shapes the way MLIR does).
 */
final class Lexer {
  private final String src;
  private final String file;
  private int pos;
  private int line = 1;
  private int lineStart;

  Lexer(String src, String file) {
    this.src = src;
    this.file = file;
  }

  String source() {
    return src;
  }

  String file() {
    return file;
  }

  /**
   * Moves to {@code offset}, which lies on the line of {@code token} at or after its start (the
   * line and column bookkeeping is taken from the token).
   */
  void resetTo(Token token, int offset) {
    line = token.location().line();
    lineStart = token.offset() - token.location().column() + 1;
    pos = offset;
  }

  private Location loc(int offset) {
    return new Location(file, line, offset - lineStart + 1);
  }

  private DiagnosticException error(int offset, String message) {
    return new DiagnosticException(loc(offset), message);
  }

  private void skipTrivia() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isIdentChar(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$' || c == '.';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Lexes and returns the next token. */
  Token next() {
    skipTrivia();
    int start = pos;
    Location l = loc(start);
    if (pos >= src.length()) {
      return new Token(Kind.EOF, "", l, start, start);
    }
    char c = src.charAt(pos);
    if (isIdentStart(c)) {
      pos++;
      while (pos < src.length() && isIdentChar(src.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.BARE_IDENT, src.substring(start, pos), l, start, pos);
    }
    if (isDigit(c)) {
      return number(start, l);
    }
    switch (c) {
      case '%':
        return prefixed(Kind.VALUE_ID, start, l, true);
      case '^':
        return prefixed(Kind.BLOCK_ID, start, l, true);
      case '#':
        return prefixed(Kind.HASH_ID, start, l, true);
      case '@':
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
          pos++;
          Token s = string(pos, l);
          return new Token(Kind.SYMBOL, s.text(), l, start, pos);
        }
        return prefixed(Kind.SYMBOL, start, l, false);
      case '"':
        return string(start, l);
      case '-':
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '>') {
          pos += 2;
          return new Token(Kind.PUNCT, "->", l, start, pos);
        }
        pos++;
        return new Token(Kind.PUNCT, "-", l, start, pos);
      case '(', ')', '[', ']', '{', '}', '<', '>', ',', ':', '=', '*', '+', '?', '!', '|':
        pos++;
        return new Token(Kind.PUNCT, String.valueOf(c), l, start, pos);
      default:
        throw error(start, "unexpected character '" + printable(c) + "'");
    }
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private Token prefixed(Kind kind, int start, Location l, boolean allowDigits) {
    pos++;
    int nameStart = pos;
    if (pos < src.length() && isDigit(src.charAt(pos)) && allowDigits) {
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    } else if (pos < src.length() && (isIdentStart(src.charAt(pos)) || src.charAt(pos) == '$'
        || src.charAt(pos) == '.' || src.charAt(pos) == '-')) {
      pos++;
      while (pos < src.length() && (isIdentChar(src.charAt(pos)) || src.charAt(pos) == '-')) {
        pos++;
      }
    } else {
      throw error(start, "invalid " + switch (kind) {
        case VALUE_ID -> "SSA name";
        case BLOCK_ID -> "block name";
        case HASH_ID -> "attribute alias name";
        default -> "symbol reference";
      } + " after '" + src.charAt(start) + "'");
    }
    return new Token(kind, src.substring(nameStart, pos), l, start, pos);
  }

  private Token number(int start, Location l) {
    if (src.charAt(pos) == '0' && pos + 1 < src.length() && src.charAt(pos + 1) == 'x'
        && pos + 2 < src.length() && isHexDigit(src.charAt(pos + 2))) {
      pos += 2;
      while (pos < src.length() && isHexDigit(src.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.INTEGER, src.substring(start, pos), l, start, pos);
    }
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos >= src.length() || src.charAt(pos) != '.') {
      return new Token(Kind.INTEGER, src.substring(start, pos), l, start, pos);
    }
    pos++;
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    return new Token(Kind.FLOAT, src.substring(start, pos), l, start, pos);
  }

  /**
   * A string literal. The escapes \", \\, \n, \t and \XX (a byte in hex) and the other
   * characters are collected as UTF-8 bytes, so text printed with byte escapes reads back to the
   * same string.
   */
  private Token string(int start, Location l) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw error(start, "expected '\"' in string literal");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        if (pos + 1 >= src.length()) {
          throw error(pos, "unknown escape in string literal");
        }
        char e = src.charAt(pos + 1);
        if (e == '"' || e == '\\') {
          bytes.write(e);
          pos += 2;
        } else if (e == 'n') {
          bytes.write('\n');
          pos += 2;
        } else if (e == 't') {
          bytes.write('\t');
          pos += 2;
        } else if (pos + 2 < src.length() && isHexDigit(e) && isHexDigit(src.charAt(pos + 2))) {
          bytes.write(Integer.parseInt(src.substring(pos + 1, pos + 3), 16));
          pos += 3;
        } else {
          throw error(pos, "unknown escape in string literal");
        }
        continue;
      }
      int cp = src.codePointAt(pos);
      byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      bytes.write(utf8, 0, utf8.length);
      pos += Character.charCount(cp);
    }
    return new Token(Kind.STRING, bytes.toString(StandardCharsets.UTF_8), l, start, pos);
  }
}
