package pressroom.accounts;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as an SVG path, drawn into the page itself: no image request to serve or to leak the
 * secret through, and nothing the Content-Security-Policy has to allow.
 *
 * @param size the side in modules, with the four-module quiet zone around it
 * @param path one "M x y h1 v1 h-1 z" square per dark module
 */
public record QrCode(int size, String path) {
  private static final int QUIET = 4;

  public static QrCode of(String text) {
    ByteMatrix m;
    try {
      m = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code", e);
    }
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y) == 1) {
          d.append('M').append(x + QUIET).append(' ').append(y + QUIET).append("h1v1h-1z");
        }
      }
    }
    return new QrCode(m.getWidth() + 2 * QUIET, d.toString());
  }
}
