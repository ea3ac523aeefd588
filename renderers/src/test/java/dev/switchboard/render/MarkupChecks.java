package dev.switchboard.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks that rendered markup is valid for its format, with the JDK's XML parser and no network access.
 * Published in this module's test-jar (with {@code dtd/wml_1.1.dtd}) so that adapters check their own
 * output the same way. Each check throws {@link AssertionError} with the parser's message and the
 * markup when it fails, and returns the parsed document for further assertions.
 */
public final class MarkupChecks {
    /** The public identifier of WML 1.1. */
    public static final String WML_11_PUBLIC_ID = "-//WAPFORUM//DTD WML 1.1//EN";
    /** The system identifier of WML 1.1, resolved to the copy of the DTD on the class path. */
    public static final String WML_11_SYSTEM_ID = "http://www.wapforum.org/DTD/wml_1.1.xml";
    /** The public identifier of XHTML Mobile Profile 1.2. */
    public static final String XHTML_MP_12_PUBLIC_ID = "-//WAPFORUM//DTD XHTML Mobile 1.2//EN";
    /** Where the WML 1.1 DTD lies on the class path. */
    public static final String WML_11_DTD_RESOURCE = "/dtd/wml_1.1.dtd";

    private static final String FRAGMENT_ROOT = "markup-checks-fragment";

    private MarkupChecks() {
    }

    /**
     * Parses {@code xml} as a namespace-aware XML document without validating it. An external DTD the
     * document names is not read (and not fetched), so only the predefined entities may be used.
     */
    public static Document wellFormedXml(String xml) {
        return parse(xml, false);
    }

    /**
     * Parses {@code deck} and validates it against the WML 1.1 DTD. The deck must declare the WML 1.1
     * DOCTYPE; the DTD is read from {@value #WML_11_DTD_RESOURCE} on the class path.
     */
    public static Document validWml(String deck) {
        Document document = parse(deck, true);
        DocumentType doctype = document.getDoctype();
        if (doctype == null || !WML_11_PUBLIC_ID.equals(doctype.getPublicId())) {
            throw new AssertionError("not a WML 1.1 deck (public id " + (doctype == null ? "missing" : doctype.getPublicId())
                    + "):\n" + deck);
        }
        return document;
    }

    /**
     * Checks that an HTML fragment (several elements or text, as a chat widget inserts it) is
     * XHTML-compatible: well-formed once wrapped in one root element. Returns the wrapping document.
     */
    public static Document wellFormedHtmlFragment(String html) {
        return parse("<" + FRAGMENT_ROOT + ">" + html + "</" + FRAGMENT_ROOT + ">", false);
    }

    private static Document parse(String markup, boolean validateWml) {
        try {
            DocumentBuilder builder = factory(validateWml).newDocumentBuilder();
            builder.setEntityResolver(new LocalDtds());
            builder.setErrorHandler(new FailOnError());
            return builder.parse(new InputSource(new StringReader(markup)));
        } catch (SAXException e) {
            throw new AssertionError((validateWml ? "invalid WML: " : "not well-formed: ") + e.getMessage()
                    + "\n" + markup, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("could not check markup: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory(boolean validate) throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(validate);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", validate);
        return factory;
    }

    /** Resolves the WML 1.1 DTD to the class path and refuses every other external entity. */
    private static final class LocalDtds implements EntityResolver {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            if (WML_11_PUBLIC_ID.equals(publicId) || WML_11_SYSTEM_ID.equals(systemId)) {
                URL dtd = MarkupChecks.class.getResource(WML_11_DTD_RESOURCE);
                InputStream stream = MarkupChecks.class.getResourceAsStream(WML_11_DTD_RESOURCE);
                if (dtd == null || stream == null) {
                    throw new SAXException("the WML 1.1 DTD is not on the class path at " + WML_11_DTD_RESOURCE);
                }
                InputSource source = new InputSource(stream);
                source.setPublicId(publicId);
                source.setSystemId(dtd.toExternalForm());
                return source;
            }
            throw new SAXException("refusing to fetch external entity " + publicId + " " + systemId);
        }
    }

    /** Makes validity errors fail the parse; the default handler only prints them. */
    private static final class FailOnError implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // Warnings are about the DTD itself (duplicate declarations), not about the document.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw new SAXException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
        }
    }
}
