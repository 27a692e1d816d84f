package pressroom.accounts;

import java.util.List;
import java.util.Map;

/**
 * Another feature's records about a reader, for "Download my data": comments, bookmarks. Each
 * feature reads its own tables; accounts only names the part and gathers them (App wires them).
 *
 * @param part the key in the download, e.g. "comments"
 * @param reader everything held for an account id, as JSON-ready maps, oldest first
 */
public record PersonalData(String part, Reader reader) {
  @FunctionalInterface
  public interface Reader {
    List<Map<String, Object>> of(String accountId);
  }
}
