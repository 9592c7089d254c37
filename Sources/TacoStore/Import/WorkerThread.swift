import Foundation

/// One thread of an import that runs the jobs handed to it, one at a time: a worker lane of the CSV parser, the
/// fingerprint or the read-ahead of the next chunk. Not a Dispatch pool thread: a pool as wide as the cores runs
/// a job queued behind others only when one of them ends, so reading, fingerprinting and parsing would take
/// turns instead of overlapping; these threads are scheduled by the kernel like any other.
/// `@unchecked Sendable`: `job`, `busy` and `stopping` are read and written only under `condition`.
final class WorkerThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var job: (@Sendable () -> Void)?
    private var busy = false
    private var stopping = false

    init(name: String) {
        // The thread holds the worker until `stop` lets its loop end.
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Runs `job` on the thread. Call `wait` for the previous job first.
    func start(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        self.job = job
        busy = true
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once the job started last has ended (at once when none runs).
    func wait() {
        condition.lock()
        while busy { condition.wait() }
        condition.unlock()
    }

    /// Ends the thread once its job, if any, has ended. Call once, when no job will follow.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while job == nil && !stopping { condition.wait() }
            guard let next = job else { break }
            condition.unlock()
            next()
            condition.lock()
            job = nil
            busy = false
            condition.broadcast()
        }
        condition.unlock()
    }
}
