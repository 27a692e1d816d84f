package pressroom.ingest.formats;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Parses a feed's XML through a SAX parser that refuses DOCTYPEs and external entities and bounds
 * element depth; a feed cut off mid-item keeps its complete items.
 */
final class SafeXml {
  /** Deeper than any real feed; stops pathological nesting before it costs stack or memory. */
  static final int MAX_ELEMENT_DEPTH = 256;

  private static final XMLReaderJDOMFactory SAFE_READERS = new SafeXmlReaders();

  private SafeXml() {}

  static Document parseRecovering(XmlRepair.Repaired repaired, List<String> notes)
      throws FeedException {
    try {
      return parse(repaired.xml());
    } catch (JDOMParseException e) {
      String problem = problem(e, repaired.linesCut());
      String closed =
          atEnd(e, repaired.xml())
              ? XmlRepair.closeAfterLastItem(repaired.xml(), repaired.rootName())
              : null;
      if (closed != null) {
        try {
          Document document = parse(closed);
          notes.add(problem + "; kept the complete items before that point, the rest is lost");
          return document;
        } catch (JDOMException | IOException retry) {
          // the break was not the only problem: report the original one
        }
      }
      throw new FeedException(problem, e);
    } catch (JDOMException | IOException e) {
      throw new FeedException("the feed could not be read as XML: " + e.getMessage(), e);
    }
  }

  /** Parses with {@link SafeXmlReaders}; package-private so tests can attack the parser alone. */
  static Document parse(String xml) throws JDOMException, IOException {
    SAXBuilder builder = new SAXBuilder(SAFE_READERS);
    // JDOM turns external-general-entities on when it expands entities: keep it off.
    builder.setExpandEntities(false);
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entities are refused (" + systemId + ")");
        });
    builder.setReuseParser(false);
    // The XML parser has already checked every name and character: JDOM's own checks again
    // were a fifth of building the document.
    builder.setJDOMFactory(new UncheckedJDOMFactory());
    return builder.build(new StringReader(xml));
  }

  /** The parse error in plain words, with the line as the partner's file numbers it. */
  private static String problem(JDOMParseException e, int linesCut) {
    String message =
        String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (message.contains("DOCTYPE")) {
      return XmlRepair.DOCTYPE_REFUSED;
    }
    if (message.contains("maxElementDepth")) {
      return "the feed nests elements more than " + MAX_ELEMENT_DEPTH + " deep, which is refused";
    }
    int line = e.getLineNumber() > 0 ? e.getLineNumber() + linesCut : -1;
    return "the feed is not well-formed XML"
        + (line > 0 ? " (line " + line + ")" : "")
        + ": "
        + message;
  }

  /** True when the parser ran out of text, i.e. the feed was probably cut off. */
  private static boolean atEnd(JDOMParseException e, String xml) {
    int lines = 1;
    for (int i = 0; i < xml.length(); i++) {
      if (xml.charAt(i) == '\n') {
        lines++;
      }
    }
    String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : "");
    return e.getLineNumber() >= lines
        || message.contains("must start and end within the same entity");
  }

  /** SAX readers that refuse DOCTYPEs and external entities and bound element depth. */
  private static final class SafeXmlReaders implements XMLReaderJDOMFactory {
    @Override
    public XMLReader createXMLReader() throws JDOMException {
      try {
        // The JDK's own parser, whatever else is on the classpath: its limits are known.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        reader.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        // JDK 24+ count every &lt; and &amp; against entity limits of 100,000 characters, which
        // a big feed of escaped HTML passes. With DOCTYPEs refused only the five predefined
        // entities and character references remain, each at most the size of the document.
        String documentSize = String.valueOf(FeedParser.MAX_BYTES);
        reader.setProperty("jdk.xml.maxGeneralEntitySizeLimit", documentSize);
        reader.setProperty("jdk.xml.totalEntitySizeLimit", documentSize);
        return reader;
      } catch (ParserConfigurationException | SAXException e) {
        throw new JDOMException("the XML parser cannot be made safe: " + e.getMessage(), e);
      }
    }

    @Override
    public boolean isValidating() {
      return false;
    }
  }
}
