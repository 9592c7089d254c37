import Foundation

/// Graviton vs x86 node prices, EC2 and ElastiCache, against the plan's claimed Graviton saving; silent when the
/// plan declares none (Docs/Model.md §7).
enum GravitonRule: FindingRule {
    /// Graviton vs x86 by same-size pairs in the plan's region.
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        guard let claim = input.plan.claim(.redisGravitonSaving), let claimed = claim.value else { return [] }
        let region = input.plan.event.region
        func price(_ key: PriceKey) -> Money? { input.book.sheet.quote(key)?.usd }
        func cacheNode(_ type: String, _ engine: Engine) -> Money? {
            price(.elastiCacheNode(type, engine: engine, region: region))
        }
        func instance(_ type: String) -> Money? { price(.ec2Instance(type, region: region)) }
        func pct(_ arm: Money, _ x86: Money) -> Double { ((arm.amount - x86.amount) / x86.amount).doubleValue * 100 }
        var cache: [String] = []
        var cacheSavings: [Double] = []
        for (arm, x86) in [
            ("cache.m7g.xlarge", "cache.m5.xlarge"), ("cache.m6g.xlarge", "cache.m5.xlarge"),
            ("cache.r7g.xlarge", "cache.r5.xlarge"),
        ] {
            if let a = cacheNode(arm, .redis), let x = cacheNode(x86, .redis) {
                cacheSavings.append(-pct(a, x))
                cache.append(
                    "\(arm) \(Format.unitPrice(a))/h vs \(x86) \(Format.unitPrice(x))/h: \(Findings.signed(pct(a, x))) %"
                )
            }
        }
        var ec2: [String] = []
        for (arm, x86) in [
            ("m7g.xlarge", "m7i.xlarge"), ("c7g.xlarge", "c7i.xlarge"), ("m6g.xlarge", "m6i.xlarge"),
            ("c6g.xlarge", "c6i.xlarge"), ("m7g.xlarge", "m6i.xlarge"),
        ] {
            if let a = instance(arm), let x = instance(x86) {
                ec2.append("\(arm) vs \(x86): \(Findings.signed(pct(a, x))) %")
            }
        }
        var valkey = ""
        if let c = e.redis.chosen?.nodeType, let r = cacheNode(c, .redis),
            let v = cacheNode(c, .valkey)
        {
            valkey =
                " On ElastiCache the saving comes from the engine: \(c) Valkey \(Format.unitPrice(v))/h vs Redis OSS \(Format.unitPrice(r))/h = \(Findings.signed(pct(v, r))) %."
        }
        guard !cache.isEmpty || !ec2.isEmpty else { return [] }
        let msg =
            "EC2 (\(region)): " + (ec2.isEmpty ? "no pairs priced" : ec2.joined(separator: "; ")) + ". ElastiCache: "
            + (cache.isEmpty ? "no pairs priced" : cache.joined(separator: "; ")) + "." + valkey
        let computed =
            cacheSavings.isEmpty
            ? "no ElastiCache pair priced"
            : "ElastiCache Graviton saves \(Format.percent(points: cacheSavings.reduce(0, +) / Double(cacheSavings.count))) on average"
        return [
            Finding(
                id: "graviton", severity: .info,
                title: "Graviton saving: claimed \(Format.percent(points: claimed)), \(computed)", message: msg,
                claim: claim.text)
        ]
    }
}
