import TacoCore

/// How the command line spells the options a core value refers to. TacoCore says which setting is wrong or worth
/// changing (a sweep axis, a simulation step, a price day, which prices to fetch); this is the one place that writes
/// it as a flag, so renaming an option changes no core file.
public enum OptionSpelling {
    /// The `sweep` option that sets this axis.
    public static func sweep(_ axis: SweepAxis) -> String {
        switch axis {
        case .users: "--users"
        case .statusRPS: "--status-rps"
        case .gatewayRPS: "--rps"
        }
    }

    /// `simulate`'s time step.
    public static let step = "--step"
}

extension SimulationError {
    /// The refusal in words; a `change` is worded with the option that makes it.
    public var diagnostic: Diagnostic {
        switch change {
        case .coarserStep(let seconds)?:
            let option = OptionSpelling.step
            return Diagnostic(message, fix: "use a longer \(option) (e.g. \(option) \(seconds)s) or \(fix)")
        case nil:
            return Diagnostic(message, fix: fix)
        }
    }
}

extension SweepRangeError {
    /// The refusal in words, naming the option it was given for (`--users '3M..1' …`).
    public var diagnostic: Diagnostic {
        let option = OptionSpelling.sweep(axis)
        let rangeFix = "write FROM..TO, e.g. 100k..3M"
        switch problem {
        case .tooLong:
            return Diagnostic("\(option) is longer than \(SweepRange.maxTextLength) characters", fix: rangeFix)
        case .notARange(let text):
            return Diagnostic("\(option) '\(text)' is not a range", fix: rangeFix)
        case .notANumber(let text):
            return Diagnostic(
                "\(option) '\(text)' is not a number",
                fix: "use digits with an optional k (thousand) or M (million) suffix, e.g. 100k..3M")
        case .bounds(let text):
            return Diagnostic("\(option) \(text): FROM must be at least 1 and below TO", fix: "e.g. \(option) 100k..3M")
        case .beyondLimit(let text):
            return Diagnostic(
                "\(option) \(text): TO exceeds the limit of \(Format.number(SweepRange.maxValue))",
                fix: "sweep at most to 100M")
        case .steps(let steps):
            return Diagnostic("--steps \(steps) is out of range", fix: "use 2 to \(SweepRange.maxSteps) points")
        }
    }
}
