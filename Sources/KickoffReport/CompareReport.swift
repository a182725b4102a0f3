import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// One option of `kickoff compare` (a venue, perhaps at a moved start date), read back from the
/// summary.json its `kickoff solve` run wrote: the comparison never recomputes a figure.
package struct CompareOption: Sendable, Equatable {
    package var venue: String
    package var venueName: String
    package var startDate: String
    /// The option's plan folder, relative to the comparison folder.
    package var folder: String
    package var status: String
    package var travel: Double?
    package var hotel: Double?
    package var timeAway: Double?
    package var dinners: Double?
    package var venueCost: Double?
    /// The carbon part of the cost (present only when a carbon price was set).
    package var carbonCost: Double?
    /// The plan's estimated kg CO2e.
    package var co2Kg: Double?
    /// The carbon price per tonne the option was planned at (0 or nil: none).
    package var carbonPrice: Double?
    package var hotelNights: Int?
    package var solveSeconds: Double?
    package var gap: Double?
    package var reasons: [String]
    /// What the weekday and business-hours rules cost at this option (agenda health).
    package var travelRuleCost: Double?
    /// The option's agenda health, read back from its summary.json.
    package var health: AgendaHealth?
    /// The summary.json's currency.
    package var currency = ""

    /// The agenda-health lines as `solve` prints them, without the heading, one indent less.
    package var healthText: String? {
        health.map { h in
            HealthReport.text(h, currency: currency).split(separator: "\n").dropFirst()
                .map { String($0.dropFirst(2)) + "\n" }.joined()
        }
    }

    package var hasPlan: Bool { PlanSummary.hasPlan(status: status) }
    package var total: Double? {
        guard hasPlan, let a = travel, let b = hotel, let c = timeAway, let d = dinners, let e = venueCost else { return nil }
        return a + b + c + d + e + (carbonCost ?? 0)
    }

    package init(venue: String, venueName: String = "", startDate: String, folder: String, status: String, reasons: [String] = []) {
        self.venue = venue
        self.venueName = venueName
        self.startDate = startDate
        self.folder = folder
        self.status = status
        self.reasons = reasons
    }

    /// Reads a plan folder's summary.json (`PlanSummary`, as `PlanFiles.summary` writes it).
    package init(summary data: Data, folder: String) throws(PlanSummary.ReadError) {
        let s = try PlanSummary.decode(data)
        self.init(venue: s.venue, venueName: s.venueName, startDate: s.startDate, folder: folder, status: s.status, reasons: s.reasons)
        if let c = s.costs {
            travel = c.travel; hotel = c.hotel; timeAway = c.timeAway
            dinners = c.dinners; venueCost = c.venue; carbonCost = c.carbon
        }
        co2Kg = s.carbon?["co2_kg"]?.double
        carbonPrice = s.carbon?["price_per_tonne"]?.double
        hotelNights = s.counts.plan?.hotelNights
        solveSeconds = s.solveSeconds
        gap = s.gap
        travelRuleCost = s.agendaHealth?["travel_rule_cost"]?.double
        health = s.agendaHealth.flatMap(HealthReport.health(fromSummary:))
        currency = s.currency
    }
}

/// compare.csv, compare.html and the ranked table `kickoff compare` prints.
package struct CompareReport {
    package let event: String
    package let currency: String
    /// Options with plans, cheapest first (ties by venue, then date), then those without.
    package let ranked: [CompareOption]
    /// Several start dates were compared: compare.csv gains a `start_date` column.
    package let byDate: Bool

    package init(event: String, currency: String, options: [CompareOption]) {
        self.event = event
        self.currency = currency
        let withPlan = options.filter(\.hasPlan).sorted { ($0.total!, $0.venue, $0.startDate) < ($1.total!, $1.venue, $1.startDate) }
        ranked = withPlan + options.filter { !$0.hasPlan }.sorted { ($0.venue, $0.startDate) < ($1.venue, $1.startDate) }
        byDate = Set(options.map(\.startDate)).count > 1
    }

    func label(_ o: CompareOption) -> String { byDate ? "\(o.venue) \(o.startDate)" : o.venue }

    // MARK: compare.csv

    package var csv: String {
        var header = PlanFolderFormat.compare
        if byDate { header.append("start_date") }
        var w = CSVWriter(header: header)
        func m(_ v: Double?) -> String { v.map(Figures.plainMoney) ?? "" }
        for o in ranked {
            var row = [
                o.venue, o.status, m(o.total), m(o.travel), m(o.hotel), m(o.timeAway), m(o.dinners), m(o.venueCost),
                o.hotelNights.map(String.init) ?? "", o.solveSeconds.map { String(format: "%.3f", $0) } ?? "",
                o.gap.map { String(format: "%.6f", $0) } ?? "", o.hasPlan ? "" : o.reasons.joined(separator: " | "),
                o.hasPlan ? o.co2Kg.map { String(format: "%.1f", $0) } ?? "" : ""
            ]
            if byDate { row.append(o.startDate) }
            w.row(row)
        }
        return w.text
    }

    // MARK: stdout

    package var text: String {
        let width = max(8, ranked.map { label($0).count }.max() ?? 0)
        var out = "\(event): \(Figures.counted(ranked.count, "option")), cheapest first (\(currency))\n"
        out += "   # " + "option".padding(width) + "  status        " + "total".leftPad(15) + "  " + "t CO2e".leftPad(9) + "  vs best\n"
        let best = ranked.first?.total
        for (i, o) in ranked.enumerated() {
            let rank = o.hasPlan ? String(i + 1).leftPad(4) : "   –"
            out += rank + " " + label(o).padding(width) + "  " + o.status.padding(12) + "  "
            if let t = o.total, let b = best {
                out += money(t).leftPad(15) + "  " + (o.co2Kg.map(tonnes) ?? "–").leftPad(9) + (i == 0 ? "" : "  +\(money(t - b))")
            } else {
                out += "no plan".leftPad(15)
            }
            out += "\n"
        }
        let plans = ranked.filter(\.hasPlan)
        if plans.count >= 2, let a = plans[0].total, let b = plans[1].total {
            out += "\(label(plans[0])) is cheapest, \(money(b - a)) \(currency) (\(percent((b - a) / max(b, 1)))) below \(label(plans[1]))"
            if plans[0].status == "feasible" || plans[1].status == "feasible" {
                out += "; a feasible plan's cost may still fall by up to its gap"
            }
            out += "\n"
            if let greenest = plans.filter({ $0.co2Kg != nil }).min(by: { ($0.co2Kg!, $0.total!) < ($1.co2Kg!, $1.total!) }),
                greenest.folder != plans[0].folder, let g = greenest.co2Kg, let c = plans[0].co2Kg
            {
                let extra = greenest.total! - plans[0].total!
                out +=
                    "\(label(greenest)) emits least: \(tonnes(g)) t CO2e, \(tonnes(c - g)) t less than \(label(plans[0])) "
                    + "for \(money(extra)) \(currency) more"
                // The carbon price at which the two would cost the same (each tonne saved pays for itself).
                if c - g >= 0.05 {
                    let breakEven = (plans[0].carbonPrice ?? 0) + extra / ((c - g) / 1000)
                    out += "; a carbon price above \(money(breakEven)) \(currency) per tonne would make it cheaper"
                }
                out += "\n"
            }
        } else if plans.count == 1 {
            out += "\(label(plans[0])) is the only option with a plan\n"
        } else {
            out += "no option has a plan\n"
        }
        for o in ranked where !o.hasPlan {
            out += "\(label(o)): \(o.status)"
            if let r = o.reasons.first { out += ": \(r)" }
            if o.reasons.count > 1 { out += " (and \(o.reasons.count - 1) more reason\(o.reasons.count == 2 ? "" : "s") in \(o.folder)/summary.json)" }
            out += "\n"
        }
        return out
    }

    // MARK: compare.html

    /// The cost parts in the chart: the contract's five, and carbon when it was priced.
    var parts: [(name: String, color: String, value: KeyPath<CompareOption, Double?>)] {
        [
            ("Travel", "#4a78c2", \.travel), ("Hotel", "#7fb069", \.hotel), ("Time away", "#e0a33b", \.timeAway),
            ("Dinners", "#c2577a", \.dinners), ("Venue", "#6c5ba7", \.venueCost)
        ]
            + (priced ? [("Carbon", "#3f8f8a", \.carbonCost)] : [])
    }

    /// A carbon price was set: some option's cost has a carbon part.
    var priced: Bool { ranked.contains { $0.carbonCost != nil } }

    package var html: String {
        var h =
            pageHead(title: "\(event) — venues and dates compared", maxWidth: 1320) + """
                .sub{color:#5b6475;margin:0 0 16px}table{border-collapse:collapse;margin:8px 0}
                th,td{padding:5px 10px;border:1px solid #dde2ea;text-align:left;vertical-align:top}th{background:#f3f5f9;font-weight:600}
                td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.wide{overflow-x:auto}
                .rank{font-size:13px}.rank th,.rank td{padding:4px 8px}.rank th{white-space:nowrap}tr.best td{background:#eef8f1}.muted{color:#7b8494}
                .chart.stack{max-width:1050px}.chart.stack text{font-size:13px}
                @media (max-width:600px){body{padding:12px}h1{font-size:22px}.chart.stack text{font-size:30px}}
                \(SVGChart.css)</style></head><body>
                <h1>\(esc(event))</h1>
                <p class="sub">\(Figures.counted(ranked.count, "option")) compared, cheapest first. Amounts in \(esc(currency)).</p>
                <p class="sub">\(venueNames)</p>

                """
        h += chart
        h += carbonChart
        h += "<h2>Ranking</h2>\n<div class=\"wide\"><table class=\"rank\"><tr><th>#</th><th>Venue</th>" + (byDate ? "<th>Start</th>" : "")
        h +=
            "<th>Status</th><th>Total</th><th>vs best</th><th title=\"Estimated flight emissions, tonnes CO2e (see the plan's report for the method)\">CO2e t</th><th>Travel</th><th>Hotel</th><th>Time away</th><th>Dinners</th><th>Venue</th>"
            + (priced ? "<th>Carbon</th>" : "")
        h += "<th>Hotel nights</th><th title=\"What the weekday and business-hours travel rules cost (agenda health)\">Rules cost</th><th>Gap</th><th>Solve s</th></tr>\n"
        let best = ranked.first?.total
        for (i, o) in ranked.enumerated() {
            h += "<tr\(i == 0 && o.hasPlan ? " class=\"best\"" : "")><td class=\"n\">\(o.hasPlan ? String(i + 1) : "–")</td>"
            // A venue with a plan links to its plan folder's report.
            h +=
                o.hasPlan
                ? "<td title=\"\(esc(o.venueName))\"><a href=\"\(esc(o.folder))/report.html\">\(esc(o.venue))</a></td>"
                : "<td title=\"\(esc(o.venueName))\">\(esc(o.venue))</td>"
            if byDate { h += "<td class=\"n\">\(esc(o.startDate))</td>" }
            h += "<td>\(esc(o.status))</td>"
            guard o.hasPlan, let total = o.total else {
                let more = o.reasons.count > 3 ? "<br><span class=\"muted\">and \(o.reasons.count - 3) more in \(esc(o.folder))/summary.json</span>" : ""
                h += "<td colspan=\"\(priced ? 13 : 12)\" class=\"r\">\(o.reasons.prefix(3).map(esc).joined(separator: "<br>"))\(more)</td></tr>\n"
                continue
            }
            func cell(_ v: Double?) -> String { "<td class=\"n\">\(v.map(money) ?? "")</td>" }
            h += cell(total)
            h += "<td class=\"n\">\(i == 0 ? "" : best.map { "+" + money(total - $0) } ?? "")</td>"
            h += "<td class=\"n\">\(o.co2Kg.map(tonnes) ?? "")</td>"
            h += cell(o.travel) + cell(o.hotel) + cell(o.timeAway) + cell(o.dinners) + cell(o.venueCost) + (priced ? cell(o.carbonCost) : "")
            h += "<td class=\"n\">\(o.hotelNights.map(fmt) ?? "")</td>" + cell(o.travelRuleCost)
            h += "<td class=\"n\">\(o.gap.map(percent) ?? "")</td>"
            h += "<td class=\"n secs\">\(o.solveSeconds.map { String(format: "%.1f", $0) } ?? "")</td></tr>\n"
        }
        h +=
            "</table></div>\n<p class=\"muted\">Each option is a full <code>kickoff solve</code> run; its plan folder sits beside this page (follow a venue's link). Planned by Kickoff with GLPK.</p>\n</body></html>\n"
        return h
    }

    /// Horizontal stacked bars, one per option with a plan, on one scale; inline SVG.
    var chart: String {
        let plans = ranked.filter(\.hasPlan)
        guard let maxTotal = plans.compactMap(\.total).max(), maxTotal > 0 else { return "" }
        let labelWidth = 200.0, barWidth = 640.0, rowHeight = 34.0, top = 10.0
        let height = top + rowHeight * Double(plans.count) + 28
        var s = "<h2>Cost by part</h2>\n<p class=\"legend\">"
        for p in parts { s += "<span><i style=\"background:\(p.color)\"></i>\(p.name)</span>" }
        s +=
            "</p>\n<svg class=\"chart stack\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 210)) \(Int(height))\" role=\"img\" aria-label=\"Total cost per option, split into its five parts\">\n"
        for (i, o) in plans.enumerated() {
            let y = top + rowHeight * Double(i)
            s += "<text x=\"0\" y=\"\(fmt1(y + 17))\">\(esc(String(label(o).prefix(28))))</text>\n"
            var x = labelWidth
            for p in parts {
                let w = (o[keyPath: p.value] ?? 0) / maxTotal * barWidth
                guard w > 0 else { continue }
                s += "<rect x=\"\(fmt1(x))\" y=\"\(fmt1(y + 4))\" width=\"\(fmt1(w))\" height=\"\(fmt1(rowHeight - 10))\" fill=\"\(p.color)\">"
                s += "<title>\(esc(label(o))): \(p.name) \(money(o[keyPath: p.value] ?? 0))</title></rect>\n"
                x += w
            }
            s += "<text x=\"\(fmt1(x + 8))\" y=\"\(fmt1(y + 17))\">\(money(o.total ?? 0))</text>\n"
        }
        // A scale under the bars: 0 and the largest total.
        let axisY = top + rowHeight * Double(plans.count) + 4
        s += "<line x1=\"\(fmt1(labelWidth))\" y1=\"\(fmt1(axisY))\" x2=\"\(fmt1(labelWidth + barWidth))\" y2=\"\(fmt1(axisY))\" stroke=\"#9aa3b2\"/>\n"
        s += "<text x=\"\(fmt1(labelWidth))\" y=\"\(fmt1(axisY + 18))\">0</text>\n"
        s += "<text x=\"\(fmt1(labelWidth + barWidth))\" y=\"\(fmt1(axisY + 18))\" text-anchor=\"end\">\(money(maxTotal))</text>\n"
        return s + "</svg>\n"
    }

    /// Estimated flight emissions per option with a plan, in the ranking's order.
    var carbonChart: String {
        let rows = ranked.filter(\.hasPlan).compactMap { o in o.co2Kg.map { (label(o), $0, "\(tonnes($0)) t") } }
        guard !rows.isEmpty else { return "" }
        return "<h2>CO2e by option</h2>\n<p class=\"muted\">Flights booked in each option's plan, tonnes CO2e "
            + "(UK DESNZ 2025 factors with radiative forcing; each plan's report states the method).</p>\n"
            + SVGChart.bars(rows, color: "#3f8f8a", aria: "Estimated tonnes CO2e per option")
    }

    /// "CHI: Lakeshore Conference Hotel Chicago · DEN: …", once per venue.
    var venueNames: String {
        var seen = Set<String>()
        return ranked.filter { !$0.venueName.isEmpty && seen.insert($0.venue).inserted }
            .map { "\(esc($0.venue)): \(esc($0.venueName))" }.joined(separator: " · ")
    }

    func fmt1(_ v: Double) -> String { String(format: "%.1f", v) }
}
