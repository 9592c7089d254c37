import Testing

/// The small valid plan every test target builds on: every required field once, defaults elsewhere.
public enum PlanFixture {
    /// Line numbers matter to the decoding tests: 1 name, 2 event, 3 region, 4 window, 5 seats, 6 users, 7 ramp,
    /// 8 target_wait, 9 clients, 10 status_poll, 11 apis, 12 status, 13 per, 14 commands, 15 ZRANK, 16 admission,
    /// 17 backend_capacity, 18 redis, 19 candidates, 20 gateway, 21 rps_per_pod, 22 node_candidates.
    public static let minimal = """
        name: Minimal
        event:
          region: us-east-1
          window: 30m
          seats: 10000
          users: 300000
          ramp: 60s
          target_wait: 300s
        clients:
          status_poll: 5s
        apis:
          status:
            per: poll
            commands:
              - { command: ZRANK, key: queue }
        admission:
          backend_capacity: 3000
        redis:
          candidates: [cache.m7g.xlarge]
        gateway:
          rps_per_pod: 1667
          node_candidates: [c7g.xlarge]

        """

    /// `text` with one exact fragment replaced; the fragment must be present (a typo in a test fails loudly).
    public static func variant(_ old: String, _ new: String) throws -> String {
        try variant(minimal, old, new)
    }

    /// `text` with one exact fragment replaced; the fragment must be present.
    public static func variant(_ text: String, _ old: String, _ new: String) throws -> String {
        try #require(text.contains(old), "the plan does not contain \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }
}
