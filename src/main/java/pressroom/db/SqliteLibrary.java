package pressroom.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library, once extracted, in the data folder. Left to itself the driver
 * extracts it to a new temporary file on every start and compares the copy byte by byte, a tenth of
 * a second or more of each start; here a start checks one CRC. Whatever goes wrong, the driver's
 * own way still runs.
 */
final class SqliteLibrary {
  private static final Logger log = LoggerFactory.getLogger(SqliteLibrary.class);
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  static synchronized void keepIn(Path dataDir) {
    if (System.getProperty(PATH) != null) {
      return; // the operator chose a library, or an earlier open did
    }
    String folder = LibraryLoaderUtil.getNativeLibResourcePath();
    String name = LibraryLoaderUtil.getNativeLibName();
    URL resource = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
    if (resource == null) {
      return;
    }
    try {
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return; // not from a jar (an IDE's classes): nothing to save
      }
      long crc = jar.getJarEntry().getCrc();
      Path dir = dataDir.resolve("native").resolve("sqlite-" + SQLiteJDBCLoader.getVersion());
      Path library = dir.resolve(name);
      if (!Files.isRegularFile(library) || crc(library) != crc) {
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try (InputStream in = connection.getInputStream()) {
          Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(
            part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.setProperty(PATH, dir.toAbsolutePath().toString());
      System.setProperty(NAME, name);
    } catch (IOException | RuntimeException e) {
      log.debug("SQLite's library stays with the driver's own extraction: {}", e.toString());
    }
  }

  private static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(Files.readAllBytes(file));
    return crc.getValue();
  }
}
