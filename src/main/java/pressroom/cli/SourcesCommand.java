package pressroom.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pressroom.App;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;
import pressroom.ingest.sources.SourceSettings;

/** Partner feeds: add, list, disable, enable, remove. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "Manage partner feeds.",
    subcommands = {
      SourcesCommand.Add.class,
      SourcesCommand.ListSources.class,
      SourcesCommand.Disable.class,
      SourcesCommand.Enable.class,
      SourcesCommand.Priority.class,
      SourcesCommand.Remove.class
    })
final class SourcesCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a partner feed; prints its id.")
  static final class Add extends DataCommand implements Callable<Integer> {
    @Option(
        names = "--name",
        required = true,
        description = "The partner's name, as readers see it.")
    String name;

    @Option(
        names = "--url",
        required = true,
        description = "Feed URL (http/https), or a local file or folder.")
    String url;

    @Option(
        names = "--section",
        required = true,
        description = "Section the articles go to (name or slug; created if new).")
    String section;

    @Option(
        names = "--format",
        defaultValue = "auto",
        description = "auto, rss, atom, jsonfeed or ninjs (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--interval",
        defaultValue = "15m",
        description = "How often to poll, e.g. 5m, 1h (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
        names = "--expire-after-days",
        defaultValue = "0",
        description = "Remove articles this many days after publication; 0 = never.")
    int expireAfterDays;

    @Option(names = "--attribution", description = "Attribution line shown under each article.")
    String attribution;

    @Option(
        names = "--home-url",
        description = "The partner's home page (default: the feed's host).")
    String homeUrl;

    @Option(
        names = "--priority",
        defaultValue = "0",
        description = "Higher wins when partners send the same story.")
    int priority;

    @Option(
        names = "--policy",
        defaultValue = "canonical",
        description = "Search engines: canonical (to the original), noindex, or own.")
    String policy;

    @Option(
        names = "--summary-only",
        description = "The licence allows the summary only, not the full text.")
    boolean summaryOnly;

    @Option(
        names = "--header",
        paramLabel = "NAME:VALUE",
        description = "Extra request header for keyed wire APIs (repeatable; kept secret).")
    List<String> headers = List.of();

    Add(Map<String, String> env) {
      super(env);
    }

    @Override
    public Integer call() {
      NewSource in;
      try {
        // The staff form reads the same settings by the same rules (SourceSettings).
        in =
            new SourceSettings(
                    name,
                    url,
                    section,
                    format,
                    interval,
                    Integer.toString(expireAfterDays),
                    attribution,
                    homeUrl,
                    Integer.toString(priority),
                    policy,
                    summaryOnly,
                    headers)
                .toNewSource(true);
      } catch (IllegalArgumentException e) {
        err().println("pressroom sources add: " + e.getMessage());
        return 2;
      }
      try (App app = open()) {
        out().println(app.sources().add(in));
        return 0;
      } catch (IllegalArgumentException e) {
        err().println("pressroom sources add: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "A table of sources and their health.")
  static final class ListSources extends DataCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    ListSources(Map<String, String> env) {
      super(env);
    }

    @Override
    public Integer call() {
      try (App app = open()) {
        List<FeedSource> all = app.sources().list();
        String fmt = "%-36s  %-24s  %-9s  %-16s  %-16s  %7s  %s%n";
        out()
            .printf(
                fmt,
                "ID",
                "NAME",
                "STATUS",
                "LAST FETCH (UTC)",
                "NEXT FETCH (UTC)",
                "ITEMS",
                "LAST ERROR");
        for (FeedSource s : all) {
          out()
              .printf(
                  fmt,
                  s.id(),
                  cut(s.name(), 24),
                  s.health(),
                  time(s.lastFetchAt()),
                  time(s.nextFetchAt()),
                  s.itemsTotal(),
                  s.lastError() == null ? "" : s.lastError());
        }
        if (all.isEmpty()) {
          out().println("(no sources yet: add one with 'pressroom sources add')");
        }
        return 0;
      }
    }

    private static String time(Instant t) {
      return t == null ? "-" : TIME.format(t);
    }

    private static String cut(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
  }

  abstract static class ById extends DataCommand implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "The source's id (see 'sources list').")
    String id;

    ById(Map<String, String> env) {
      super(env);
    }

    abstract boolean apply(App app);

    abstract String done();

    @Override
    public Integer call() {
      try (App app = open()) {
        if (!apply(app)) {
          err().println("pressroom sources: there is no source '" + id + "'");
          return 1;
        }
        out().println(done());
        return 0;
      }
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stop polling a source; its articles stay.")
  static final class Disable extends ById {
    Disable(Map<String, String> env) {
      super(env);
    }

    @Override
    boolean apply(App app) {
      return app.sources().setState(id, FeedSource.State.DISABLED, null);
    }

    @Override
    String done() {
      return "disabled " + id;
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Poll a source again, starting now.")
  static final class Enable extends ById {
    Enable(Map<String, String> env) {
      super(env);
    }

    @Override
    boolean apply(App app) {
      return app.sources().setState(id, FeedSource.State.ACTIVE, null);
    }

    @Override
    String done() {
      return "enabled " + id;
    }
  }

  @Command(
      name = "priority",
      mixinStandardHelpOptions = true,
      description =
          "Set a partner's priority: higher wins when partners send the same story, and listings follow at once.")
  static final class Priority extends ById {
    @Parameters(
        index = "1",
        paramLabel = "N",
        description = "The new priority (any whole number; the default is 0).")
    int priority;

    private int affected;

    Priority(Map<String, String> env) {
      super(env);
    }

    @Override
    boolean apply(App app) {
      affected = app.sources().setPriority(id, priority);
      return affected >= 0;
    }

    @Override
    String done() {
      return "priority of "
          + id
          + " is now "
          + priority
          + "; "
          + affected
          + " articles in stories told by several partners looked at again";
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a partner: never polled again, and its articles are withdrawn (410).")
  static final class Remove extends ById {
    private int withdrawn;

    Remove(Map<String, String> env) {
      super(env);
    }

    @Override
    boolean apply(App app) {
      withdrawn = app.sources().remove(id);
      return withdrawn >= 0;
    }

    @Override
    String done() {
      return "removed " + id + "; " + withdrawn + " articles withdrawn";
    }
  }
}
