import Foundation
import TacoCore

/// Loads plans and their variants for `compare` and for the lever section of `report`.
enum CompareEntries {
    /// Every plan file and each of its variants as a compare entry, checked like `estimate` checks a plan.
    static func load(plans: [String], asOf: Day?, db: String?, calibration: CalibrationOption? = nil) throws
        -> [CompareEntry]
    {
        let database = try PlanLoader.openDatabase(db)
        let costs = try PlanLoader.commandCosts()
        var entries: [CompareEntry] = []
        for path in plans {
            let family = try PlanFiles.family(path)
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let prefix = plans.count == 1 ? "" : stem + "/"
            let baseName = plans.count == 1 ? PlanFamily.baseName : stem
            var members: [(String, String?, Plan, PlanProvenance)] = [
                (baseName, nil, family.base, family.baseProvenance)
            ]
            members += family.variants.map { (prefix + $0.name, $0.about, $0.plan, $0.provenance) }
            for (name, about, plan, provenance) in members {
                let input = try PlanLoader.checkedInput(
                    plan, provenance, file: family.file, subject: name,
                    asOf: asOf ?? plan.pricing.asOf ?? PlanLoader.today(), db: database, costs: costs)
                if entries.contains(where: { $0.name == name }) {
                    throw Failure.input([
                        "error: two compared plans are both named '\(name)'", "    fix: rename one file",
                    ])
                }
                let ranked =
                    try calibration?.apply(to: input, costsFile: nil)
                    ?? EvidenceLoader.apply(to: input, costsFile: nil, force: false)
                entries.append(CompareEntry(name: name, about: about, input: ranked))
            }
        }
        return entries
    }
}
