package pressroom.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates shaped the way real feeds write them, and what each one means. */
class FeedDatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // RFC 822 as feeds bend it
        "Tue,07 May 2024 09:15:00 GMT                     | 2024-05-07T09:15:00Z",
        "Tue ,07 May 2024 09:15:00 GMT                    | 2024-05-07T09:15:00Z",
        "Tuesday, 7 May, 2024 09:15 EDT                   | 2024-05-07T13:15:00Z",
        "Tue, 07 May, 2024 09:15:00 +0200                 | 2024-05-07T07:15:00Z",
        "Tue, 07, May 2024 09:15:00 +0200                 | 2024-05-07T07:15:00Z",
        "07 September 2024 18:30:00 +0000                 | 2024-09-07T18:30:00Z",
        "Sat, 7 Sept. 2024 18:30 GMT                      | 2024-09-07T18:30:00Z",
        "SAT, 07 SEP 2024 18:30:00 GMT                    | 2024-09-07T18:30:00Z",
        "Mon, 03 Jun 2019 08:00:00                        | 2019-06-03T08:00:00Z",
        "Mon, 03 June 2019 08:00:00.750 GMT               | 2019-06-03T08:00:00.750Z",
        "21 Jul 99 16:45:00 GMT                           | 1999-07-21T16:45:00Z",
        "21 Jul 19 16:45:00 GMT                           | 2019-07-21T16:45:00Z",
        // a date with no time is midnight UTC
        "Thursday, 14 March 2019                          | 2019-03-14T00:00:00Z",
        "14 Mar 2019                                      | 2019-03-14T00:00:00Z",
        "Thu, 14 Mar 2019 GMT                             | 2019-03-14T00:00:00Z",
        // month before the day, ordinals, 12-hour clock
        "March 14, 2019 8:05 PM EST                       | 2019-03-15T01:05:00Z",
        "March 14th, 2019 8:05pm                          | 2019-03-14T20:05:00Z",
        "Fri, 12 Jan 2018 12:00 AM GMT                    | 2018-01-12T00:00:00Z",
        "Fri, 12 Jan 2018 12:30 p.m. GMT                  | 2018-01-12T12:30:00Z",
        // zone names: generic ones follow their region's daylight saving rules
        "Tue, 07 May 2024 09:15:00 ET                     | 2024-05-07T13:15:00Z",
        "Tue, 07 Jan 2025 09:15:00 ET                     | 2025-01-07T14:15:00Z",
        "Tue, 07 Jan 2025 09:15:00 EST                    | 2025-01-07T14:15:00Z",
        "Wed, 10 Jul 2024 06:00:00 PT                     | 2024-07-10T13:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 PST                    | 2024-07-10T14:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 PDT                    | 2024-07-10T13:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 CT                     | 2024-07-10T11:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 CST                    | 2024-07-10T12:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 MT                     | 2024-07-10T12:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 MDT                    | 2024-07-10T12:00:00Z",
        "Wed, 10 Jul 2024 06:00:00 MST                    | 2024-07-10T13:00:00Z",
        "Mon, 11 Nov 2019 16:45:00 MET                    | 2019-11-11T15:45:00Z",
        "Mon, 11 Nov 2019 16:45:00 CET                    | 2019-11-11T15:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 MEST                   | 2019-07-21T14:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 CEST                   | 2019-07-21T14:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 UT                     | 2019-07-21T16:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 UTC                    | 2019-07-21T16:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 Z                      | 2019-07-21T16:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 GMT+2                  | 2019-07-21T14:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 GMT-05:00              | 2019-07-21T21:45:00Z",
        "Sun, 21 Jul 2019 16:45:00 +05:30                 | 2019-07-21T11:15:00Z",
        "Sun, 21 Jul 2019 16:45:00 -0330                  | 2019-07-21T20:15:00Z",
        "Sun, 21 Jul 2019 16:45:00 -0500 (EST)            | 2019-07-21T21:45:00Z",
        // JavaScript's Date.toString()
        "Tue May 07 2024 09:15:00 GMT+0200 (Central European Summer Time) | 2024-05-07T07:15:00Z",
        // asctime, Twitter, Unix date(1)
        "Tue May  7 09:15:00 2024                         | 2024-05-07T09:15:00Z",
        "Tue May 07 09:15:00 +0000 2024                   | 2024-05-07T09:15:00Z",
        "Wed Dec 18 23:05:11 -0800 2019                   | 2019-12-19T07:05:11Z",
        "Tue May 07 09:15:00 UTC 2024                     | 2024-05-07T09:15:00Z",
        // ISO 8601 and W3C-DTF: a space for the T, no zone (UTC), fractions, compact forms
        "2024-05-07 09:15:00                              | 2024-05-07T09:15:00Z",
        "2024-05-07T09:15:00                              | 2024-05-07T09:15:00Z",
        "2024-05-07 09:15:00+02:00                        | 2024-05-07T07:15:00Z",
        "2024-05-07 09:15:00 +0200                        | 2024-05-07T07:15:00Z",
        "2024-05-07T09:15:00.250-04:00                    | 2024-05-07T13:15:00.250Z",
        "2024-05-07T09:15:00,5Z                           | 2024-05-07T09:15:00.500Z",
        "2024-05-07T09:15:00.123456789Z                   | 2024-05-07T09:15:00.123456789Z",
        "2024-05-07t09:15:00z                             | 2024-05-07T09:15:00Z",
        "2024-05-07T09:15                                 | 2024-05-07T09:15:00Z",
        "2024-05-07 9:15                                  | 2024-05-07T09:15:00Z",
        "2024-05-07T09:15+02                              | 2024-05-07T07:15:00Z",
        "2024-05-07T09:15:00 EST                          | 2024-05-07T14:15:00Z",
        "2024-5-7T9:15:00Z                                | 2024-05-07T09:15:00Z",
        "20240507T091500Z                                 | 2024-05-07T09:15:00Z",
        "20240507                                         | 2024-05-07T00:00:00Z",
        "2024-05-07                                       | 2024-05-07T00:00:00Z",
        "2024-05                                          | 2024-05-01T00:00:00Z",
        "2024                                             | 2024-01-01T00:00:00Z",
        // year first with slashes (Perforce and others)
        "Fri, 2006/09/15 08:19:53 EDT                     | 2006-09-15T12:19:53Z",
        "2024/05/07 09:15                                 | 2024-05-07T09:15:00Z",
        // Korean (OnBlog, Nate), Korean time
        "2024년 05월 07일 18:15:00                         | 2024-05-07T09:15:00Z",
        "2024년 5월 7일 18:15                              | 2024-05-07T09:15:00Z",
        "2024-05-07 오후 6:15:00                           | 2024-05-07T09:15:00Z",
        "2024-05-07 오후 12:30:00                          | 2024-05-07T03:30:00Z",
        "2024-05-07 오전 12:30:00                          | 2024-05-06T15:30:00Z",
        "2024-05-07 오전 9:05:00                           | 2024-05-07T00:05:00Z",
        // Greek: weekday and month names, abbreviated, with or without accents, or in the genitive
        "Τρι, 07 Μάι 2024 12:15:00 EEST                   | 2024-05-07T09:15:00Z",
        "Κυρ, 15 Δεκ 2019 08:00:00 +0200                  | 2019-12-15T06:00:00Z",
        "Σαβ, 01 Ιουν 2024 10:00:00 GMT                   | 2024-06-01T10:00:00Z",
        "Πεμ, 04 Ιούλ 2024 10:00:00 GMT                   | 2024-07-04T10:00:00Z",
        "Δευ, 02 Σεπ 2024 10:00:00 +0300                  | 2024-09-02T07:00:00Z",
        "7 Μαΐου 2024 12:15                               | 2024-05-07T12:15:00Z",
        // Hungarian: ISO 8601 with the month's name
        "2024-május-07T11:15+02:00                        | 2024-05-07T09:15:00Z",
        "2019-december-3T8:05+01:00                       | 2019-12-03T07:05:00Z",
        "2024-október-21T10:00:00Z                        | 2024-10-21T10:00:00Z",
      })
  void readsTheDate(String text, String expected) {
    assertThat(FeedDates.read(text)).as(text).contains(Instant.parse(expected));
  }

  @Test
  void spacesOfEveryKindAroundAndInsideAreTolerated() {
    assertThat(FeedDates.read("  Tue,\u00a007 May 2024\t09:15:00 GMT \n"))
        .contains(Instant.parse("2024-05-07T09:15:00Z"));
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        ",,,",
        "next Tuesday-ish, after lunch",
        "yesterday",
        "TBA",
        // year 0, and the "no date" placeholder some systems write
        "0000-05-07T09:15:00Z",
        "Tue, 07 May 0000 09:15:00 GMT",
        "0001-01-01T00:00:00Z",
        // month 13, days and times that do not exist
        "2024-13-07T09:15:00Z",
        "2024-13-07",
        "2024-00-07",
        "Tue, 31 Feb 2024 09:15:00 GMT",
        "2024-02-30",
        "2024-05-07T25:00:00Z",
        "2024-05-07T09:60:00Z",
        "2024-05-07T09:15:61Z",
        "Tue, 07 May 2024 13:15 PM",
        "2024-05-07 오후 13:15:00",
        "2024년 05월 32일 18:15:00",
        // zones that are unknown, ambiguous or impossible are not guessed
        "Tue, 07 May 2024 09:15:00 XYZ",
        "Tue, 07 May 2024 09:15:00 IST",
        "Tue, 07 May 2024 09:15:00 BST",
        "Tue, 07 May 2024 09:15:00 A",
        "Tue, 07 May 2024 09:15:00 +2500",
        "Tue, 07 May 2024 09:15:00 +0160",
        "2024-05-07T09:15:00+02:00 or so",
        "Tue, 07 May 2024 09:15:00 GMT and then some",
        // shapes that mean different days to different readers, or nothing at all
        "12/05/2024",
        "05.07.2024",
        "1715073300",
        "13:00",
        "May 2024",
        "07 Foo 2024",
        "07 Ma 2024",
        "Sat, 01 Ιου 2024 10:00:00 GMT",
        "2024-foo-07T11:15+02:00",
        "2024 09:15",
        "2024-05T09:15",
        "20240507T",
        "2024-05-07T",
        "2024-05-07T09",
      })
  void refusesWhatIsNotADate(String text) {
    assertThat(FeedDates.read(text)).as("[%s]", text).isEmpty();
  }

  @Test
  void aTextLongerThanAnyDateIsNotRead() {
    String padded = "Tue, 07 May 2024 09:15:00 GMT" + " ".repeat(40) + "(" + "x".repeat(100) + ")";
    assertThat(FeedDates.read(padded)).isEmpty();
  }

  @Test
  void theFirstReadableOfSeveralTextsIsTaken() {
    List<String> texts = Arrays.asList(null, "soon", "Tue,07 May 2024 09:15:00 GMT", "2020-01-01");
    assertThat(FeedDates.first(texts)).isEqualTo(Instant.parse("2024-05-07T09:15:00Z"));
    assertThat(FeedDates.first(List.of("soon", "later"))).isNull();
  }
}
