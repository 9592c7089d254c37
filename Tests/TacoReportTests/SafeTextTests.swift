import Foundation
import TacoReport
import Testing

/// The one output sanitiser: each kind of output gets its escaping, and our own colour sequences survive on a TTY.
@Suite struct SafeTextTests {
    @Test func terminalTextEscapesEveryControlButLineFeedAndTab() {
        // OSC 52 clipboard write, BEL, a screen clear, a C1 CSI (U+009B), DEL and a right-to-left override.
        let hostile = "a\u{1B}]52;c;eA==\u{07}b\u{1B}[2Jc\u{9B}d\u{7F}e\u{202E}f\tg\nh"
        #expect(
            SafeText.terminal(hostile)
                == "a\\u001B]52;c;eA==\\u0007b\\u001B[2Jc\\u009Bd\\u007Fe\\u202Ef\tg\nh")
    }

    @Test func colourKeepsOnlySGRSequences() {
        let text = "\u{1B}[1;31mFAIL\u{1B}[0m \u{1B}[2J\u{1B}]0;title\u{07}"
        #expect(SafeText.terminal(text, colour: true) == "\u{1B}[1;31mFAIL\u{1B}[0m \\u001B[2J\\u001B]0;title\\u0007")
        #expect(SafeText.terminal(text, colour: false).unicodeScalars.allSatisfy { $0 != "\u{1B}" })
    }

    @Test func aJSONDocumentStaysValidAndDecodesToTheSameText() throws {
        // A C1 control and a bidi override raw inside a JSON string (JSONEncoder leaves both unescaped).
        let json = "{\"name\":\"a\u{9B}b\\\\\u{202E}c\"}"
        let printed = SafeText.terminal(json)
        #expect(printed == "{\"name\":\"a\\u009Bb\\\\\\u202Ec\"}")
        let decoded = try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: String]
        #expect(decoded?["name"] == "a\u{9B}b\\\u{202E}c")
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
