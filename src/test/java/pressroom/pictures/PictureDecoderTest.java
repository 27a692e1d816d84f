package pressroom.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the decoder lets into memory: bounded by pixels, whatever the picture's shape. */
class PictureDecoderTest {
  final PictureDecoder decoder = new PictureDecoder(PictureJob.MAX_PIXELS, 2560);

  static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    return out.toByteArray();
  }

  @Test
  void aNarrowButHugePictureIsDecodedSubsampled() throws IOException {
    // Narrower than twice the decode width, so a width-only rule would decode all 20 megapixels.
    var d = (PictureDecoder.Decoded) decoder.decode(png(4000, 5000));
    assertThat(d.width()).isEqualTo(4000);
    assertThat((long) d.image().getWidth() * d.image().getHeight()).isLessThanOrEqualTo(4_200_000L);
    assertThat(d.image().getWidth()).isGreaterThanOrEqualTo(1280);
  }

  @Test
  void aStripManyScreensTallIsRefused() throws IOException {
    assertThat(decoder.decode(png(300, 1500)))
        .isInstanceOfSatisfying(
            PictureDecoder.Refused.class, r -> assertThat(r.reason()).contains("too tall"));
    assertThat(decoder.decode(png(300, 1200))).isInstanceOf(PictureDecoder.Decoded.class);
  }
}
