package pressroom.pictures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Decodes a partner's image, refusing what is not a picture we serve: the format is read from the
 * bytes (never the Content-Type), and the size from the header before any pixel is decoded, so a
 * small file that claims a huge canvas (a decompression bomb) costs nothing. Large images are
 * decoded subsampled, at about twice the widest rendition, which bounds the memory a decode takes.
 */
public final class PictureDecoder {
  /** The formats read (TwelveMonkeys adds CMYK JPEG and WebP to the JDK's readers). */
  static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "webp");

  private final long maxPixels;
  private final int decodeWidth;

  /**
   * @param maxPixels images with more pixels than this (width × height) are refused
   * @param decodeWidth larger images are decoded at an integer fraction, to about this width at
   *     16:10 (their pixel count bounded accordingly)
   */
  public PictureDecoder(long maxPixels, int decodeWidth) {
    this.maxPixels = maxPixels;
    this.decodeWidth = decodeWidth;
  }

  /** What decoding came to: an image, or why there is none, in plain words. */
  public sealed interface Decoding {}

  /** The decoded image (perhaps subsampled); {@code width} × {@code height} is its real size. */
  public record Decoded(BufferedImage image, String format, int width, int height)
      implements Decoding {}

  public record Refused(String reason) implements Decoding {}

  private static Orientation orientation(ImageReader reader) {
    try {
      return ExifUtils.getExifOrientation(reader, 0);
    } catch (IOException | RuntimeException e) {
      return null; // unreadable metadata: the pixels as stored
    }
  }

  public Decoding decode(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (in == null) {
        return new Refused("no image reader is available");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return new Refused("not an image (" + bytes.length + " bytes of an unknown kind)");
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (format.equals("jpg")) {
          format = "jpeg";
        }
        if (!FORMATS.contains(format)) {
          return new Refused("an image format we do not serve (" + format + ")");
        }
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          return new Refused("an image without a size");
        }
        if ((long) width * height > maxPixels) {
          return new Refused(
              "too many pixels (" + width + " × " + height + "; at most " + maxPixels + ")");
        }
        if (height > 4L * width) {
          // A strip many screens tall is not a lead picture, and its renditions would be huge.
          return new Refused("too tall for a lead picture (" + width + " × " + height + ")");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Subsample by area, not width alone: a narrow, very tall image would otherwise be decoded
        // whole, and memory goes with pixels (a 146 KB PNG of 5,119 × 9,767 needed over 512 MB).
        long target = (long) decodeWidth * decodeWidth * 5 / 8;
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / target)));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        // A camera's picture may be stored sideways with an EXIF note to turn it; we drop the
        // metadata, so turn the pixels.
        Orientation turn = format.equals("jpeg") ? orientation(reader) : null;
        if (turn == null || turn == Orientation.TOP_LEFT) {
          return new Decoded(image, format, width, height);
        }
        BufferedImage upright = ExifFilterUtils.getFilterForOrientation(turn).apply(image);
        boolean sideways = upright.getWidth() != image.getWidth();
        return new Decoded(upright, format, sideways ? height : width, sideways ? width : height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // A truncated or corrupt file: readers throw IOException, and some IllegalArgumentException.
      return new Refused("an unreadable image (" + e.getClass().getSimpleName() + ")");
    }
  }
}
