/// What the seed design document ("Traffic Tacos: 30k RPS ticketing") claims, quoted so tacoplan can check each
/// claim against the computed figures (Docs/Model.md §7). These are the claims under test, not outputs.
public enum SeedClaims {
    /// Part 1.3 / 3.1: "비용: $2.25 (DynamoDB 쓰기)" for 30 minutes at 1,000 writes/s.
    public static let dynamoCeilingUSD = Money(2.25)
    /// Part 3.1: "Redis: Graviton (ARM64) - 20% 절감".
    public static let gravitonSavingsPercent = 20.0
    /// Part 3.1 / 5.2: "Spot Instance - 70% 절감".
    public static let spotSavingsPercent = 70.0
    /// Part 3.2 / 5.2: "중단율 < 2%".
    public static let spotInterruption = "<2%"
    /// Part 1.5: "KEYS (O(N)) → ZRANK (O(log N)) … 100배 성능 향상".
    public static let keysToZrankSpeedup = 100.0
    /// Part 5.3: "처리량: 30k RPS (목표 달성)".
    public static let loadTestPeakRPS = 30_000.0
    /// Part 1.4: "cache.m7g.xlarge × 10 nodes (5 shards)".
    public static let redisShards = 5
    /// Part 1.4: "메모리: 300MB + 버퍼 = 2GB 필요".
    public static let redisMemoryBytes = 2e9
}
