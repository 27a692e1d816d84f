package pressroom.articles;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An article's lead picture as this site serves it: stored renditions at a few widths, addressed by
 * an id that changes whenever the picture does (so each address may be cached for good).
 *
 * @param width the largest rendition's width
 * @param height the largest rendition's height
 * @param widths the renditions' widths, ascending
 * @param caption may be null
 * @param credit may be null
 */
public record Picture(
    String id, int width, int height, List<Integer> widths, String caption, String credit) {

  public Picture {
    Objects.requireNonNull(id, "id");
    widths = List.copyOf(widths);
    if (widths.isEmpty() || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a picture needs a size and at least one rendition");
    }
  }

  /** The path of one rendition. */
  public static String path(String id, int width) {
    return "/pictures/" + id + "/" + width + ".jpg";
  }

  /** The path of the smallest rendition at least {@code wanted} wide (else the largest). */
  public String src(int wanted) {
    return path(id, widths.stream().filter(w -> w >= wanted).findFirst().orElse(width));
  }

  /** The path of the largest rendition (for sharing cards and feeds). */
  public String largest() {
    return path(id, width);
  }

  /** Every rendition for the {@code srcset} attribute: "/pictures/x/320.jpg 320w, …". */
  public String srcset() {
    return widths.stream().map(w -> path(id, w) + " " + w + "w").collect(Collectors.joining(", "));
  }

  /** The height of the rendition {@code w} wide, keeping the aspect ratio. */
  public int heightAt(int w) {
    return Math.max(1, Math.round((float) height * w / width));
  }

  /** Reads the stored list of widths ("320,640,960"). */
  static List<Integer> widthsOf(String stored) {
    return java.util.Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
  }
}
