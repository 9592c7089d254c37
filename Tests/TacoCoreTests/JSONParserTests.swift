import Foundation
import Testing

@testable import TacoCore

/// The one JSON parser: a document read whole and the same bytes streamed in small buffers give the same value, a
/// number keeps its exact text, and a hostile document is refused with its line and column.
@Suite struct JSONParserTests {
    /// An AWS price dimension: the price is a string, the tier bounds too; `12.50` is a bare number.
    static let offer = """
        {"sku": "ABC", "priceDimensions": {"ABC.1": {"unit": "Hrs", "pricePerUnit": {"USD": "0.0420000000"}}},
         "count": 12.50, "tags": [true, false, null, "é\\u00e9\\ud83d\\ude00"]}
        """

    /// Streams `text` in buffers of `size` bytes through `init(buffer:refill:)`.
    static func streamed(_ text: String, size: Int) throws -> JSONValue {
        let bytes = Array(text.utf8)
        // One copy of the bytes stays alive for the parser's whole run; each refill hands over the next slice.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { storage.deallocate() }
        storage.copyBytes(from: bytes)
        var offset = min(size, bytes.count)
        let streaming = JSONParser(buffer: UnsafeRawBufferPointer(rebasing: storage[0..<offset])) {
            guard offset < bytes.count else { return nil }
            let end = min(offset + size, bytes.count)
            defer { offset = end }
            return UnsafeRawBufferPointer(rebasing: storage[offset..<end])
        }
        return try streaming.readValue()
    }

    @Test func aDocumentReadWholeOrStreamedGivesTheSameValue() throws {
        let whole = try JSONParser.parse(Self.offer)
        for size in [1, 2, 7, 64] {
            #expect(try Self.streamed(Self.offer, size: size) == whole)
        }
        // The price keeps its ten decimals and the bare number its trailing zero: text, not a Double.
        #expect(whole["priceDimensions"]?["ABC.1"]?["pricePerUnit"]?["USD"] == .string("0.0420000000"))
        #expect(whole["count"] == .number("12.50"))
        #expect(whole["count"]?.number == 12.5)
        // é, é again (\u00e9) and 😀 (the surrogate pair d83d de00 = U+1F600).
        #expect(whole["tags"]?.elements.last == .string("éé😀"))
    }

    @Test func aKeyGivenTwiceIsRefusedAtTheKey() {
        // Line 2 is `  "a": 2}`: the second "a" starts after 2 spaces, at column 3.
        #expect(throws: JSONParser.Failure(line: 2, column: 3, message: "the key 'a' appears twice in one object")) {
            try JSONParser.parse("{\"a\": 1,\n  \"a\": 2}")
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefusedNotACrash() throws {
        // 64 arrays nest within the limit (depths 0…63); the 65th opens at depth 64.
        _ = try JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))
        let deep = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONParser(bytes: Array(deep.utf8)).readValue()
            Issue.record("a 100,000-deep document was read")
        } catch let failure as JSONParser.Failure {
            #expect(failure.message.contains("more than 64 nested arrays or objects"))
            #expect(failure.column == 65)
        }
    }

    @Test func aNumberOutsideADoubleIsNamed() {
        // `{"n": ` is 6 characters: the number starts at column 7.
        #expect(
            throws: JSONParser.Failure(
                line: 1, column: 7, message: "the number 1e400 is outside the range of a double (±1.8e308)")
        ) { try JSONParser.parse("{\"n\": 1e400}") }
    }
}
