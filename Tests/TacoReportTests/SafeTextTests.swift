import TacoReport
import Testing

/// The one output sanitiser: each kind of output gets its escaping, and our own colour sequences survive on a TTY.
@Suite struct SafeTextTests {
    @Test func terminalTextEscapesEveryControlButLineFeedAndTab() {
        // OSC 52 clipboard write, BEL, a screen clear, a C1 CSI (U+009B), DEL and a right-to-left override.
        let hostile = "a\u{1B}]52;c;eA==\u{07}b\u{1B}[2Jc\u{9B}d\u{7F}e\u{202E}f\tg\nh"
        #expect(
            SafeText.terminal(hostile)
                == "a\\u{1B}]52;c;eA==\\u{7}b\\u{1B}[2Jc\\u{9B}d\\u{7F}e\\u{202E}f\tg\nh")
    }

    @Test func colourKeepsOnlySGRSequences() {
        let text = "\u{1B}[1;31mFAIL\u{1B}[0m \u{1B}[2J\u{1B}]0;title\u{07}"
        #expect(SafeText.terminal(text, colour: true) == "\u{1B}[1;31mFAIL\u{1B}[0m \\u{1B}[2J\\u{1B}]0;title\\u{7}")
        #expect(SafeText.terminal(text, colour: false).unicodeScalars.allSatisfy { $0 != "\u{1B}" })
    }

    @Test func plainTextIsReturnedUnchanged() {
        let text = "Seoul 서울 — $2.25/h\n\ttab"
        #expect(SafeText.terminal(text) == text)
    }

    @Test func htmlXmlAndCSV() {
        #expect(SafeText.html("<img onerror='x'>&\"") == "&lt;img onerror=&#39;x&#39;&gt;&amp;&quot;")
        #expect(SafeText.xml("a<b>\u{1B}'") == "a&lt;b&gt; &apos;")
        #expect(SafeText.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(SafeText.csvField("-12.5") == "-12.5")
        #expect(SafeText.csvField("-cmd") == "'-cmd")
        #expect(SafeText.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(SafeText.csvField("\tx") == "'\tx")
    }
}
