/// `--evidence`: which rung of the evidence ladder sizes Redis (Docs/Model.md §14). A closed set.
public enum EvidenceChoice: String, Sendable, CaseIterable {
    /// The most credible rung available: `--costs FILE`, else the load-test calibration on its hardware, else the
    /// reference VM.
    case best
    /// The load-test calibration, even on other hardware (the CLI's hidden `--calibrated` is the same).
    case calibrated
    /// The reference VM's costs on purpose; the verdict still shows what the better rungs say.
    case reference
}
