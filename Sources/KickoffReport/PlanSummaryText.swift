import KickoffCore
import KickoffPlan
import KickoffPlanner

/// The few lines `kickoff solve` prints: status, the cost parts, the emissions, headcounts and the model's size.
package struct PlanSummaryText {
    package let instance: PlanningInstance
    package let outcome: PlanOutcome
    /// The shuttle runs, when the venue has a shuttle (`PlanFiles.transfers`).
    package let transfers: TransferPlan?
    /// Whether the reasons may point to files of the plan folder (false when none is written).
    package let pointsToFile: Bool

    package init(_ instance: PlanningInstance, _ outcome: PlanOutcome, transfers: TransferPlan? = nil, pointsToFile: Bool = true) {
        self.instance = instance
        self.outcome = outcome
        self.transfers = transfers
        self.pointsToFile = pointsToFile
    }

    package var text: String {
        let v = instance.venue, sc = instance.scenario
        var out = "\(sc.event.name) at \(v.name) (\(v.id)): \(outcome.termination.statusWord)"
        if outcome.termination.reason == .feasible, let g = outcome.gap { out += ", gap \(percent(g))" }
        out += "\n"
        let s = outcome.stats
        if let plan = outcome.plan, let c = outcome.check?.costs {
            let cur = sc.event.currency
            var rows: [(String, Double)] = [
                ("travel", c.travel), ("hotel", c.hotel), ("time away", c.timeAway),
                ("dinners", c.dinners), ("venue", c.venue)
            ]
            if instance.carbon.isPriced { rows.append(("carbon", c.carbon)) }
            out += "  total      \(money(c.total).leftPad(14)) \(cur)\n"
            for (name, value) in rows { out += "  \(name.padding(10)) \(money(value).leftPad(14))\n" }
            out += CarbonReport(instance: instance, costs: c).text
            if let transfers { out += TransfersReport(transfers, instance).text }
            let travellers = plan.trips.compactMap { $0 }.count
            out += "  \(fmt(travellers)) travellers, \(fmt(plan.trips.count - travellers)) local, \(fmt(c.hotelNights)) hotel nights, "
            out += "\(s.sessions) sessions in \(Set(plan.placements.map(\.room)).count) rooms, \(plan.dinners.count) team dinners\n"
        }
        for r in outcome.reasons { out += "  reason: \(r.sentence(in: instance, pointsToFile: pointsToFile))\n" }
        if let changes = outcome.changes { out += ChangesReport(changes, penalty: outcome.penalty).text }
        if let h = outcome.health { out += HealthReport(h, instance).text() }
        out += "  model: \(fmt(s.variables)) variables (\(fmt(s.integers)) integer), \(fmt(s.constraints)) constraints, "
        out += "\(fmt(s.travelGroups)) travel groups for \(fmt(s.travellers)) travellers\n"
        out += "  built in \(seconds(outcome.buildSeconds)), solved in \(seconds(outcome.solveSeconds))"
        if let h = outcome.heuristicObjective, let o = outcome.objective, outcome.plan != nil {
            // In a re-plan both are compared with their change penalties, which is what was minimised.
            let first = h + outcome.heuristicPenalty, final = o + outcome.penalty
            out += "; first plan \(money(h))"
            if outcome.changes != nil { out += " + penalty \(money(outcome.heuristicPenalty))" }
            out += ", \(percent((first - final) / max(final, 1))) above the final one"
        }
        return out + "\n"
    }
}

/// Money with thousands separators and cents: `1,100,787.00`.
func money(_ v: Double) -> String { Figures.money(v) }

func percent(_ v: Double) -> String {
    let hundredths = Int((v * 10000).rounded())
    return "\(hundredths < 0 ? "-" : "")\(abs(hundredths) / 100).\(Figures.zeroPadded(abs(hundredths) % 100, 2)) %"
}

/// One decimal: `23.5 %`.
func percentTenths(_ v: Double) -> String {
    let tenths = Int((v * 1000).rounded())
    return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10) %"
}

func seconds(_ s: Double) -> String {
    s < 10 ? "\(Int((s * 100).rounded()) / 100).\(Figures.zeroPadded(Int((s * 100).rounded()) % 100, 2)) s" : "\(Int(s.rounded())) s"
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
