import TacoCore

/// Answers a CSV batch has already worked out, reused for the next rows: a large price list repeats a few effective
/// dates and one spec per instance type on thousands of rows, so a kept row costs a dictionary lookup instead of
/// parsing them again. One memo per `CSVRecordBatch` (not shared between threads); it only caches pure functions of
/// the row's text, so the verdicts are the same as without it.
final class VerdictMemo {
    private var days: [String: String?] = [:]
    private var specs: [String: (inputs: [String], spec: SpecRow?)] = [:]

    /// `Day(iso: text)?.description`, cached by text.
    func day(_ text: String) -> String? {
        if let known = days[text] { return known }
        let day = Day(iso: text)?.description
        days[text] = day
        return day
    }

    /// `make()` (the spec of an on-demand row), cached by instance type while the spec's input columns repeat.
    func spec(_ item: OfferItem, _ make: () -> SpecRow?) -> SpecRow? {
        let product = item["instancetype"]
        let inputs = [item["vcpu"], item["memory"], item["networkperformance"], item["physicalprocessor"]]
        if let known = specs[product], known.inputs == inputs { return known.spec }
        let spec = make()
        specs[product] = (inputs, spec)
        return spec
    }
}
