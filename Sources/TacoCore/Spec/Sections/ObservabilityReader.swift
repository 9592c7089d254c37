import Yams

/// Reads the optional `observability:` section (Docs/PlanSpec.md "observability"): resource names and the gateway's
/// metric names, each checked against the grammar of the place it is written to so no output needs escaping.
enum ObservabilityReader {
    /// Prometheus metric and label names: `[a-zA-Z_:][a-zA-Z0-9_:]*` (Prometheus data model), at most this long.
    static let maxNameLength = 200

    static func read(_ r: FieldReader) -> ObservabilitySpec? {
        let d = ObservabilitySpec.defaults
        var s = d
        s.replicationGroup = r.optional(
            "replication_group", "an ElastiCache replication group id", default: nil,
            note: "the plan name in lower case, letters, digits and hyphens"
        ) { t, n in resourceName(r, t, n, "replication_group", max: 40, extra: "") }
        s.table = r.optional("table", "a DynamoDB table name", default: d.table, note: "reservations (assumed)") {
            t, n in resourceName(r, t, n, "table", max: 255, extra: "_.")
        }
        s.cluster = r.optional(
            "cluster", "an EKS cluster name", default: nil, note: "the plan name in lower case"
        ) { t, n in resourceName(r, t, n, "cluster", max: 100, extra: "_") }
        s.namespace = r.optional("namespace", "a Kubernetes namespace", default: d.namespace, note: "gateway") {
            t, n in resourceName(r, t, n, "namespace", max: 63, extra: "")
        }
        s.service = r.optional("service", "a Kubernetes Service name", default: d.service, note: "gateway") {
            t, n in resourceName(r, t, n, "service", max: 63, extra: "")
        }
        s.job = r.optional("job", "a Prometheus job label", default: d.job, note: "gateway") { t, n in
            resourceName(r, t, n, "job", max: 63, extra: "_")
        }
        func metric(_ key: String, _ value: String, _ note: String) -> String {
            r.optional(key, "a Prometheus metric name", default: value, note: note) { t, n in
                metricName(r, t, n, key)
            }
        }
        s.requestsMetric = metric("requests_metric", d.requestsMetric, "http_requests_total (Prometheus naming)")
        s.statusLabel = metric("status_label", d.statusLabel, "code (Prometheus client_golang promhttp)")
        s.durationMetric = metric(
            "duration_metric", d.durationMetric, "http_request_duration_seconds (Prometheus naming), a histogram")
        s.admissionsMetric = metric("admissions_metric", d.admissionsMetric, "waitingroom_admissions_total (assumed)")
        s.queueMetric = metric("queue_metric", d.queueMetric, "waitingroom_queue_length (assumed)")
        s.poolTimeoutsMetric = metric(
            "pool_timeouts_metric", d.poolTimeoutsMetric, "redis_pool_timeouts_total (go-redis PoolStats.Timeouts)")
        s.poolPerPod = r.optional(
            "pool_per_pod", "connections per pod per cache node", default: nil,
            note: "10 × the pod's CPUs (go-redis v9 PoolSize default)"
        ) { r.positiveInt($0, $1, "pool_per_pod", min: 1, max: 65_000) }
        s.maxErrorRatio = r.optional(
            "max_error_ratio", "a fraction", default: d.maxErrorRatio, note: "1 % (seed Part 5.3: \"에러율: < 1%\")"
        ) { r.fraction($0, $1, "max_error_ratio", allowZero: false) }
        s.p99Latency = r.optional(
            "p99_latency", "a duration", default: nil, note: "none: no latency alert (the seed states no objective)"
        ) { r.duration($0, $1, "p99_latency", max: 3600) }
        r.finish()
        return s
    }

    /// Letters, digits, hyphens and `extra`, starting with a letter or digit: what AWS and Kubernetes accept for
    /// these names, and nothing a YAML, JSON, PromQL or Markdown output would have to escape.
    static func resourceName(_ r: FieldReader, _ t: String, _ n: Node, _ key: String, max: Int, extra: String)
        -> String?
    {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-" + extra)
        guard !t.isEmpty, t.count <= max, t.allSatisfy({ allowed.contains($0) }),
            let first = t.first, first.isLetter || first.isNumber, t.last != "-"
        else {
            r.ctx.problem(
                n, r.fieldPath(key), "'\(t)' is not a valid name here",
                fix:
                    "use 1–\(max) letters, digits, hyphens\(extra.isEmpty ? "" : " or \(extra.map(String.init).joined(separator: " "))"), starting with a letter or digit, e.g. `\(key): tacos-sale`"
            )
            return nil
        }
        return t
    }

    static func metricName(_ r: FieldReader, _ t: String, _ n: Node, _ key: String) -> String? {
        let head = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_:")
        let tail = head.union("0123456789")
        guard let first = t.first, head.contains(first), t.count <= maxNameLength, t.allSatisfy({ tail.contains($0) })
        else {
            r.ctx.problem(
                n, r.fieldPath(key), "'\(t)' is not a Prometheus name",
                fix: "use letters, digits, _ and :, not starting with a digit, e.g. `\(key): http_requests_total`")
            return nil
        }
        return t
    }
}
