enum EventReader {
    static func read(_ r: FieldReader) -> EventSpec? {
        let region = r.required("region", "an AWS region code", example: "us-east-1") { t, n -> String? in
            // One rule for region codes everywhere (AWSRegion): the documented list, not a pattern.
            let ok = AWSRegion.isKnown(t)
            if !ok {
                let hint =
                    Suggestion.closest(to: t, in: AWSRegion.codes.sorted()).map { "did you mean '\($0)'? " } ?? ""
                r.ctx.problem(
                    n, r.fieldPath("region"), "'\(Excerpt.quoted(t))' is not an AWS region code",
                    fix: "\(hint)e.g. us-east-1 or ap-northeast-2 (the documented AWS Region codes)")
            }
            return ok ? t : nil
        }
        let window = r.required("window", "the sale window", example: "30m") { r.duration($0, $1, "window") }
        let seats = r.required("seats", "a whole number", example: "10000") { r.positiveInt($0, $1, "seats") }
        let users = r.required("users", "a whole number", example: "300000") { r.positiveInt($0, $1, "users") }
        let ramp = r.required("ramp", "how long the crowd takes to arrive", example: "60s") {
            r.duration($0, $1, "ramp")
        }
        let wait = r.required("target_wait", "the longest acceptable wait", example: "300s") {
            r.duration($0, $1, "target_wait")
        }
        let events = r.optional("events_per_month", "a whole number", default: 1, note: "one event a month") {
            r.positiveInt($0, $1, "events_per_month", max: 744)
        }
        r.finish()
        guard let region, let window, let seats, let users, let ramp, let wait else { return nil }
        return EventSpec(
            region: region, window: window, seats: seats, users: users, ramp: ramp, targetWait: wait,
            eventsPerMonth: events)
    }
}
