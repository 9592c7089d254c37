import Foundation

/// An admission rate below the seat-drain floor or beyond the backend's allowed utilization (Docs/Model.md §2, §7).
enum AdmissionLimitsRule: FindingRule {
    /// A cap that pushes the rate below the seat-drain floor, or a fixed rate beyond the backend cap.
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        var out: [Finding] = []
        let seat = e.admission.criteria.first { $0.name == .seatDrain }?.rate ?? 0
        if e.admission.rate < seat {
            out.append(
                Finding(
                    id: "admission-below-seat-drain", severity: .warning,
                    title: "Admission rate below the seat-drain floor",
                    message:
                        "\(Format.rate(e.admission.rate)) (binding: \(e.admission.binding)) is below seats ÷ window = \(Format.rate(seat)): seats will remain unsold when the window closes.",
                    claim: nil))
        }
        if e.admission.backendUtilization > input.plan.admission.maxBackendUtilization {
            out.append(
                Finding(
                    id: "admission-over-backend", severity: e.admission.backendUtilization > 1 ? .error : .warning,
                    title: "Admission rate overloads the backend",
                    message:
                        "\(Format.rate(e.admission.rate)) puts the backend at \(Format.percent(e.admission.backendUtilization)), above the \(Format.percent(input.plan.admission.maxBackendUtilization)) the plan allows.",
                    claim: nil))
        }
        return out
    }
}
