package pressroom.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text, guessing the encoding the way browsers and feed readers do: byte
 * order mark, then the XML declaration, then the Content-Type charset, then UTF-8; bytes that are
 * not valid UTF-8 are read as windows-1252, the usual culprit. Pure.
 */
final class FeedDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char[] WINDOWS_1252_CHARS = windows1252Table();
  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);

  private FeedDecoding() {}

  private static char[] windows1252Table() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    return new String(all, WINDOWS_1252).toCharArray();
  }

  /** The text of {@code body}; {@code contentType} (may be null) is the HTTP header. */
  static String decode(byte[] body, String contentType) {
    int n = body.length;
    if (n >= 3
        && (body[0] & 0xFF) == 0xEF
        && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF) {
      return utf8OrWindows1252(body, 3);
    }
    if (n >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16BE);
    }
    if (n >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
      return new String(body, 2, n - 2, StandardCharsets.UTF_16LE);
    }
    // UTF-16 without a byte order mark: every other byte of "<?xml" or "{" is zero.
    if (n >= 4 && body[0] == 0 && body[1] != 0 && body[2] == 0) {
      return new String(body, StandardCharsets.UTF_16BE);
    }
    if (n >= 4 && body[0] != 0 && body[1] == 0 && body[3] == 0) {
      return new String(body, StandardCharsets.UTF_16LE);
    }
    Charset charset = declaredCharset(body);
    if (charset == null) {
      charset = contentTypeCharset(contentType);
    }
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      return utf8OrWindows1252(body, 0);
    }
    if (charset.equals(WINDOWS_1252) && isUtf8WithNonAscii(body)) {
      // Declared Latin-1 but written in UTF-8 (a common generator bug): multi-byte UTF-8
      // sequences almost never occur by chance in real Latin-1 text.
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, charset);
  }

  /**
   * UTF-8 where the bytes are UTF-8, windows-1252 for each byte that is not: feeds mix the two when
   * one database field or template was saved in the wrong encoding.
   */
  private static String utf8OrWindows1252(byte[] body, int offset) {
    // The JDK's own decoding, straight into a String, is the fast path; it marks bytes that are
    // not UTF-8 with U+FFFD, and only then (or for a real U+FFFD) is the strict decoder asked.
    String fast = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, offset, body.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return mixed(body, offset);
    }
  }

  private static String mixed(byte[] body, int offset) {
    StringBuilder out = new StringBuilder(body.length - offset);
    int i = offset;
    while (i < body.length) {
      int b = body[i] & 0xFF;
      int length =
          b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 1;
      int codePoint = b < 0x80 || length == 1 ? -1 : utf8CodePoint(body, i, length);
      if (codePoint >= 0) {
        out.appendCodePoint(codePoint);
        i += length;
      } else {
        out.append(b < 0x80 ? (char) b : WINDOWS_1252_CHARS[b]);
        i++;
      }
    }
    return out.toString();
  }

  /** The code point of a well-formed UTF-8 sequence at {@code at}, or -1. */
  private static int utf8CodePoint(byte[] body, int at, int length) {
    if (at + length > body.length) {
      return -1;
    }
    int b0 = body[at] & 0xFF;
    int codePoint = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (int k = 1; k < length; k++) {
      int b = body[at + k] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        return -1;
      }
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    int min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    return codePoint < min || codePoint > 0x10FFFF || surrogate ? -1 : codePoint;
  }

  private static boolean isUtf8WithNonAscii(byte[] body) {
    boolean nonAscii = false;
    for (byte b : body) {
      if (b < 0) {
        nonAscii = true;
        break;
      }
    }
    if (!nonAscii) {
      return false;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The encoding named by an XML declaration, wherever junk before it ends. */
  private static Charset declaredCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    int start = head.indexOf("<?xml");
    if (start < 0) {
      return null;
    }
    Matcher m = DECLARED.matcher(head.substring(start));
    Charset charset = m.find() ? lookup(m.group(1)) : null;
    // A declaration we could read byte by byte cannot be in a 16- or 32-bit encoding.
    return charset != null && asciiCompatible(charset) ? charset : null;
  }

  private static Charset contentTypeCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    Charset charset = m.find() ? lookup(m.group(1)) : null;
    return charset != null && asciiCompatible(charset) ? charset : null;
  }

  private static boolean asciiCompatible(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return !name.startsWith("UTF-16") && !name.startsWith("UTF-32");
  }

  /** The charset for a label; Latin-1 and ASCII labels mean windows-1252, as in browsers. */
  private static Charset lookup(String label) {
    String name = label.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252" -> {
        return WINDOWS_1252;
      }
      case "utf8" -> {
        return StandardCharsets.UTF_8;
      }
      default -> {
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return null; // unknown or illegal name: fall back to the other clues
        }
      }
    }
  }
}
