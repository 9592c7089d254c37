import Foundation
import Testing

@testable import TacoFetch

/// The download's delegate queue must run a callback before `addOperation` returns: that is what makes libcurl wait
/// for each chunk's disk write instead of queueing chunks in memory (Docs/Performance.md, "Fetch memory").
@Suite struct InlineDelegateQueueTests {
    final class Calls: @unchecked Sendable {
        var threads: [Thread] = []
    }

    @Test func runsEachCallbackAtOnceOnTheCallersThread() {
        let queue = InlineDelegateQueue()
        let calls = Calls()
        queue.addOperation { calls.threads.append(Thread.current) }
        queue.addOperation { calls.threads.append(Thread.current) }
        // Both ran before addOperation returned, on this thread, in order.
        #expect(calls.threads.count == 2)
        #expect(calls.threads.allSatisfy { $0 == Thread.current })
        #expect(queue.operationCount == 0)
    }
}
