/// What `pricing fetch` did with one file (a regional price list or the Spot Advisor file): unchanged (304),
/// imported (with the import's report), or failed (why).
public struct FetchOutcome: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        /// 304 Not Modified: the stored prices are current; no body was transferred.
        case unchanged
        case imported(ImportReport)
        case failed(String)
    }
    /// `AmazonEC2 us-west-2`, `Spot Advisor`.
    public var label: String
    public var url: String
    public var result: Result
    /// Body bytes transferred for this file by this run.
    public var bytesTransferred: Int

    public init(label: String, url: String, result: Result, bytesTransferred: Int) {
        self.label = label
        self.url = url
        self.result = result
        self.bytesTransferred = bytesTransferred
    }
}
