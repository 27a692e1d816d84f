package pressroom.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pressroom.articles.ArticlePictures.Rendition;
import pressroom.pictures.Renditions;

/**
 * Calm abstract landscapes drawn for the demo articles (a sky, a sun, hills, a horizon), different
 * for each article and the same on every start: the composition comes from the article's slug. Each
 * width is drawn at its own size rather than shrunk, which is quicker and just as sharp.
 */
final class DemoIllustrations {
  /**
   * 16:9, at a phone's and the article column's width: the larger sizes would triple the time a
   * first start spends drawing, and soft gradients stand being enlarged on a sharp screen.
   */
  static final List<Integer> WIDTHS = List.of(320, 640);

  static final String CREDIT = "Illustration: Pressroom demo";

  private record Palette(String name, Color skyTop, Color skyLow, Color sun, Color land) {}

  private static final List<Palette> PALETTES =
      List.of(
          new Palette("dawn", rgb(0x2b3a67), rgb(0xf2b48c), rgb(0xfde3b0), rgb(0x3d4a5c)),
          new Palette("noon", rgb(0x5b9bd5), rgb(0xd6ecf7), rgb(0xfff6d5), rgb(0x4f7a5a)),
          new Palette("dusk", rgb(0x3a2f5b), rgb(0xe07a5f), rgb(0xf9c784), rgb(0x2f3545)),
          new Palette("mist", rgb(0x8fa3b0), rgb(0xe8ecef), rgb(0xfafafa), rgb(0x6b7f86)),
          new Palette("autumn", rgb(0x6d8ea0), rgb(0xf4d8a8), rgb(0xfbe7c6), rgb(0x8c5a3c)),
          new Palette("night", rgb(0x0f1a33), rgb(0x34507a), rgb(0xe9eef5), rgb(0x141c2b)));

  private DemoIllustrations() {}

  /** A caption for the picture of the article at {@code slug}. */
  static String caption(String slug) {
    Palette p = palette(new SplittableRandom(seed(slug)));
    return "An abstract landscape at " + p.name() + ", drawn for this demo article.";
  }

  /** The renditions of the illustration for the article at {@code slug}, ascending. */
  static List<Rendition> draw(String slug) {
    List<Rendition> out = new ArrayList<>();
    for (int w : WIDTHS) {
      int h = w * 9 / 16;
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(w / 1000.0, h / 562.5);
        // The same seed at every width: the same picture, only sharper.
        compose(g, new SplittableRandom(seed(slug)));
      } finally {
        g.dispose();
      }
      out.add(new Rendition(w, h, "image/jpeg", Renditions.jpeg(image)));
    }
    return out;
  }

  /** Draws on a 1000 × 562.5 canvas. */
  private static void compose(Graphics2D g, SplittableRandom r) {
    Palette p = palette(r);
    double horizon = 300 + r.nextDouble() * 120;
    g.setPaint(new GradientPaint(0, 0, p.skyTop(), 0, (float) horizon, p.skyLow()));
    g.fill(new Rectangle2D.Double(0, 0, 1000, 562.5));
    double sunX = 120 + r.nextDouble() * 760;
    double sunY = horizon - 60 - r.nextDouble() * 160;
    double sunR = 30 + r.nextDouble() * 50;
    g.setColor(withAlpha(p.sun(), 70));
    g.fill(new Ellipse2D.Double(sunX - sunR * 1.8, sunY - sunR * 1.8, sunR * 3.6, sunR * 3.6));
    g.setColor(p.sun());
    g.fill(new Ellipse2D.Double(sunX - sunR, sunY - sunR, sunR * 2, sunR * 2));
    g.setColor(withAlpha(Color.WHITE, 40));
    g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0, n = r.nextInt(2, 5); i < n; i++) {
      double y = 60 + r.nextDouble() * (horizon - 120);
      double x = r.nextDouble() * 800;
      // A thin cloud.
      g.draw(new Line2D.Double(x, y, x + 80 + r.nextDouble() * 160, y));
    }
    int layers = r.nextInt(3, 5);
    for (int i = 0; i < layers; i++) {
      double t = (i + 1.0) / layers;
      Color c = mix(p.skyLow(), p.land(), 0.35 + 0.65 * t);
      double base = horizon + i * (562.5 - horizon) / (layers + 0.5);
      double amplitude = 18 + r.nextDouble() * 40 * (1 - t * 0.5);
      double wave = 1.5 + r.nextDouble() * 3;
      double phase = r.nextDouble() * Math.PI * 2;
      Path2D.Double hill = new Path2D.Double();
      hill.moveTo(0, 562.5);
      for (int x = 0; x <= 1000; x += 20) {
        double y = base - amplitude * (0.6 + 0.4 * Math.sin(phase + x / 1000.0 * Math.PI * wave));
        hill.lineTo(x, y);
      }
      hill.lineTo(1000, 562.5);
      hill.closePath();
      g.setColor(c);
      g.fill(hill);
    }
  }

  private static Palette palette(SplittableRandom r) {
    return PALETTES.get(r.nextInt(PALETTES.size()));
  }

  private static long seed(String slug) {
    long h = 1125899906842597L;
    for (int i = 0; i < slug.length(); i++) {
      h = 31 * h + slug.charAt(i);
    }
    return h;
  }

  private static Color rgb(int v) {
    return new Color(v);
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
