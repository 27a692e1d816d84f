package pressroom.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class MailerTest {
  private static final String FROM = "Pressroom <no-reply@localhost>";
  private static final String TO = "reader@example.org";
  private static final String SUBJECT = "Şêxanî: confirm your address";
  private static final String TOKEN = "tok_3f9a7c21e8b54d06a1c2";
  private static final String TEXT =
      "Hello Şêxanî,\n\nconfirm here: https://news.example/t/" + TOKEN + "\n";
  private static final String HTML =
      "<p>Hello Şêxanî,</p><p><a href=\"https://news.example/t/" + TOKEN + "\">Confirm</a></p>";
  private static final String SMTP_USER = "mailer+news";
  private static final String SMTP_PASSWORD = "hunter2 p@ss:w/rd";

  private static final Mail MAIL = new Mail(TO, SUBJECT, TEXT, HTML);

  @Nested
  class Mails {
    @Test
    void textOnlyMailHasNoHtml() {
      assertThat(new Mail(TO, SUBJECT, TEXT).html()).isNull();
    }

    @Test
    void toStringLeavesTheBodiesOut() {
      assertThat(MAIL.toString()).contains(TO, SUBJECT).doesNotContain(TOKEN);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(
        delimiter = '|',
        nullValues = "NULL",
        textBlock =
            """
            NULL                   | Hi      | body | to is blank
            '  '                   | Hi      | body | to is blank
            reader@example.org     | NULL    | body | subject is blank
            reader@example.org     | ' '     | body | subject is blank
            reader@example.org     | Hi      | NULL | text is blank
            not an address         | Hi      | body | is not a mail address
            a@example.org, b@x.org | Hi      | body | is not a mail address
            """)
    void badMailsAreRefused(String to, String subject, String text, String problem) {
      assertThatThrownBy(() -> new Mail(to, subject, text, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(problem);
    }

    @Test
    void headersCannotBeSmuggledInThroughLineBreaks() {
      assertThatThrownBy(() -> new Mail(TO, "Hi\r\nBcc: everyone@example.org", TEXT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("subject must be one line");
      assertThatThrownBy(() -> new Mail(TO + "\nBcc: everyone@example.org", SUBJECT, TEXT))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankHtmlIsAMistakeNotATextOnlyMail() {
      assertThatThrownBy(() -> new Mail(TO, SUBJECT, TEXT, " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pass null");
    }
  }

  @Nested
  class SmtpUrls {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            smtp://mx.example.org                        | smtp://mx.example.org:25
            smtps://mx.example.org                       | smtps://mx.example.org:465
            SMTP://Mail.Example.org:2525/                | smtp://Mail.Example.org:2525
            smtp://mx.example.org:587?starttls=true      | smtp://mx.example.org:587?starttls=true
            smtp://mx.example.org?starttls=false         | smtp://mx.example.org:25
            smtp://[::1]:2525                            | smtp://[::1]:2525
            smtp://127.0.0.1                             | smtp://127.0.0.1:25
            smtps://apikey:hunter2@smtp.example.net:2465 | smtps://apikey:***@smtp.example.net:2465
            '  smtp://mx.example.org  '                  | smtp://mx.example.org:25
            """)
    void goodUrls(String url, String shown) {
      assertThat(SmtpUrl.parse(url).toString()).isEqualTo(shown);
    }

    @Test
    void userAndPasswordAreUrlDecodedAndPlusIsAPlus() {
      SmtpUrl url =
          SmtpUrl.parse("smtp://mailer%2Bnews:hunter2%20p%40ss%3Aw%2Frd+x@mail.example.org");

      assertThat(url.user()).isEqualTo("mailer+news");
      assertThat(url.password()).isEqualTo("hunter2 p@ss:w/rd+x");
      assertThat(url.host()).isEqualTo("mail.example.org");
    }

    @Test
    void unencodedSpecialCharactersInThePasswordStillWork() {
      SmtpUrl url = SmtpUrl.parse("smtp://user:hunter2@home/?#@mail.example.org:587");

      assertThat(url.password()).isEqualTo("hunter2@home/?#");
      assertThat(url.host()).isEqualTo("mail.example.org");
      assertThat(url.port()).isEqualTo(587);
    }

    @Test
    void noCredentialsMeansNoLogin() {
      SmtpUrl url = SmtpUrl.parse("smtp://mail.example.org");

      assertThat(url.user()).isNull();
      assertThat(url.password()).isNull();
      assertThat(url.tls()).isFalse();
      assertThat(url.startTls()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            http://mx.example.org                          | does not start with smtp:// or smtps://
            mx.example.org:587                             | does not start with smtp:// or smtps://
            user:hunter2@mx.example.org                    | does not start with smtp:// or smtps://
            smtp:/mx.example.org                           | does not start with smtp:// or smtps://
            smtp://                                        | has no host
            smtp://user:hunter2@                           | has no host
            smtp://user:hunter2@:587                       | has no host
            smtp://?starttls=true                          | has no host
            smtp://mx.example.org:abc                      | has a bad port 'abc'
            smtp://mx.example.org:                         | has a bad port ''
            smtp://mx.example.org:0                        | has a bad port '0'
            smtp://user:hunter2@mx.example.org:65536       | has a bad port '65536'
            smtp://mx.example.org:-25                      | has a bad port '-25'
            smtp://mx.example.org:25:26                    | has a bad host name 'mx.example.org:25'
            smtp://mail exa.org                            | has a bad host name 'mail exa.org'
            smtp://[::1                                    | has a bad IPv6 address
            smtp://mx.example.org/relay                    | has a path '/relay'
            smtp://mx.example.org?tls=yes                  | has an unknown option 'tls'
            smtp://mx.example.org?starttls=maybe           | has starttls='maybe'
            smtps://u:hunter2@mx.example.org?starttls=true | encrypted already
            smtp://user@mx.example.org                     | has a user name but no password
            smtp://:hunter2@mx.example.org                 | has a password but no user name
            smtp://user:hunter2%zz@mx.example.org          | has a broken %-escape in the password
            """)
    void badUrlsNameTheSettingAndTheProblemButNotThePassword(String url, String problem) {
      assertThatThrownBy(() -> Mailer.from(url, FROM, Path.of("data")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("PRESSROOM_SMTP_URL: ")
          .hasMessageContaining(problem)
          .message()
          .doesNotContain("hunter2");
    }

    @Test
    void redactionHidesEverythingBetweenUserAndHost() {
      assertThat(SmtpUrl.redact("smtp://u:hunter2@x@mail.example.org"))
          .isEqualTo("smtp://u:***@mail.example.org");
      assertThat(SmtpUrl.redact("smtp://mail.example.org:25"))
          .isEqualTo("smtp://mail.example.org:25");
    }

    @Test
    void badFromAddressIsRefused() {
      assertThatThrownBy(() -> Mailer.from("", "Pressroom", Path.of("data")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("From address 'Pressroom'");
    }

    @Test
    void mailerToStringHasNoPassword() {
      Mailer mailer =
          Mailer.from("smtp://user:hunter2@mail.example.org:587", FROM, Path.of("data"));

      assertThat(mailer.toString())
          .isEqualTo("SmtpMailer[smtp://user:***@mail.example.org:587, from no-reply@localhost]");
    }
  }

  @Nested
  class Smtp {
    @RegisterExtension
    final GreenMailExtension server =
        new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser("mailer@localhost", SMTP_USER, SMTP_PASSWORD));

    private String url(String userInfo) {
      return "smtp://" + userInfo + "127.0.0.1:" + server.getSmtp().getPort();
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private MimeMessage received() {
      assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage[] messages = server.getReceivedMessages();
      assertThat(messages).hasSize(1);
      return messages[0];
    }

    @Test
    void sendsWithoutCredentials() throws Exception {
      Mailer.from(url(""), FROM, Path.of("unused")).send(MAIL);

      assertWellFormed(received(), HTML);
    }

    @Test
    void sendsWithCredentials() throws Exception {
      String userInfo = encode(SMTP_USER) + ":" + encode(SMTP_PASSWORD) + "@";

      Mailer.from(url(userInfo), FROM, Path.of("unused")).send(MAIL);

      assertWellFormed(received(), HTML);
    }

    @Test
    void sendsTextOnlyMailAsPlainText() throws Exception {
      Mailer.from(url(""), FROM, Path.of("unused")).send(new Mail(TO, SUBJECT, TEXT));

      MimeMessage message = received();
      assertThat(message.isMimeType("text/plain")).isTrue();
      assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
      assertThat(body(message)).isEqualTo(body(TEXT));
    }

    @Test
    void wrongPasswordIsAMailExceptionThatDoesNotRepeatThePassword() {
      String wrong = "wrong-hunter3";
      Mailer mailer =
          Mailer.from(url(encode(SMTP_USER) + ":" + wrong + "@"), FROM, Path.of("unused"));

      assertThatThrownBy(() -> mailer.send(MAIL))
          .isInstanceOf(MailException.class)
          .hasMessageStartingWith("Login refused: the SMTP server 127.0.0.1:")
          .hasMessageContaining("did not accept the user name 'mailer+news'")
          .satisfies(e -> assertThat(messagesOf(e)).noneMatch(m -> m.contains(wrong)));
      assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsIsNeverSkipped() {
      // GreenMail's plain port either offers no STARTTLS or a certificate we do not trust.
      Mailer mailer = Mailer.from(url("") + "?starttls=true", FROM, Path.of("unused"));

      assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOf(MailException.class);
      assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void noServerListeningIsAPlainMailException() throws IOException {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      Mailer mailer = Mailer.from("smtp://u:hunter2@127.0.0.1:" + closedPort, FROM, Path.of("x"));

      assertThatThrownBy(() -> mailer.send(MAIL))
          .isInstanceOf(MailException.class)
          .hasMessageStartingWith("Could not connect to the SMTP server 127.0.0.1:" + closedPort)
          .satisfies(e -> assertThat(messagesOf(e)).noneMatch(m -> m.contains("hunter2")));
    }
  }

  @Nested
  class Smtps {
    @RegisterExtension
    final GreenMailExtension server = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    @Test
    void theServerCertificateIsChecked() {
      // GreenMail's certificate is self-signed, so a careful client must refuse it.
      Mailer mailer =
          Mailer.from("smtps://localhost:" + server.getSmtps().getPort(), FROM, Path.of("unused"));

      assertThatThrownBy(() -> mailer.send(MAIL))
          .isInstanceOf(MailException.class)
          .hasMessageContaining("(TLS failed: ");
      assertThat(server.getReceivedMessages()).isEmpty();
    }
  }

  @Nested
  class Outbox {
    @TempDir Path data;

    private List<Path> emlFiles() throws IOException {
      try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
        return files.sorted().toList();
      }
    }

    @Test
    void writesEachMailAsAnEmlFileAndLogsWhereButNotWhat() throws Exception {
      Mailer mailer = Mailer.from(null, FROM, data);
      Logger logger = (Logger) LoggerFactory.getLogger(OutboxMailer.class);
      ListAppender<ILoggingEvent> log = new ListAppender<>();
      log.start();
      logger.addAppender(log);
      try {
        mailer.send(MAIL);
        mailer.send(new Mail("Ada <ada@example.org>", "Second", "Plain only " + TOKEN));
      } finally {
        logger.detachAppender(log);
      }

      List<Path> files = emlFiles();
      assertThat(files).hasSize(2);
      assertThat(files)
          .allSatisfy(
              f ->
                  assertThat(f.getFileName().toString())
                      .matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}\\.eml"));

      List<MimeMessage> messages = files.stream().map(MailerTest::read).toList();
      MimeMessage first =
          messages.stream().filter(m -> subject(m).equals(SUBJECT)).findFirst().orElseThrow();
      MimeMessage second =
          messages.stream().filter(m -> subject(m).equals("Second")).findFirst().orElseThrow();
      assertWellFormed(first, HTML);
      assertThat(second.isMimeType("text/plain")).isTrue();
      assertThat(body(second)).isEqualTo("Plain only " + TOKEN);
      assertThat(((InternetAddress) second.getRecipients(RecipientType.TO)[0]).getPersonal())
          .isEqualTo("Ada");

      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .containsExactlyInAnyOrder(
              "Mail to " + TO + " written to " + files.get(messages.indexOf(first)),
              "Mail to Ada <ada@example.org> written to " + files.get(messages.indexOf(second)));
      assertThat(lines).noneMatch(l -> l.contains(TOKEN));
    }

    @Test
    void blankUrlAlsoMeansOutboxAndTheFolderIsCreated() throws Exception {
      Mailer mailer = Mailer.from("   ", FROM, data.resolve("not-yet"));

      mailer.send(MAIL);

      try (Stream<Path> files = Files.list(data.resolve("not-yet/outbox"))) {
        assertThat(files.toList())
            .singleElement()
            .satisfies(f -> assertThat(f.toString()).endsWith(".eml"));
      }
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
      Mailer mailer = Mailer.from(null, FROM, data);
      for (int i = 0; i < 5; i++) {
        mailer.send(MAIL);
      }

      assertThat(emlFiles()).hasSize(5).allSatisfy(f -> assertThat(f.toString()).endsWith(".eml"));
    }

    @Test
    void unwritableOutboxIsAMailException() throws IOException {
      Files.writeString(data.resolve("outbox"), "a file where the folder should be");
      Mailer mailer = Mailer.from(null, FROM, data);

      assertThatThrownBy(() -> mailer.send(MAIL))
          .isInstanceOf(MailException.class)
          .hasMessageContaining("Could not write the mail to " + TO);
    }
  }

  /** Checks what both mailers promise about every mail with an HTML part. */
  private static void assertWellFormed(MimeMessage message, String html) throws Exception {
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
    assertThat(from.getPersonal()).isEqualTo("Pressroom");
    assertThat(message.getRecipients(RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly(TO);
    assertThat(message.getSubject()).isEqualTo(SUBJECT);
    assertThat(message.getHeader("Subject")[0]).doesNotContain("Ş").contains("=?UTF-8?");
    assertThat(message.getSentDate()).isNotNull();
    assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@localhost>");
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

    assertThat(message.isMimeType("multipart/alternative")).isTrue();
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    Part text = parts.getBodyPart(0);
    Part htmlPart = parts.getBodyPart(1);
    assertThat(text.isMimeType("text/plain")).isTrue();
    assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(body(text)).isEqualTo(body(TEXT));
    assertThat(htmlPart.isMimeType("text/html")).isTrue();
    assertThat(htmlPart.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(body(htmlPart)).isEqualTo(body(html));
  }

  /** MIME text travels with CRLF line ends, and SMTP may drop the last one. */
  private static String body(Part part) throws Exception {
    return body((String) part.getContent());
  }

  private static String body(String text) {
    return text.replace("\r\n", "\n").stripTrailing();
  }

  private static MimeMessage read(Path eml) {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (IOException | MessagingException e) {
      throw new AssertionError("cannot read " + eml, e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> messagesOf(Throwable e) {
    return Stream.iterate(e, t -> t != null, Throwable::getCause)
        .map(t -> String.valueOf(t.getMessage()))
        .toList();
  }
}
