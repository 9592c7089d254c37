import Testing

@testable import TacoCore

@Suite struct ValidationIngestParserTests {
    // handleSummary(data): metrics.<name>.values.<stat>, as k6 v0.30+ hands it to the script.
    let handleSummary = """
        {"root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": [], "checks": []},
         "options": {"summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)"], "noColor": false},
         "state": {"isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": 60012.4},
         "metrics": {
          "http_reqs": {"type": "counter", "contains": "default", "values": {"count": 600000, "rate": 9998.1}},
          "http_req_failed": {"type": "rate", "contains": "default", "values": {"rate": 0.0042, "passes": 2520, "fails": 597480},
            "thresholds": {"rate<0.01": {"ok": true}}},
          "http_req_duration": {"type": "trend", "contains": "time",
            "values": {"avg": 12.5, "min": 1.1, "med": 9.8, "max": 310.2, "p(90)": 21.4, "p(95)": 33.7}},
          "vus_max": {"type": "gauge", "contains": "default", "values": {"value": 2000, "min": 2000, "max": 2000}}
        }}
        """

    // The versioned machine-readable summary: results.metrics[] of {name, type, contains, values}.
    let machineReadable = """
        {"version": "1.0.0", "metadata": {"k6Version": "1.2.0", "generatedAt": "2026-11-27T06:00:00Z"},
         "results": {"checks": {"metrics": [], "ordered_checks": []},
          "metrics": [
           {"name": "http_reqs", "type": "counter", "contains": "default", "values": {"count": 1200000, "rate": 20001.5}},
           {"name": "http_req_failed", "type": "rate", "contains": "default", "values": {"rate": 0.008, "matches": 9600, "total": 1200000}},
           {"name": "http_req_duration", "type": "trend", "contains": "time", "values": {"avg": 20.1, "p(95)": 48.2}},
           {"name": "vus_max", "type": "gauge", "contains": "default", "values": {"value": 4000}}
          ]}}
        """

    // k6 run --summary-export (legacy): no `values` level; threshold booleans mean "failed".
    let legacy = """
        {"root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {}},
         "metrics": {
          "http_reqs": {"count": 300000, "rate": 4999.7},
          "http_req_failed": {"passes": 30, "fails": 299970, "value": 0.0001, "thresholds": {"rate<0.01": false}},
          "http_req_duration": {"avg": 8.2, "min": 0.9, "med": 6.1, "max": 99.5, "p(90)": 14.0, "p(95)": 19.9}
         }}
        """

    @Test func handleSummaryShape() throws {
        let s = try K6Summary.parse(text: handleSummary, file: "summary.json")
        #expect(s.shape == .handleSummary)
        #expect(s.requests == 600_000)
        #expect(s.requestsPerSecond == 9998.1)
        #expect(abs((s.errorRate ?? 0) - 0.42) < 1e-12)  // 0.0042 × 100
        #expect(s.maxVUs == 2000)
        #expect(s.p95Milliseconds == 33.7)
        #expect(s.warnings.isEmpty)
    }

    @Test func machineReadableShape() throws {
        let s = try K6Summary.parse(text: machineReadable, file: "summary.json")
        #expect(s.shape == .machineReadable)
        #expect(s.requestsPerSecond == 20001.5)
        #expect(abs((s.errorRate ?? 0) - 0.8) < 1e-12)  // 0.008 × 100
        #expect(s.p95Milliseconds == 48.2)
    }

    @Test func legacyExportIsReadWithAWarning() throws {
        let s = try K6Summary.parse(text: legacy, file: "export.json")
        #expect(s.shape == .legacyExport)
        #expect(s.requests == 300_000)
        #expect(abs((s.errorRate ?? 0) - 0.01) < 1e-12)  // 0.0001 × 100
        #expect(s.warnings.count == 1)
        #expect(s.warnings.first?.contains("inverted") == true)
    }

    @Test func anotherToolsJSONIsRefused() {
        let jmeter = #"{"Total": {"transaction": "Total", "sampleCount": 100, "errorCount": 0, "throughput": 50.2}}"#
        #expect(
            throws: IngestError(
                file: "jmeter.json", field: "metrics.http_reqs",
                message:
                    "not a k6 summary: expected `metrics.http_reqs` (handleSummary data or --summary-export) or `results.metrics[]` (machine-readable summary)"
            )
        ) {
            try K6Summary.parse(text: jmeter, file: "jmeter.json")
        }
        #expect(throws: IngestError.self) { try K6Summary.parse(text: "{not json", file: "broken.json") }
    }

    @Test func k6CSVAggregatesPerSecond() throws {
        // Second 1700000000: three http_reqs samples (value 1 each) → 3 requests; vus 10 then 12 → 12.
        // Second 1700000001: one http_reqs sample, vus 12. Other metrics are ignored.
        let csv = """
            metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata
            vus,1700000000,10.000000,,,,,,,,,,,,,,,,
            http_reqs,1700000000,1.000000,,,,true,,GET,http://gw/status,HTTP/1.1,default,,200,,,http://gw/status,,
            http_req_duration,1700000000,12.100000,,,,true,,GET,http://gw/status,HTTP/1.1,default,,200,,,http://gw/status,,
            http_reqs,1700000000,1.000000,,,,true,,GET,http://gw/status,HTTP/1.1,default,,200,,,http://gw/status,,
            vus,1700000000,12.000000,,,,,,,,,,,,,,,,
            http_reqs,1700000000,1.000000,,,,true,,GET,http://gw/status,HTTP/1.1,default,,200,,,http://gw/status,,
            http_reqs,1700000001,1.000000,,,,true,,GET,http://gw/status,HTTP/1.1,default,,200,,,http://gw/status,,
            vus,1700000001,12.000000,,,,,,,,,,,,,,,,

            """
        let seconds = try K6CSV.parse(text: csv, file: "out.csv")
        #expect(
            seconds == [
                K6Second(second: 1_700_000_000, requests: 3, vus: 12),
                K6Second(second: 1_700_000_001, requests: 1, vus: 12),
            ])
    }

    @Test func stepCSVReportsUnknownColumns() throws {
        let csv =
            "rps,redis_engine_cpu,gateway_cpu,pods,error_rate,p99_ms\n10000,40,15,10,0.5,12\n20000,70,15,20,0.6,15\n"
        let parsed = try StepCSV.parse(text: csv, file: "steps.csv")
        #expect(parsed.steps.count == 2)
        #expect(parsed.steps[1].rps == 20_000)
        #expect(parsed.steps[1].measured[.redisEngineCPU] == .point(70))
        #expect(parsed.steps[1].pods == 20)
        #expect(parsed.warnings.count == 1)
        #expect(parsed.warnings.first?.hasPrefix("steps.csv:1: unknown column 'p99_ms' is not used") == true)
    }

    @Test func stepCSVWithoutRPSIsRefused() {
        let csv = "load,redis_engine_cpu\n10000,40\n"
        #expect(
            throws: IngestError(
                file: "steps.csv", line: 1, field: "rps",
                message: "missing required column 'rps' (header: load,redis_engine_cpu)")
        ) { try StepCSV.parse(text: csv, file: "steps.csv") }
    }

    @Test func stepCSVNegativeCPUIsLocated() {
        let csv = "rps,redis_engine_cpu\n10000,40\n20000,-3\n"
        #expect(
            throws: IngestError(
                file: "steps.csv", line: 3, field: "redis_engine_cpu", message: "expected a number in 0…100, found '-3'"
            )
        ) { try StepCSV.parse(text: csv, file: "steps.csv") }
    }
}
