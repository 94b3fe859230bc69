package org.dicomtools.deid.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void xmlTextEscapesMarkupAndCarriageReturnAndDropsIllegalCharacters() {
        assertEquals("a&lt;b&amp;c&gt;d\"'\t\n&#13;\ud83d\ude00", Markup.xmlText("a<b&c>d\"'\t\n\r\u0000\u0001\u001f\ud83d\ude00"));
        assertEquals("xy", Markup.xmlText("x\ud800\udc00".substring(0, 2) + "\ufffe\uffffy"));
        assertEquals("ab", Markup.xmlText("a\udc00b"));
    }

    @Test
    void xmlAttributeAlsoEscapesQuotesAndWhitespace() {
        assertEquals("&quot;&apos;&#9;&#10;&#13;&lt;&amp;&gt;\u0085", Markup.xmlAttribute("\"'\t\n\r<&>\u0085"));
    }

    @Test
    void htmlEscapesQuotesAndDropsControlsIncludingC1() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\t\n\f", Markup.html(
                "<a href=\"x\" title='y'>&\t\n\f\u0000\u007f\u0085\u009f"));
    }

    @Test
    void uriPathPercentEncodesAllButUnreservedAndSlash() {
        assertEquals("a%20b/%C3%BC~_-.x/%3A%25%3F%23", Markup.uriPath("a b\\\u00fc~_-.x/:%?#"));
        assertEquals("javascript%3Aalert%281%29", Markup.uriPath("javascript:alert(1)"));
        assertEquals("%F0%9F%98%80", Markup.uriPath("\ud83d\ude00"));
    }
}
