/// Is the plan's operating point covered by the benchmark? (Docs/Benchmarks.md §3: "A plan is validated when its operating point
/// lies inside the benchmark's measured range and every predicted utilization stays under its ceiling; otherwise
/// tacoplan says by how much it extrapolates and which resource is least certain.")
public enum ValidationOutcome: String, Codable, Hashable, Sendable {
    case validated = "VALIDATED"
    case extrapolated = "EXTRAPOLATED"
    case fails = "FAILS"
}
