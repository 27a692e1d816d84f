package pressroom.pictures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import pressroom.articles.ArticlePictures.Rendition;

/**
 * Makes the sizes a picture is served at: a JPEG at each of {@link #WIDTHS} narrower than the
 * original and one at the original's width (at most the largest of them; never upscaled), the
 * aspect kept, transparency flattened onto white, sRGB, no metadata.
 */
public final class Renditions {
  /** The widths served: a phone, a phone at 2x or a column, a wide column, a 2x column. */
  public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280);

  static final float QUALITY = 0.82f;

  private Renditions() {}

  /**
   * The renditions of {@code image}, ascending; {@code width} × {@code height} is the original's
   * size (the image may have been decoded subsampled).
   */
  public static List<Rendition> of(BufferedImage image, int width, int height) {
    BufferedImage rgb = flattened(image);
    List<Integer> widths = new ArrayList<>();
    for (int w : WIDTHS) {
      if (w < width) {
        widths.add(w);
      }
    }
    // The original's own width on top, up to the largest: a 600-wide picture is served at 600.
    int top = Math.min(width, WIDTHS.getLast());
    if (widths.isEmpty() || widths.getLast() != top) {
      widths.add(top);
    }
    List<Rendition> out = new ArrayList<>();
    for (int w : widths) {
      int h = Math.max(1, Math.round((float) height * w / width));
      out.add(new Rendition(w, h, "image/jpeg", jpeg(rgb, w, h)));
    }
    return out;
  }

  private static byte[] jpeg(BufferedImage rgb, int w, int h) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Thumbnails.of(rgb)
          .forceSize(w, h)
          .outputFormat("jpg")
          .outputQuality(QUALITY)
          .toOutputStream(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a rendition", e);
    }
    return bytes.toByteArray();
  }

  /** {@code rgb} (plain sRGB, no alpha) as a JPEG at its own size, without metadata. */
  public static byte[] jpeg(BufferedImage rgb) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.setOutput(out);
      writer.write(null, new IIOImage(flattened(rgb), null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a picture", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The image as plain sRGB without alpha: transparent parts become white. */
  static BufferedImage flattened(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }
}
