import Testing

@testable import TacoCore

/// A small but complete plan; the tests override pieces of it.
let variantsBasePlan = """
    name: small
    event: { region: us-east-1, window: 30m, seats: 1000, users: 10000, ramp: 60s, target_wait: 100s }
    clients: { status_poll: 5s }
    apis:
      status:
        per: poll
        commands:
          - { command: ZRANK, key: queue }
          - { command: ZCARD, key: queue }
    admission: { backend_capacity: 1000 }
    redis: { engine: redis, candidates: [cache.m7g.large], replicas: 1 }
    gateway: { rps_per_pod: 1000, node_candidates: [c7g.xlarge], spot_share: 50% }

    """

/// Serves plan texts from a dictionary, as the CLI serves them from disk.
func variantsLoader(_ files: [String: String]) -> PlanVariants.Loader {
    { target, _ in
        guard let text = files[target] else {
            return .failure(PlanErrors([PlanProblem(file: target, location: nil, path: "", message: "no such file")]))
        }
        return .success(PlanSource(file: target, text: text))
    }
}

func resolve(_ text: String, file: String = "child.yaml", files: [String: String] = [:]) -> Result<
    PlanFamily, PlanErrors
> {
    PlanVariants.resolve(PlanSource(file: file, text: text), load: variantsLoader(files))
}

@Suite struct VariantsTests {
    @Test func planWithoutVariantsDecodesAsBefore() throws {
        let family = try resolve(variantsBasePlan).get()
        #expect(family.variants.isEmpty)
        #expect(family.chain == ["child.yaml"])
        #expect(family.base.gateway.spotShare == 0.5)
        #expect(family.base.event.users == 10_000)
    }

    @Test func extendsChainWithOverrides() throws {
        // grand.yaml is the base plan; middle.yaml extends it and changes users and the engine; child.yaml extends
        // middle.yaml and changes the Spot share. Mappings merge key by key, so every other field survives.
        let middle = "extends: grand.yaml\nevent: { users: 20000 }\nredis: { engine: valkey }\n"
        let child = "extends: middle.yaml\ngateway: { spot_share: 0% }\nname: child plan\n"
        let family = try resolve(child, files: ["grand.yaml": variantsBasePlan, "middle.yaml": middle]).get()
        #expect(family.chain == ["child.yaml", "middle.yaml", "grand.yaml"])
        #expect(family.base.name == "child plan")
        #expect(family.base.event.users == 20_000)  // middle
        #expect(family.base.event.seats == 1_000)  // grand, untouched sibling of users
        #expect(family.base.redis.engine == .valkey)  // middle
        #expect(family.base.redis.candidates == ["cache.m7g.large"])  // grand
        #expect(family.base.gateway.spotShare == 0)  // child
        #expect(family.base.gateway.nodeCandidates == ["c7g.xlarge"])  // grand
    }

    @Test func extendsCycleIsAnError() {
        let a = "extends: b.yaml\n" + variantsBasePlan
        let b = "extends: a.yaml\nevent: { users: 5 }\n"
        guard case .failure(let e) = resolve(a, file: "a.yaml", files: ["a.yaml": a, "b.yaml": b]) else {
            Issue.record("a cycle must fail")
            return
        }
        #expect(e.problems.count == 1)
        #expect(e.problems[0].message == "extends cycle: a.yaml → b.yaml → a.yaml")
        #expect(e.problems[0].file == "b.yaml")
    }

    @Test func variantsOverrideByPath() throws {
        let text =
            variantsBasePlan + """
                variants:
                  keys:
                    about: the KEYS scan instead of the position index
                    apis.status.commands[0].command: KEYS_queue
                  valkey: { redis.engine: valkey, gateway.spot_share: 0% }
                  tuned:
                    redis: { replicas: 2, queue_partitions: 4 }

                """
        let family = try resolve(text).get()
        #expect(family.variants.map(\.name) == ["keys", "valkey", "tuned"])
        #expect(family.base.apis[0].commands[0].command == "ZRANK")  // the base is untouched
        let keys = family.variants[0]
        #expect(keys.about == "the KEYS scan instead of the position index")
        #expect(keys.overrides == ["apis.status.commands[0].command"])
        #expect(keys.plan.apis[0].commands[0].command == "KEYS_queue")
        #expect(keys.plan.apis[0].commands[0].key == .queue)  // sibling field kept
        #expect(family.variants[1].plan.redis.engine == .valkey)
        #expect(family.variants[1].plan.gateway.spotShare == 0)
        // A mapping value merges: replicas changes, candidates stays.
        #expect(family.variants[2].plan.redis.replicas == 2)
        #expect(family.variants[2].plan.redis.queuePartitions == 4)
        #expect(family.variants[2].plan.redis.candidates == ["cache.m7g.large"])
    }

    @Test func unknownOverridePathSaysDidYouMean() {
        let text = variantsBasePlan + "variants:\n  typo: { gateway.spot_shar: 0% }\n"
        guard case .failure(let e) = resolve(text) else {
            Issue.record("an unknown path must fail")
            return
        }
        #expect(e.problems.count == 1)
        let p = e.problems[0]
        #expect(p.path == "gateway.spot_shar")
        #expect(p.message == "variant 'typo': unknown field 'spot_shar'")
        #expect(p.fix?.hasPrefix("did you mean 'spot_share'?") == true)
        // The problem points at the override's key in the variants section (line 14, column 11).
        #expect(p.location == SourceLocation(file: "child.yaml", line: 14, column: 11))
    }

    @Test func unknownIntermediateSegmentAndBadIndex() {
        let text =
            variantsBasePlan
            + "variants:\n  a: { gatway.spot_share: 0% }\n  b:\n    apis.status.commands[5].command: GET\n"
        guard case .failure(let e) = resolve(text) else {
            Issue.record("must fail")
            return
        }
        #expect(e.problems.count == 2)
        #expect(e.problems[0].message == "unknown field 'gatway'")
        #expect(e.problems[0].fix?.hasPrefix("did you mean 'gateway'?") == true)
        #expect(e.problems[1].message == "index 5 is out of range: 'apis.status.commands' has 2 entries")
    }

    @Test func overrideValuesAreValidatedLikeThePlan() {
        let text = variantsBasePlan + "variants:\n  bad: { redis.engine: valky }\n"
        guard case .failure(let e) = resolve(text) else {
            Issue.record("must fail")
            return
        }
        #expect(e.problems.map(\.path) == ["redis.engine"])
        #expect(e.problems[0].fix?.hasPrefix("did you mean 'valkey'?") == true)
    }

    @Test func pathSyntax() {
        #expect(FieldPath.parse("a.b[1].c") == [.key("a"), .key("b"), .index(1), .key("c")])
        #expect(FieldPath.parse("a[0][2]") == [.key("a"), .index(0), .index(2)])
        #expect(FieldPath.parse("a..b") == nil)
        #expect(FieldPath.parse("a[x]") == nil)
        #expect(FieldPath.parse("[0]") == nil)
    }
}
