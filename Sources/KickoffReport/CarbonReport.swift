import Airports
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// The plan's estimated emissions (`FlightEmissions`), as summary.json's `carbon`, a stdout line
/// and each attendee's `co2_kg` in itineraries.csv.
struct CarbonReport {
    let instance: PlanningInstance
    let costs: CostBreakdown

    /// kg CO2e of one attendee's two legs: 0 for a local, nil when a leg has no estimate.
    static func kg(_ trip: Trip?, _ instance: PlanningInstance) -> Double? {
        guard let trip else { return 0 }
        guard let a = instance.carbon.kg(trip.inbound), let b = instance.carbon.kg(trip.outbound) else { return nil }
        return a + b
    }

    /// `123.4`, or empty when unknown.
    static func column(_ kg: Double?) -> String { kg.map { String(format: "%.1f", $0) } ?? "" }

    var travellers: Int { instance.isLocal.filter { !$0 }.count }

    var json: JSON {
        var pairs: [(String, JSON)] = [
            ("co2_kg", .number((costs.co2Kg * 10).rounded() / 10)),
            ("per_traveller_kg", travellers > 0 ? .number((costs.co2Kg / Double(travellers) * 10).rounded() / 10) : .null),
            ("legs_without_estimate", .int(costs.legsWithoutCO2)),
            ("price_per_tonne", .number(instance.carbon.pricePerTonne))
        ]
        if instance.carbon.isPriced { pairs.append(("cost", .money(costs.carbon))) }
        pairs.append(("method", .string(FlightEmissions.source)))
        return .object(pairs)
    }

    /// `  CO2e         41.2 t  (164.8 kg per traveller; 2 legs without an estimate)`.
    var text: String {
        var out = "  CO2e       \((tonnes(costs.co2Kg) + " t").leftPad(14))"
        var notes: [String] = []
        if travellers > 0 { notes.append("\(String(format: "%.1f", costs.co2Kg / Double(travellers))) kg per traveller") }
        if costs.legsWithoutCO2 > 0 {
            notes.append("\(Figures.counted(costs.legsWithoutCO2, "leg")) without an estimate")
        }
        if instance.carbon.isPriced { notes.append("priced at \(money(instance.carbon.pricePerTonne)) per tonne") }
        if !notes.isEmpty { out += "  (" + notes.joined(separator: "; ") + ")" }
        return out + "\n"
    }
}

/// Tonnes with one decimal from kilograms: `41.2`.
func tonnes(_ kg: Double) -> String {
    let tenths = Int((kg / 100).rounded())
    return "\(fmt(tenths / 10)).\(tenths % 10)"
}
