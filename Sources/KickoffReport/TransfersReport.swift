import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// The shuttle runs (`TransferPlan`) as transfers.csv, as summary.json's `ground`, as a line of
/// `solve`'s summary and as a section of report.html. Their cost is reported apart from the
/// contract's total: the planner does not choose legs for the shuttle's sake.
struct TransfersReport {
    let transfers: TransferPlan
    let instance: PlanningInstance

    init(_ transfers: TransferPlan, _ instance: PlanningInstance) {
        self.transfers = transfers
        self.instance = instance
    }

    func local(_ t: Int) -> Timestamp { Timestamp(instant: t, offsetMinutes: instance.clock.offsetMinutes(atInstant: t)) }
    func ids(_ riders: [Int]) -> [String] { riders.map { instance.scenario.attendees[$0].id.rawValue } }

    // MARK: transfers.csv

    /// `run,direction,date,leaves,arrives,riders,attendees`, runs numbered in time order.
    var csv: String {
        var w = CSVWriter(header: PlanFolderFormat.transfers)
        for (i, r) in transfers.runs.enumerated() {
            w.row([
                String(i + 1), r.direction.rawValue, local(r.leaves).date.description, local(r.leaves).description,
                local(r.arrives).description, String(r.riders.count), ids(r.riders).joined(separator: ";")
            ])
        }
        return w.text
    }

    // MARK: summary.json

    var json: JSON {
        let s = transfers.shuttle
        return .object([
            ("runs", .int(transfers.runs.count)), ("arrival_runs", .int(transfers.count(.arrival))),
            ("departure_runs", .int(transfers.count(.departure))), ("seats", .int(s.seats)),
            ("cost_per_run", .money(s.costPerRun)), ("cost", .money(transfers.cost)), ("in_total", .bool(false)),
            (
                "unserved",
                .array(
                    transfers.unserved.map { u in
                        .object([
                            ("attendee", .string(instance.scenario.attendees[u.attendee].id.rawValue)),
                            ("direction", .string(u.direction.rawValue)), ("why", .string(u.why))
                        ])
                    })
            )
        ])
    }

    // MARK: solve's summary

    var text: String {
        var out =
            "  ground     \(money(transfers.cost).leftPad(14))  (transfers.csv: \(fmt(transfers.count(.arrival))) arrival and "
            + "\(fmt(transfers.count(.departure))) departure shuttle runs of \(transfers.shuttle.seats) seats; not in the total)\n"
        if !transfers.unserved.isEmpty {
            let first = transfers.unserved[0]
            out +=
                "  no shuttle in time for \(fmt(transfers.unserved.count)): \(instance.scenario.attendees[first.attendee].id) (\(first.why))"
                + (transfers.unserved.count > 1 ? " and \(fmt(transfers.unserved.count - 1)) more" : "") + "\n"
        }
        return out
    }

    // MARK: report.html

    var html: String {
        let cur = esc(instance.scenario.event.currency)
        var h =
            "<h2>Airport transfers</h2>\n<p>Shuttle between \(esc(instance.venue.airport)) and the venue: \(transfers.shuttle.seats) seats, "
            + "\(transfers.shuttle.minutes) min each way, nobody waiting over \(transfers.shuttle.maxWaitMinutes) min. "
            + "<b>\(fmt(transfers.runs.count)) runs, \(money(transfers.cost)) \(cur)</b> — ground cost, not part of the total above "
            + "(transfers.csv).</p>\n"
        if !transfers.unserved.isEmpty {
            h +=
                "<ul>"
                + transfers.unserved.map { u in
                    "<li class=\"warn\">No shuttle in time for \(esc(instance.scenario.attendees[u.attendee].id.rawValue)) (\(u.direction.rawValue)): \(esc(u.why))</li>"
                }.joined() + "</ul>\n"
        }
        h += "<table><tr><th>Run</th><th>Direction</th><th>Leaves</th><th>Arrives</th><th>Riders</th></tr>\n"
        for (i, r) in transfers.runs.enumerated() {
            let l = local(r.leaves), a = local(r.arrives)
            h +=
                "<tr><td class=\"n\">\(i + 1)</td><td>\(r.direction == .arrival ? "airport → venue" : "venue → airport")</td>"
                + "<td>\(l.date.weekday.shortName) \(l.date) \(l.time)</td><td>\(a.time)</td><td class=\"n\">\(r.riders.count)</td></tr>\n"
        }
        return h + "</table>\n"
    }
}
