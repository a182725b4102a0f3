import KickoffCore
import KickoffModel

/// `report.html`: one self-contained page (no scripts, no external files) a coordinator reads:
/// the cost breakdown, a day × room schedule grid, each team's dinner and a travel summary.
public struct HTMLReport {
    let instance: PlanningInstance
    let outcome: PlanOutcome
    let plan: Plan
    let followUps: [FollowUpPlacement]
    let transfers: TransferPlan?

    public init(_ instance: PlanningInstance, _ outcome: PlanOutcome, plan: Plan, followUps: [FollowUpPlacement] = [],
                transfers: TransferPlan? = nil) {
        self.transfers = transfers
        self.instance = instance
        self.outcome = outcome
        self.plan = plan
        self.followUps = followUps
    }

    var sc: Scenario { instance.scenario }

    public var html: String {
        let e = sc.event
        let costs = outcome.check?.costs ?? CostBreakdown()
        var h = pageHead(title: "\(e.name) — \(instance.venue.name)", maxWidth: 1200) + """
        .sub{color:#5b6475;margin:0 0 16px}.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px}
        .optimal{background:#d9f2e1;color:#17653a}.feasible{background:#fff1cc;color:#7a5600}
        table{border-collapse:collapse;margin:8px 0}th,td{padding:5px 10px;border:1px solid #dde2ea;text-align:left;vertical-align:top}
        th{background:#f3f5f9;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .bar{height:12px;background:#4a78c2;border-radius:2px}.grid{table-layout:fixed;width:100%}.grid td{font-size:13px}.grid th{font-size:13px}
        .grid td.s{background:#eaf1fc}.grid td.k-keynote{background:#fde8e4}.grid td.k-practice,.grid td.k-territory{background:#e3f4e8}
        .grid td.k-training{background:#eaf1fc}.grid td.k-info{background:#f5f0e0}.grid td.k-recognition{background:#f4e6f7}
        .grid th.t{white-space:nowrap}.muted{color:#7b8494}.kpis{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
        .kpi{border:1px solid #dde2ea;border-radius:8px;padding:8px 14px}.kpi b{display:block;font-size:20px}
        li.warn{color:#8a3b12}li.warn::marker{content:"⚠ "}
        </style></head><body>
        <h1>\(esc(e.name))</h1>
        <p class="sub">\(esc(instance.venue.name)), \(esc(instance.venue.city)) · \(dateRange) ·
        <span class="badge \(outcome.termination.statusWord)">\(outcome.termination.statusWord)\(gapText)</span></p>
        <div class="kpis">
        <div class="kpi">Total cost<b>\(money(costs.total))</b></div>
        <div class="kpi">Attendees<b>\(fmt(sc.attendees.count))</b></div>
        <div class="kpi">Travellers<b>\(fmt(plan.trips.compactMap { $0 }.count))</b></div>
        <div class="kpi">Hotel nights<b>\(fmt(costs.hotelNights))</b></div>
        <div class="kpi">Sessions<b>\(fmt(instance.agenda.sessions.count))</b></div>
        </div>

        """
        h += costSection(costs)
        if let changes = outcome.changes { h += ChangesReport(changes, penalty: outcome.penalty).html }
        h += scheduleSection()
        h += dinnerSection()
        h += travelSection()
        if let transfers { h += TransfersReport(transfers, instance).html }
        if let health = outcome.health { h += HealthReport(health, instance).html }
        h += followUpSection()
        h += "<p class=\"muted\">Planned by Kickoff with GLPK. Times are venue local (\(esc(instance.venue.timezone))). Airport data: OpenFlights (ODbL).</p>\n</body></html>\n"
        return h
    }

    /// The follow-ups after the event, with when they fall and for how many it is outside their working day.
    func followUpSection() -> String {
        guard !followUps.isEmpty else { return "" }
        var h = "<h2>After the event</h2>\n<p>Online follow-ups, each at the time inside \(sc.event.dayStart)–\(sc.event.dayEnd) "
            + "on a weekday for most of its audience, in their home time zones (followups.csv).</p>\n"
            + "<table><tr><th>Follow-up</th><th>Kind</th><th>Date</th><th>Starts (UTC)</th><th>Venue time</th><th>Minutes</th>"
            + "<th>Attendees</th><th>Outside their hours</th></tr>\n"
        for f in followUps {
            let utc = Timestamp(instant: f.start, offsetMinutes: 0)
            let local = Timestamp(instant: f.start, offsetMinutes: instance.clock.offsetMinutes(atInstant: f.start))
            h += "<tr><td>\(esc(f.definition.title))</td><td>\(esc(f.definition.kind))</td><td>\(f.date.weekday.shortName) \(f.date)</td>"
                + "<td>\(utc.time)</td><td>\(local.date == f.date ? "" : "\(local.date) ")\(local.time)</td><td class=\"n\">\(f.end - f.start)</td>"
                + "<td class=\"n\">\(fmt(f.audience.count))</td><td class=\"n\">\(fmt(f.outsideHours.count))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    var dateRange: String {
        let e = sc.event
        return e.days == 1 ? "\(e.startDate.weekday.shortName) \(e.startDate)"
            : "\(e.startDate.weekday.shortName) \(e.startDate) – \(e.lastDate.weekday.shortName) \(e.lastDate)"
    }

    var gapText: String {
        guard outcome.termination == .feasible, let g = outcome.gap else { return "" }
        return ", gap \(percentTenths(g))"
    }

    func costSection(_ c: CostBreakdown) -> String {
        let parts: [(String, Double)] = [("Travel", c.travel), ("Hotel", c.hotel), ("Time away from selling", c.timeAway),
                                         ("Team dinners", c.dinners), ("Venue", c.venue)]
        let top = max(parts.map(\.1).max() ?? 1, 1)
        var h = "<h2>Cost</h2>\n<table><tr><th>Part</th><th>\(esc(sc.event.currency))</th><th>Share</th><th></th></tr>\n"
        for (name, v) in parts {
            h += "<tr><td>\(name)</td><td class=\"n\">\(money(v))</td><td class=\"n\">\(c.total > 0 ? percentTenths(v / c.total) : "–")</td>"
            h += "<td style=\"width:260px\"><div class=\"bar\" style=\"width:\(Int((v / top * 100).rounded()))%\"></div></td></tr>\n"
        }
        h += "<tr><th>Total</th><th class=\"n\">\(money(c.total))</th><th></th><th></th></tr></table>\n"
        return h
    }

    func scheduleSection() -> String {
        let agenda = instance.agenda
        var h = "<h2>Schedule</h2>\n<p class=\"muted\">Each cell shows the session, its audience size and, for a team copy, the team.</p>\n"
        for day in 1...sc.event.days {
            let slots = agenda.slots.indices.filter { agenda.slots[$0].day == day }.sorted { instance.slotStart[$0] < instance.slotStart[$1] }
            let sessions = agenda.sessions.indices.filter { agenda.slots[plan.placements[$0].slot].day == day }
            guard !slots.isEmpty else { continue }
            let rooms = Set(sessions.map { plan.placements[$0].room }).sorted()
            h += "<h3>Day \(day) · \(sc.event.date(ofDay: day).weekday.shortName) \(sc.event.date(ofDay: day))</h3>\n"
            if rooms.isEmpty { h += "<p class=\"muted\">No sessions.</p>\n"; continue }
            // Rooms down, times across: a day's slots fit a laptop screen, however many rooms.
            h += "<table class=\"grid\"><tr><th>Room</th>" + slots.map { "<th class=\"t\">\(agenda.slots[$0].start)–\(agenda.slots[$0].end)</th>" }.joined() + "</tr>\n"
            for r in rooms {
                h += "<tr><th>\(esc(instance.rooms[r].name))<br><span class=\"muted\">\(instance.rooms[r].capacity) seats</span></th>"
                var covered = Set<Int>()
                for s in slots where !covered.contains(s) {
                    if let k = sessions.first(where: { plan.placements[$0].slot == s && plan.placements[$0].room == r }) {
                        let ses = instance.session(k)
                        let run = agenda.run(from: s, length: ses.slots) ?? [s]
                        covered.formUnion(run)
                        let span = run.filter(slots.contains).count
                        let team = agenda.sessions[k].team.map { " · \(esc($0))" } ?? ""
                        h += "<td class=\"s k-\(ses.kind.rawValue)\"\(span > 1 ? " colspan=\"\(span)\"" : "")><b>\(esc(ses.title))</b>\(team)<br>"
                        h += "<span class=\"muted\">\(esc(agenda.sessions[k].id)) · \(agenda.sessions[k].audience.count) people</span></td>"
                    } else {
                        h += "<td></td>"
                    }
                }
                h += "</tr>\n"
            }
            h += "</table>\n"
        }
        return h
    }

    func dinnerSection() -> String {
        guard instance.hasDinners else { return "" }
        var h = "<h2>Team dinners</h2>\n<p class=\"muted\">Dinners start at \(sc.event.dinnerTime) venue time.</p>\n"
        h += "<table><tr><th>Team</th><th>Managers at the table</th><th>Evening</th><th>Restaurant</th><th>Guests</th><th>Cost</th></tr>\n"
        let index = sc.attendeeIndex
        for team in instance.agenda.teams {
            guard let d = plan.dinners[team] else { continue }
            let members = instance.members(of: team)
            let managers = Set(members.compactMap { sc.attendees[$0].managerID }).compactMap { index[$0] }
                .map { sc.attendees[$0].name }.sorted()
            let r = instance.restaurants[d.restaurant]
            let date = sc.event.date(ofDay: d.evening)
            h += "<tr><td>\(esc(team))</td><td>\(esc(managers.joined(separator: ", ")))</td><td>\(date.weekday.shortName) \(date)</td>"
            h += "<td>\(esc(r.name))</td><td class=\"n\">\(members.count)</td><td class=\"n\">\(money(Double(members.count) * r.costPerHead))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    func travelSection() -> String {
        let legs = sc.travel
        let trips = plan.trips.compactMap { $0 }
        var h = "<h2>Travel and hotel</h2>\n"
        h += "<p>\(fmt(trips.count)) travellers, \(fmt(plan.trips.count - trips.count)) local attendees. "
        h += "Every leg departs and arrives on a weekday between \(sc.event.travelEarliest) and \(sc.event.travelLatest) local time.</p>\n"
        var arrivals: [CivilDate: Int] = [:], departures: [CivilDate: Int] = [:], nights: [Int: Int] = [:]
        var byHome: [String: (people: Int, cost: Double)] = [:]
        for t in trips {
            let i = legs[t.inbound], o = legs[t.outbound]
            let a = instance.venueDate(i.arrive.instant), d = instance.venueDate(o.depart.instant)
            arrivals[a, default: 0] += 1
            departures[d, default: 0] += 1
            if d > a { for n in a.dayNumber..<d.dayNumber { nights[n, default: 0] += 1 } }
            byHome[i.origin, default: (0, 0)].people += 1
            byHome[i.origin, default: (0, 0)].cost += i.price + o.price
        }
        let days = Set(arrivals.keys).union(departures.keys).union(nights.keys.map { CivilDate(dayNumber: $0) }).sorted()
        h += "<table><tr><th>Date (venue)</th><th>Arrive</th><th>Depart</th><th>Hotel rooms that night</th></tr>\n"
        let block = instance.venue.hotelRooms.map { " of \(fmt($0))" } ?? ""
        for d in days {
            h += "<tr><td>\(d.weekday.shortName) \(d)</td><td class=\"n\">\(arrivals[d] ?? 0)</td><td class=\"n\">\(departures[d] ?? 0)</td>"
            h += "<td class=\"n\">\(nights[d.dayNumber].map { "\(fmt($0))\(block)" } ?? "–")</td></tr>\n"
        }
        h += "</table>\n<h3>Busiest home airports</h3>\n<table><tr><th>Airport</th><th>Travellers</th><th>Average fare (round trip)</th></tr>\n"
        for (home, v) in byHome.sorted(by: { ($1.value.people, $0.key) < ($0.value.people, $1.key) }).prefix(12) {
            h += "<tr><td>\(esc(home))</td><td class=\"n\">\(v.people)</td><td class=\"n\">\(money(v.cost / Double(v.people)))</td></tr>\n"
        }
        return h + "</table>\n"
    }

}

/// The start of a self-contained page, up to the shared part of its style sheet; the page adds
/// its own rules and closes `</style></head>`.
func pageHead(title: String, maxWidth: Int) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(esc(title))</title>
    <style>
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:\(maxWidth)px;padding:24px;color:#1d2433}
    h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #e3e7ef;padding-bottom:4px}

    """
}

/// HTML-escapes text for element content and quoted attributes.
public func esc(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
