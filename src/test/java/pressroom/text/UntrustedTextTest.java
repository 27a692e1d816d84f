package pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {
  @Test
  void removesWhatXmlCannotCarryAndDirectionOverridesAndKeepsTheRest() {
    assertThat(UntrustedText.clean("a\u0000b\u0001c\u001fd\uFFFEe\uFFFF")).isEqualTo("abcde");
    assertThat(UntrustedText.clean("admin\u202Enimda\u2066x\u2069")).isEqualTo("adminnimdax");
    assertThat(UntrustedText.clean("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
    assertThat(UntrustedText.clean("مرحبا\u200F world\u200E 🙂 é"))
        .isEqualTo("مرحبا\u200F world\u200E 🙂 é");
    assertThat(UntrustedText.clean("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
    assertThat(UntrustedText.clean(null)).isNull();
    String plain = "nothing to do here";
    assertThat(UntrustedText.clean(plain)).isSameAs(plain);
  }

  /**
   * Whatever comes in, what comes out is text an XML writer takes, and cleaning it again changes
   * nothing.
   */
  @Test
  void anyStringComesOutWritableAsXml() throws Exception {
    Random random = new Random(12_06_2026);
    XMLOutputFactory factory = XMLOutputFactory.newFactory();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(20);
      for (int j = 0; j < length; j++) {
        int pick = random.nextInt(5);
        s.append(
            switch (pick) {
              case 0 -> (char) random.nextInt(0x20);
              case 1 -> (char) (0x2060 + random.nextInt(0x10));
              case 2 -> (char) (0x2020 + random.nextInt(0x10));
              case 3 -> (char) (0xD800 + random.nextInt(0x800));
              default -> (char) random.nextInt(0x10000);
            });
      }
      String clean = UntrustedText.clean(s.toString());
      assertThat(UntrustedText.clean(clean)).isEqualTo(clean);
      clean
          .codePoints()
          .forEach(
              c ->
                  assertThat(
                          c == 0x9
                              || c == 0xA
                              || c == 0xD
                              || (c >= 0x20 && c <= 0xD7FF)
                              || (c >= 0xE000 && c <= 0xFFFD)
                              || c >= 0x10000)
                      .as("U+%04X", c)
                      .isTrue());
      StringWriter out = new StringWriter();
      XMLStreamWriter w = factory.createXMLStreamWriter(out);
      w.writeStartElement("t");
      w.writeCharacters(clean);
      w.writeEndElement();
      w.close();
      javax.xml.parsers.DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new org.xml.sax.InputSource(new java.io.StringReader(out.toString())));
    }
  }
}
