import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// A re-plan's changes (`PlanChanges`) as changes.csv, as summary.json's `changes`, as a line of
/// `solve`'s summary and as a section of report.html.
struct ChangesReport {
    let changes: PlanChanges
    let penalty: Double

    init(_ changes: PlanChanges, penalty: Double) {
        self.changes = changes
        self.penalty = penalty
    }

    // MARK: changes.csv

    static let header = PlanFolderFormat.changes

    var csv: String {
        var w = CSVWriter(header: Self.header)
        for r in changes.rows { w.row([r.what.rawValue, r.id, r.change.rawValue, r.from, r.to, r.why]) }
        return w.text
    }

    // MARK: summary.json

    var json: JSON {
        func tally(_ t: PlanChanges.Tally) -> JSON {
            .object([
                ("compared", .int(t.compared)), ("kept", .int(t.kept)),
                ("keep_rate", t.rate.map { .number(($0 * 1e4).rounded() / 1e4) } ?? .null)
            ])
        }
        var counts: [(String, JSON)] = []
        for what in PlanChanges.What.allCases {
            counts.append((what.rawValue, .int(changes.rows.filter { $0.what == what }.count)))
        }
        return .object([
            ("baseline_venue", .string(changes.baselineVenue)),
            ("sessions", tally(changes.sessions)),
            ("dinners", tally(changes.dinners)),
            ("unchanged_travellers", tally(changes.unchangedTravellers)),
            ("changed_travellers", tally(changes.changedTravellers)),
            ("joined", .int(changes.joined)),
            ("left", .int(changes.left)),
            ("rows", .object(counts)),
            ("penalty", .money(penalty))
        ])
    }

    // MARK: stdout

    var text: String {
        let c = changes
        func kept(_ t: PlanChanges.Tally, _ noun: String) -> String {
            "\(fmt(t.kept)) of \(fmt(t.compared)) \(noun)" + (t.rate.map { " (\(percentTenths($0)))" } ?? "")
        }
        var out = "  changes from the baseline (changes.csv): \(fmt(c.joined)) joined, \(fmt(c.left)) left\n"
        out += "    kept: \(kept(c.sessions, "sessions")), \(kept(c.unchangedTravellers, "unchanged travellers' trips")), "
        out += "\(kept(c.dinners, "team dinners"))\n"
        if c.changedTravellers.compared > 0 { out += "    travellers whose data changed: \(kept(c.changedTravellers, "kept their trips"))\n" }
        out += "    change penalty \(money(penalty)), not part of the cost above\n"
        return out
    }

    // MARK: report.html

    var html: String {
        let c = changes
        func rate(_ t: PlanChanges.Tally) -> String { t.rate.map(percentTenths) ?? "–" }
        var h = "<h2>Changes from the baseline</h2>\n"
        h += "<p>\(fmt(c.joined)) joined, \(fmt(c.left)) left. Kept: \(fmt(c.sessions.kept)) of \(fmt(c.sessions.compared)) sessions (\(rate(c.sessions))), "
        h += "\(fmt(c.unchangedTravellers.kept)) of \(fmt(c.unchangedTravellers.compared)) unchanged travellers' trips (\(rate(c.unchangedTravellers))), "
        h += "\(fmt(c.dinners.kept)) of \(fmt(c.dinners.compared)) team dinners (\(rate(c.dinners))). "
        h += "Change penalty \(money(penalty)), not part of the cost.</p>\n"
        guard !c.rows.isEmpty else { return h + "<p>Nothing moved.</p>\n" }
        h += "<table><tr><th>What</th><th>Id</th><th>Change</th><th>From</th><th>To</th><th>Why</th></tr>\n"
        for r in c.rows.prefix(200) {
            h += "<tr><td>\(r.what.rawValue)</td><td>\(esc(r.id))</td><td>\(r.change.rawValue)</td><td>\(esc(r.from))</td>"
            h += "<td>\(esc(r.to))</td><td>\(esc(r.why))</td></tr>\n"
        }
        if c.rows.count > 200 { h += "<tr><td colspan=\"6\" class=\"muted\">and \(fmt(c.rows.count - 200)) more in changes.csv</td></tr>\n" }
        return h + "</table>\n"
    }
}
