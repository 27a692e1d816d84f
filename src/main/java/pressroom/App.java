package pressroom;

import io.javalin.Javalin;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.accounts.AccountDao;
import pressroom.accounts.Accounts;
import pressroom.accounts.Auth;
import pressroom.accounts.PersonalData;
import pressroom.accounts.Registrations;
import pressroom.articles.ArticleApi;
import pressroom.articles.ArticleCountEstimate;
import pressroom.articles.ArticleDesk;
import pressroom.articles.ArticlePictures;
import pressroom.articles.ArticleReads;
import pressroom.articles.ArticleStats;
import pressroom.articles.ArticleWrites;
import pressroom.articles.CommentSettings;
import pressroom.articles.Corrections;
import pressroom.articles.EditorialWrites;
import pressroom.articles.Listings;
import pressroom.articles.Pins;
import pressroom.articles.Placements;
import pressroom.articles.SectionEdits;
import pressroom.articles.Sections;
import pressroom.articles.Sitemaps;
import pressroom.articles.desk.ArticleEditor;
import pressroom.articles.desk.DeskPages;
import pressroom.audit.AuditLog;
import pressroom.bookmarks.BookmarkDao;
import pressroom.bookmarks.BookmarkPages;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;
import pressroom.comments.CommentStats;
import pressroom.comments.Comments;
import pressroom.config.Config;
import pressroom.db.Database;
import pressroom.demo.DemoContent;
import pressroom.feeds.FeedsOut;
import pressroom.ingest.FeedPreview;
import pressroom.ingest.Importer;
import pressroom.ingest.IngestJob;
import pressroom.ingest.IngestScheduler;
import pressroom.ingest.LicenceMaintenance;
import pressroom.ingest.Poller;
import pressroom.ingest.SourcesPage;
import pressroom.ingest.fetch.FeedFetcher;
import pressroom.ingest.mapping.AgencyNames;
import pressroom.ingest.sources.SourceDao;
import pressroom.ingest.store.IngestStore;
import pressroom.mail.Mailer;
import pressroom.newsroom.AuditPages;
import pressroom.newsroom.Dashboard;
import pressroom.newsroom.SectionPages;
import pressroom.newsroom.WritePages;
import pressroom.pictures.PictureJob;
import pressroom.pictures.PictureServing;
import pressroom.reader.ReaderPages;
import pressroom.reader.SharedCachePurge;
import pressroom.search.ArticleIndex;
import pressroom.search.Indexer;
import pressroom.search.SearchPages;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.ErrorPages;
import pressroom.web.FastPath;
import pressroom.web.PageCache;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/** The wiring: builds every object with {@code new}. Main, the CLI and the tests all call it. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final long PAGE_CACHE_BYTES = 128L * 1024 * 1024;
  private static final long PICTURE_CACHE_BYTES = 64L * 1024 * 1024;

  static {
    // Unless told, Jetty asks JMX whether object references are compressed, which starts the
    // platform MBean server and JFR's commands: a fifth of a second of every start. Below a
    // 32 GB heap they are (4 bytes, 16 to a 64-byte cache line); the figure only sizes padding.
    String references = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(references) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
      System.setProperty(references, compressed ? "16" : "8");
    }
  }

  private final Config config;

  /** The one source of the current time: tests move it instead of sleeping. */
  private final InstantSource clock;

  private final Database database;
  private final ArticleReads articleReads;
  private final Listings listings;
  private final Sections sections;
  private final ArticleWrites articles;
  private final PageCache pageCache;
  private final SharedCachePurge sharedCachePurge;
  private final Operations ops;
  private final ContentChanges changes;
  private final SourceDao sources;
  private final FeedFetcher fetcher;
  private final Poller poller;
  private final Importer importer;
  private final LicenceMaintenance licences;
  private final IngestScheduler scheduler;
  private final Accounts accounts;
  private final Comments comments;
  private final Mailer mailer;
  private final AuditLog auditLog;
  private final ArticleIndex searchIndex;
  private final Indexer indexer;
  private final SearchPages searchPages;
  private final Metrics metrics;
  // Pictures: partners' lead images fetched, resized, stored and served by the site.
  private final ArticlePictures articlePictures;
  private final FeedFetcher pictureFetcher;
  private final PictureJob pictureJob;
  private final PictureServing pictureServing;
  private final Javalin javalin;
  private boolean started;
  private final java.util.List<String> apiEndpoints = new java.util.ArrayList<>();

  private App(Config config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config);
    this.articleReads = new ArticleReads(database.jdbi());
    this.listings = new Listings(database.jdbi());
    this.sections = new Sections(database.jdbi());
    this.articles = new ArticleWrites(database.jdbi(), clock);
    this.pageCache = new PageCache(PAGE_CACHE_BYTES);
    this.articlePictures = new ArticlePictures(database.jdbi());
    this.pictureServing = new PictureServing(articlePictures, PICTURE_CACHE_BYTES, clock);
    this.searchIndex = new ArticleIndex(config.dataDir().resolve("search-index"), clock);
    this.indexer =
        new Indexer(
            searchIndex,
            articleReads,
            new ContentChanges.History(database.jdbi()),
            new ArticleCountEstimate(database.jdbi(), database.dialect()),
            clock);
    this.sharedCachePurge =
        config.purgeUrl() == null
            ? null
            : new SharedCachePurge(config.purgeUrl(), new Placements(database.jdbi()));
    // The writer's node drops its own copies at commit; the poll below does it for every node.
    database.jdbi().getConfig(ContentChanges.OnCommit.class).listen(pageCache::invalidate);
    this.changes =
        new ContentChanges(
            database.jdbi(),
            changed -> {
              pageCache.invalidate(changed);
              pictureServing.invalidate(changed);
              if (sharedCachePurge != null) {
                sharedCachePurge.changed(changed);
              }
              List<Change> searched = changed.stream().filter(Change::touchesSearch).toList();
              if (!searched.isEmpty()) {
                indexer.changed(searched);
              }
              pushLiveComments(changed);
            });
    this.metrics = new Metrics(pageCache);
    this.sources = new SourceDao(database.jdbi(), clock);
    this.fetcher =
        new FeedFetcher(
            config.ingestAllowPrivate(),
            "Pressroom/0.1 (+" + config.baseUrl() + "; feed fetcher)",
            clock);
    IngestStore ingestStore = new IngestStore(database.jdbi(), clock);
    AgencyNames agencies = AgencyNames.wires().plus(config.ingestAgencies());
    this.importer = new Importer(ingestStore, agencies, clock, database::afterBulkWrite);
    this.poller =
        new Poller(
            sources,
            new IngestJob(sources, ingestStore, fetcher, agencies, metrics.registry, clock),
            clock);
    this.licences = new LicenceMaintenance(database.jdbi(), sources);
    this.pictureFetcher =
        new FeedFetcher(
            config.ingestAllowPrivate(),
            "Pressroom/0.1 (+" + config.baseUrl() + "; picture fetcher)",
            PictureJob.MAX_BYTES,
            clock);
    this.pictureJob = new PictureJob(articlePictures, pictureFetcher, clock);
    this.scheduler =
        new IngestScheduler(
            database.dataSource(),
            poller,
            licences,
            config.ingestCheckEvery(),
            clock,
            List.of(
                new IngestScheduler.Job(
                    "fetch-pictures", Duration.ofSeconds(30), () -> pictureJob.run(), true)));
    Templates templates = new Templates();
    Supplier<Chrome> chrome =
        () ->
            new Chrome(
                config.siteName(),
                sections.sections().stream()
                    .map(s -> new Chrome.NavSection(s.id(), s.slug(), s.name()))
                    .toList(),
                "");
    Csrf csrf = new Csrf(config.secureCookies(), config.baseUrl());
    this.auditLog = new AuditLog(database.jdbi(), clock);
    this.mailer = Mailer.from(config);
    this.accounts =
        Accounts.create(
            database.jdbi(),
            mailer,
            templates,
            csrf,
            new Accounts.Site(
                config.baseUrl().toString(), config.siteName(), config.secureCookies(), chrome),
            auditLog,
            clock);
    this.comments =
        Comments.create(
            database.jdbi(),
            accounts,
            mailer,
            templates,
            csrf,
            chrome,
            config.baseUrl().toString(),
            new Comments.Rules(
                Duration.ofDays(config.commentsCloseAfterDays()), config.commentRateLimits()),
            auditLog,
            new Stamp.Clock(config.timeZone()),
            clock);
    this.searchPages =
        new SearchPages(
            searchIndex,
            indexer::status,
            templates,
            chrome,
            csrf,
            new Stamp.Clock(config.timeZone()),
            clock);
    BookmarkDao bookmarkDao = new BookmarkDao(database.jdbi(), articleReads, clock);
    BookmarkPages bookmarkPages =
        new BookmarkPages(bookmarkDao, csrf, templates, chrome, new Stamp.Clock(config.timeZone()));
    ReaderPages reader =
        new ReaderPages(
            articleReads,
            listings,
            sections,
            pageCache,
            templates,
            chrome,
            new Stamp.Clock(config.timeZone()),
            config.baseUrl().toString(),
            csrf,
            comments.dao(),
            comments.service(),
            bookmarkDao,
            clock,
            new Corrections(database.jdbi()),
            new Pins(database.jdbi()),
            database.jdbi(),
            accounts.sessions());
    FastPath fastPath =
        new FastPath(
            pageCache,
            accounts.sessions().cookieName(),
            csrf.cookieName(),
            reader::signedInArticle);
    io.micrometer.core.instrument.FunctionCounter.builder(
            "http_signed_in_pages_in_front", fastPath, FastPath::signedInAnswers)
        .description("Signed-in readers' article pages filled in before the framework")
        .register(metrics.registry);
    this.ops = new Operations(database, metrics.registry, config.managementPort());
    pressroom.net.ClientAddress clients = new pressroom.net.ClientAddress(config.trustedProxies());
    SourcesPage sourcesPage =
        new SourcesPage(
            sources,
            poller,
            new FeedPreview(fetcher, agencies, clock),
            sections,
            templates,
            chrome,
            csrf,
            new Stamp.Clock(config.timeZone()),
            auditLog);
    SectionPages sectionPages =
        new SectionPages(
            new SectionEdits(database.jdbi()),
            new CommentSettings(database.jdbi()),
            auditLog,
            templates,
            chrome,
            csrf);
    WritePages writePages =
        new WritePages(
            sections,
            articles,
            auditLog,
            templates,
            chrome,
            csrf,
            config.baseUrl().toString(),
            clock);
    ArticleDesk articleDesk = new ArticleDesk(database.jdbi());
    DeskPages deskPages =
        new DeskPages(
            articleDesk,
            sections,
            templates,
            chrome,
            csrf,
            new Stamp.Clock(config.timeZone()),
            clock);
    ArticleEditor articleEditor =
        new ArticleEditor(
            articleDesk,
            new EditorialWrites(database.jdbi(), clock),
            new Corrections(database.jdbi()),
            sections,
            auditLog,
            new ArticleEditor.Page(templates, chrome, csrf, new Stamp.Clock(config.timeZone())));
    pressroom.web.RequestLimit requestLimit =
        new pressroom.web.RequestLimit(config.requestLimits());
    requestLimit.bindTo(metrics.registry);
    ErrorPages errors = new ErrorPages(templates, chrome, config.siteName(), Auth::viewer, csrf);
    this.javalin =
        Server.create(
            config,
            clients,
            requestLimit,
            c -> {
              apiEndpoints.addAll(
                  Routes.configure(
                      c,
                      new Routes.Handlers(
                          reader,
                          sourcesPage,
                          accounts.registrationPages(),
                          accounts.signInPages(bookmarkPages::afterSignIn),
                          accounts.recoveryPages(),
                          accounts.profilePages(
                              List.of(
                                  new PersonalData("comments", comments.authors()::writtenBy),
                                  new PersonalData("bookmarks", bookmarkDao::savedBy))),
                          accounts.userPages(),
                          accounts.api(),
                          comments.pages(),
                          comments.moderationPages(),
                          comments.feed(),
                          comments.api(),
                          bookmarkPages,
                          new FeedsOut(
                              listings,
                              sections,
                              new Sitemaps(database.jdbi()),
                              config.baseUrl().toString(),
                              config.siteName(),
                              clock),
                          new ArticleApi(
                              articleReads, listings, sections, config.baseUrl().toString(), clock),
                          searchPages,
                          accounts.auth(),
                          csrf,
                          ops,
                          errors,
                          fastPath,
                          config.baseUrl().toString(),
                          new Dashboard(
                              sources,
                              new ArticleStats(database.jdbi()),
                              new CommentStats(database.jdbi()),
                              articleReads,
                              templates,
                              chrome,
                              csrf,
                              clock),
                          new AuditPages(
                              auditLog,
                              templates,
                              chrome,
                              csrf,
                              new Stamp.Clock(config.timeZone())),
                          accounts.twoFactorPages(),
                          accounts.securityPage(),
                          sectionPages,
                          writePages,
                          deskPages,
                          articleEditor,
                          pictureServing)));
            });
  }

  /** Readers watching an article whose comments changed on any node get them now. */
  private void pushLiveComments(java.util.Set<Change> changed) {
    List<String> commented =
        changed.stream()
            .filter(c -> c instanceof Change.CommentsChanged)
            .map(c -> ((Change.CommentsChanged) c).articleId())
            .toList();
    if (!commented.isEmpty()) {
      comments.live().commentsChanged(commented);
    }
  }

  /** Opens the database (migrating it) and builds the site; does not listen yet. */
  public static App create(Config config) {
    return new App(config, InstantSource.system());
  }

  /** An app whose time comes from {@code clock} (tests pass one they can move). */
  public static App create(Config config, InstantSource clock) {
    return new App(config, clock);
  }

  /** Loads the bundled demo into an empty site, if the configuration asks for it. */
  public App loadDemoIfEmpty() {
    if (config.demo()) {
      new DemoContent(sections, articles, sources, articlePictures, clock).loadIfEmpty();
    }
    return this;
  }

  public App start() {
    // Builds an empty index, or catches up with the changes made while this node was down, in
    // the background: the site serves meanwhile.
    indexer.start();
    javalin.start(config.host(), config.port());
    changes.start(Duration.ofMillis(250));
    if (database.dialect() == pressroom.db.Dialect.POSTGRESQL) {
      changes.listen(database.dataSource()); // other nodes' changes at once, the poll kept
    }
    scheduler.start();
    started = true;
    log.info(
        "Pressroom is serving {} on port {} ({} database)",
        config.baseUrl(),
        port(),
        database.dialect().name().toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  /** The site's port (with a management port there are two connectors; this is the other one). */
  public int port() {
    return Server.sitePort(javalin, config);
  }

  public InstantSource clock() {
    return clock;
  }

  /** Sends the reply notifications asked for so far before it returns (tests, shutdown). */
  public void awaitReplyMails() {
    comments.notifier().awaitSent(Duration.ofSeconds(10));
  }

  /**
   * Applies the content change log now rather than at the next poll (tests read their own change).
   */
  public void applyContentChanges() {
    changes.poll();
  }

  /** Stores articles (new ones, corrections, status changes). */
  /** Every staff action, for tests and the command line. */
  public AuditLog auditLog() {
    return auditLog;
  }

  public ArticleWrites articles() {
    return articles;
  }

  public ArticleReads articleReads() {
    return articleReads;
  }

  public Listings listings() {
    return listings;
  }

  public Sections sections() {
    return sections;
  }

  /** Keeps this node's search index in step with the database. */
  public Indexer indexer() {
    return indexer;
  }

  public Database database() {
    return database;
  }

  public SourceDao sources() {
    return sources;
  }

  /** Fetches due sources, or one source now. */
  public Poller poller() {
    return poller;
  }

  /** Registers accounts (the command line and tests create theirs here). */
  public Registrations accounts() {
    return accounts.registrations();
  }

  public AccountDao accountDao() {
    return accounts.dao();
  }

  /** Accounts' second factors (the command line removes one for someone locked out). */
  public pressroom.accounts.TwoFactor twoFactor() {
    return accounts.twoFactor();
  }

  /** Rebuilds the search index from the database; returns the number of articles. */
  public int reindex() {
    return reindex(n -> {});
  }

  /**
   * Rebuilds the search index, reporting articles done.
   *
   * @throws ArticleIndex.IndexBusyException when a running site holds the index (then use {@link
   *     #askSitesToReindex()})
   */
  public int reindex(java.util.function.IntConsumer progress) {
    return indexer.rebuild(progress);
  }

  /**
   * Opens this node's search index now.
   *
   * @throws ArticleIndex.IndexBusyException when a running site holds it
   */
  public void openSearchIndex() {
    searchIndex.size();
  }

  /** Asks every running node, through the change log, to rebuild its own index. */
  public void askSitesToReindex() {
    ContentChanges.recordEverything(database.jdbi());
  }

  /** Every /api/v1 endpoint, as "METHOD path". */
  public java.util.List<String> apiEndpoints() {
    return java.util.List.copyOf(apiEndpoints);
  }

  public Importer importer() {
    return importer;
  }

  public LicenceMaintenance licences() {
    return licences;
  }

  /** Fetches and stores the pictures articles want (tests run it themselves). */
  public PictureJob pictureJob() {
    return pictureJob;
  }

  public ArticlePictures articlePictures() {
    return articlePictures;
  }

  /**
   * Before a stop: /healthz says "draining" for {@code time}, so the load balancer's checks see it
   * and stop sending requests before the node closes (a rolling restart loses none).
   */
  public void drain(java.time.Duration time) throws InterruptedException {
    if (time.isZero()) {
      return;
    }
    ops.drain();
    log.info("Draining for {} s before stopping", time.toSeconds());
    Thread.sleep(time);
  }

  @Override
  public void close() {
    if (started) {
      scheduler.close();
    }
    changes.close();
    if (sharedCachePurge != null) {
      sharedCachePurge.close();
    }
    indexer.close();
    searchIndex.close();
    accounts.close();
    comments.close();
    javalin.stop();
    fetcher.close();
    pictureFetcher.close();
    metrics.close();
    database.close();
  }
}
