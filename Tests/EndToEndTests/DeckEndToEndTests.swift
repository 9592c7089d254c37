import Foundation
import TestSupport
import Testing

/// `report --slides` and `report --format json` on a plan without hand-written variants (issue 11 acceptance).
@Suite struct DeckEndToEndTests {
    @Test func regionalSaleHasAutomaticLeversInTheDeckAndJSON() throws {
        let cli = try CLI()
        let out = cli.scratch.appendingPathComponent("deck").path
        let r = try cli.run(["report", "plans/regional-sale.yaml", "--slides", "-o", out, "--as-of", "2026-09-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let deck = try String(contentsOfFile: out + "/deck.md", encoding: .utf8)
        let slides = deck.components(separatedBy: "\n\n---\n\n")
        #expect(slides[1].hasPrefix("## The answer: "))
        let autoRows = deck.split(separator: "\n").filter { $0.hasPrefix("| auto: ") && $0.contains("(feasible)") }
            .filter { $0.contains("\\$") }
        #expect(autoRows.count >= 4, "\(autoRows)")
        #expect(FileManager.default.fileExists(atPath: out + "/charts/architecture.svg"))
        #expect(FileManager.default.fileExists(atPath: out + "/charts/scale-sweep.svg"))
        // The sweep runs from 50,000 × 0.25 = 12,500 to 50,000 × 4 = 200,000 users.
        #expect(deck.contains("## As the crowd grows: 12,500 → 200,000 users"))

        let json = try cli.run(["report", "plans/regional-sale.yaml", "--format", "json", "--as-of", "2026-09-01"])
        #expect(json.status == 0, "\(json.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let levers = try #require((doc["levers"] as? [String: Any])?["levers"] as? [[String: Any]])
        let auto = levers.filter {
            ($0["name"] as? String)?.hasPrefix("auto: ") == true && ($0["perMonth"] as? String) != nil
                && ($0["description"] as? String)?.hasSuffix("(feasible)") == true
        }
        #expect(auto.count >= 4, "\(levers)")
        let sweep = try #require(doc["sweep"] as? [String: Any])
        #expect((sweep["points"] as? [Any])?.count == 8)
        let answer = try #require(doc["answer"] as? [String: Any])
        // Unit economics (issue 18: the calibration carried to cache.t4g.medium, Graviton3 → Graviton2 ×1.28, needs
        // 2 shards × (1 + 1) = 4 nodes instead of 2): the 2 more nodes add 2 × $0.065/h × 2 h a month = $0.26, so
        // $74.7952 + $0.26 = $75.0552 per month ÷ 2 events per month ÷ 50,000 admitted users = $0.000750552.
        #expect(answer["perAdmittedUser"] as? String == "0.000750552")
    }
}
