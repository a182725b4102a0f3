import Airports
import KickoffCore
import KickoffPlan
import KickoffPlanner

/// `report.html`: one self-contained page (no scripts, no external files) a coordinator reads:
/// the cost breakdown, a day × room schedule grid, each team's dinner and a travel summary.
package struct HTMLReport {
    let instance: PlanningInstance
    let outcome: PlanOutcome
    let plan: Plan
    let followUps: [FollowUpPlacement]
    let transfers: TransferPlan?

    package init(
        _ instance: PlanningInstance, _ outcome: PlanOutcome, plan: Plan, followUps: [FollowUpPlacement] = [],
        transfers: TransferPlan? = nil
    ) {
        self.transfers = transfers
        self.instance = instance
        self.outcome = outcome
        self.plan = plan
        self.followUps = followUps
    }

    var sc: Scenario { instance.scenario }

    package var html: String {
        let e = sc.event
        let costs = outcome.check?.costs ?? CostBreakdown()
        var h =
            pageHead(title: "\(e.name) — \(instance.venue.name)", maxWidth: 1200) + """
                .sub{color:#5b6475;margin:0 0 16px}.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px}
                .optimal{background:#d9f2e1;color:#17653a}.feasible{background:#fff1cc;color:#7a5600}
                table{border-collapse:collapse;margin:8px 0}th,td{padding:5px 10px;border:1px solid #dde2ea;text-align:left;vertical-align:top}
                th{background:#f3f5f9;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
                .bar{height:12px;background:#4a78c2;border-radius:2px}.grid{table-layout:fixed;width:100%}.grid td{font-size:13px}.grid th{font-size:13px}
                .grid td.s{background:#eaf1fc}.grid td.k-keynote{background:#fde8e4}.grid td.k-practice,.grid td.k-territory{background:#e3f4e8}
                .grid td.k-training{background:#eaf1fc}.grid td.k-info{background:#f5f0e0}.grid td.k-recognition{background:#f4e6f7}
                .grid th.t{white-space:nowrap}.muted{color:#7b8494}.kpis{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
                .kpi{border:1px solid #dde2ea;border-radius:8px;padding:8px 14px}.kpi b{display:block;font-size:20px}
                li.warn{color:#8a3b12}li.warn::marker{content:"⚠ "}.wide{overflow-x:auto;max-width:100%}.grid{min-width:720px}
                .pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 24px}
                @media (max-width:600px){body{padding:12px}h1{font-size:22px}.kpi b{font-size:17px}}
                \(SVGChart.css)</style></head><body>
                <h1>\(esc(e.name))</h1>
                <p class="sub">\(esc(instance.venue.name)), \(esc(instance.venue.city)) · \(dateRange) ·
                <span class="badge \(outcome.termination.statusWord)">\(outcome.termination.statusWord)\(gapText)</span></p>
                <div class="kpis">
                <div class="kpi">Total cost<b>\(money(costs.total))</b></div>
                <div class="kpi">Attendees<b>\(fmt(sc.attendees.count))</b></div>
                <div class="kpi">Travellers<b>\(fmt(plan.trips.compactMap { $0 }.count))</b></div>
                <div class="kpi">Hotel nights<b>\(fmt(costs.hotelNights))</b></div>
                <div class="kpi">CO2e<b>\(tonnes(costs.co2Kg)) t</b></div>
                <div class="kpi">Sessions<b>\(fmt(instance.agenda.sessions.count))</b></div>
                </div>

                """
        let tally = TravelTally(instance, plan)
        h += costSection(costs)
        h += glanceSection(tally, costs)
        h += carbonSection(costs)
        if let changes = outcome.changes { h += ChangesReport(changes, penalty: outcome.penalty).html }
        h += scheduleSection()
        h += dinnerSection()
        h += travelSection(tally)
        if let transfers { h += TransfersReport(transfers, instance).html }
        if let health = outcome.health { h += HealthReport(health, instance).html }
        h += followUpSection()
        h += "<p class=\"muted\">Planned by Kickoff with GLPK. Times are venue local (\(esc(instance.venue.timezone))). Airport data: OpenFlights (ODbL).</p>\n</body></html>\n"
        // Every table scrolls inside its own box, so the page itself never scrolls sideways on a phone.
        return h.replacingOccurrences(of: "<table", with: "<div class=\"wide\"><table")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
    }

    /// The follow-ups after the event, with when they fall and for how many it is outside their working day.
    func followUpSection() -> String {
        guard !followUps.isEmpty else { return "" }
        var h =
            "<h2>After the event</h2>\n<p>Online follow-ups, each at the time inside \(sc.event.dayStart)–\(sc.event.dayEnd) "
            + "on a weekday for most of its audience, in their home time zones (followups.csv).</p>\n"
            + "<table><tr><th>Follow-up</th><th>Kind</th><th>Date</th><th>Starts (UTC)</th><th>Venue time</th><th>Minutes</th>"
            + "<th>Attendees</th><th>Outside their hours</th></tr>\n"
        for f in followUps {
            let utc = Timestamp(instant: f.start, offsetMinutes: 0)
            let local = Timestamp(instant: f.start, offsetMinutes: instance.clock.offsetMinutes(atInstant: f.start))
            h +=
                "<tr><td>\(esc(f.definition.title))</td><td>\(esc(f.definition.kind))</td><td>\(f.date.weekday.shortName) \(f.date)</td>"
                + "<td>\(utc.time)</td><td>\(local.date == f.date ? "" : "\(local.date) ")\(local.time)</td><td class=\"n\">\(f.end - f.start)</td>"
                + "<td class=\"n\">\(fmt(f.audience.count))</td><td class=\"n\">\(fmt(f.outsideHours.count))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    var dateRange: String {
        let e = sc.event
        return e.days == 1
            ? "\(e.startDate.weekday.shortName) \(e.startDate)"
            : "\(e.startDate.weekday.shortName) \(e.startDate) – \(e.lastDate.weekday.shortName) \(e.lastDate)"
    }

    var gapText: String {
        guard outcome.termination.reason == .feasible, let g = outcome.gap else { return "" }
        return ", gap \(percentTenths(g))"
    }

    func costSection(_ c: CostBreakdown) -> String {
        var parts: [(String, Double)] = [
            ("Travel", c.travel), ("Hotel", c.hotel), ("Time away from selling", c.timeAway),
            ("Team dinners", c.dinners), ("Venue", c.venue)
        ]
        if instance.carbon.isPriced { parts.append(("Carbon at \(money(instance.carbon.pricePerTonne)) per tonne", c.carbon)) }
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

    func travelSection(_ t: TravelTally) -> String {
        var h = "<h2>Travel and hotel</h2>\n"
        h += "<p>\(fmt(t.travellers)) travellers, \(fmt(plan.trips.count - t.travellers)) local attendees. "
        h += "Every leg departs and arrives on a weekday between \(sc.event.travelEarliest) and \(sc.event.travelLatest) local time.</p>\n"
        h += "<table><tr><th>Date (venue)</th><th>Arrive</th><th>Depart</th><th>Hotel rooms that night</th></tr>\n"
        let block = instance.venue.hotelRooms.map { " of \(fmt($0))" } ?? ""
        for d in t.days {
            h += "<tr><td>\(d.weekday.shortName) \(d)</td><td class=\"n\">\(t.arrivals[d] ?? 0)</td><td class=\"n\">\(t.departures[d] ?? 0)</td>"
            h += "<td class=\"n\">\(t.nights[d.dayNumber].map { "\(fmt($0))\(block)" } ?? "–")</td></tr>\n"
        }
        h += "</table>\n<h3>Busiest home airports</h3>\n<table><tr><th>Airport</th><th>Travellers</th><th>Average fare (round trip)</th><th>CO2e per traveller (round trip)</th></tr>\n"
        for (home, v) in t.byHome.sorted(by: { ($1.value.people, $0.key) < ($0.value.people, $1.key) }).prefix(12) {
            let kg = v.co2Known ? "\(String(format: "%.0f", v.co2 / Double(v.people))) kg" : "–"
            h += "<tr><td>\(esc(home))</td><td class=\"n\">\(v.people)</td><td class=\"n\">\(money(v.cost / Double(v.people)))</td><td class=\"n\">\(kg)</td></tr>\n"
        }
        return h + "</table>\n"
    }

    /// What a coordinator looks at first: the shuttle waves at the venue airport, the hotel rooms
    /// against the block, and what each team's attendees cost and emit.
    func glanceSection(_ t: TravelTally, _ costs: CostBreakdown) -> String {
        var h = "<h2>At a glance</h2>\n"
        if !t.hours.isEmpty {
            h += "<h3>Arrivals and departures per hour at \(esc(instance.venue.airport))</h3>\n"
            h += SVGChart.legend([("Arriving", "#4a78c2"), ("Departing", "#e0a33b")])
            var groups: [(label: String, from: Int, to: Int)] = []
            for (i, b) in t.hours.enumerated() {
                if let last = groups.last, t.hours[last.from].date == b.date {
                    groups[groups.count - 1].to = i
                } else {
                    groups.append(("\(b.date.weekday.shortName) \(b.date)", i, i))
                }
            }
            h += SVGChart.columns(
                [
                    .init(name: "arriving", color: "#4a78c2", values: t.hours.map { Double(t.arrivalsByHour[$0] ?? 0) }),
                    .init(name: "departing", color: "#e0a33b", values: t.hours.map { Double(t.departuresByHour[$0] ?? 0) })
                ],
                labels: t.hours.map { Figures.zeroPadded($0.hour, 2) },
                titles: t.hours.map { "\($0.date.weekday.shortName) \($0.date) \(Figures.zeroPadded($0.hour, 2)):00" }, groups: groups,
                labelEvery: t.hours.count > 40 ? 3 : t.hours.count > 20 ? 2 : 1,
                aria: "Travellers arriving and departing at the venue airport in each hour, venue time")
            h += "<p class=\"muted\">Venue-local hour of each traveller's inbound arrival and outbound departure: the shuttle waves.</p>\n"
        }
        let nightDays = t.nights.keys.sorted()
        if !nightDays.isEmpty {
            let block = instance.venue.hotelRooms
            h += "<h3>Hotel rooms per night\(block.map { " against the block of \(fmt($0))" } ?? "")</h3>\n"
            h += SVGChart.columns(
                [.init(name: "rooms", color: "#7fb069", values: nightDays.map { Double(t.nights[$0] ?? 0) })],
                labels: nightDays.map {
                    let d = CivilDate(dayNumber: $0); return "\(d.weekday.shortName) \(d.day)"
                },
                titles: nightDays.map { "night of \(CivilDate(dayNumber: $0))" },
                limit: block.map { (Double($0), "block \(fmt($0))") },
                aria: "Hotel rooms needed each night" + (block.map { " against the hotel block of \($0) rooms" } ?? ""))
        }
        let teams = teamFigures()
        if !teams.isEmpty {
            let shown = teams.sorted { ($1.cost, $0.team) < ($0.cost, $1.team) }.prefix(30)
            let more = teams.count > shown.count ? " (the \(shown.count) costliest of \(teams.count) teams)" : ""
            h += "<h3>Cost and CO2e per attendee, by team\(more)</h3>\n<div class=\"pair\"><div>"
            h += "<p class=\"muted\">Travel, hotel, time away and dinner\(instance.carbon.isPriced ? ", carbon" : ""), per member (\(esc(sc.event.currency))); the venue is shared, not shown.</p>\n"
            h += SVGChart.bars(
                shown.map { ($0.team, $0.cost, money($0.cost)) }, color: "#4a78c2",
                aria: "Average cost per attendee by team")
            h += "</div><div><p class=\"muted\">Flights, kg CO2e per member (round trip).</p>\n"
            h += SVGChart.bars(
                shown.map { ($0.team, $0.co2 ?? 0, $0.co2.map { String(format: "%.0f kg", $0) } ?? "no estimate") },
                color: "#3f8f8a", aria: "Average kg CO2e per attendee by team")
            h += "</div></div>\n"
        }
        return h
    }

    /// Each team's average cost and kg CO2e per member (nil when a member's legs lack an estimate).
    func teamFigures() -> [(team: String, cost: Double, co2: Double?)] {
        instance.agenda.teams.compactMap { team in
            let members = instance.members(of: team)
            guard !members.isEmpty else { return nil }
            let dinner = plan.dinners[team].map { instance.restaurants[$0.restaurant].costPerHead } ?? 0
            var cost = 0.0, co2: Double? = 0
            for a in members {
                cost += dinner
                guard let trip = plan.trips[a] else { continue }
                // The pair of leg costs the program minimises: fares, hotel nights, hours away and carbon.
                cost += instance.legCost(trip.inbound, inbound: true) + instance.legCost(trip.outbound, inbound: false)
                if let kg = CarbonReport.kg(trip, instance) { co2 = co2.map { $0 + kg } } else { co2 = nil }
            }
            let n = Double(members.count)
            return (team, cost / n, co2.map { $0 / n })
        }
    }

    /// The plan's emissions and how they were estimated.
    func carbonSection(_ c: CostBreakdown) -> String {
        let travellers = plan.trips.compactMap { $0 }.count
        var h = "<h2>Carbon</h2>\n<p>The flights emit an estimated <b>\(tonnes(c.co2Kg)) t CO2e</b>"
        if travellers > 0 { h += ", \(String(format: "%.0f", c.co2Kg / Double(travellers))) kg per traveller" }
        h += ".\(c.legsWithoutCO2 > 0 ? " \(c.legsWithoutCO2) booked leg\(c.legsWithoutCO2 == 1 ? " has" : "s have") no estimate (an airport outside the bundled table)." : "")"
        if instance.carbon.isPriced {
            h += " At the internal carbon price of \(money(instance.carbon.pricePerTonne)) \(esc(sc.event.currency)) per tonne that is "
            h += "\(money(c.carbon)) \(esc(sc.event.currency)), part of the total and of what the plan minimised."
        }
        h += "</p>\n<p class=\"muted\">Method: \(esc(FlightEmissions.source)). Every leg is treated as a flight; ground transfers are not counted.</p>\n"
        return h
    }

}

/// What the plan's trips add up to at the venue: arrivals, departures and hotel rooms by date,
/// arrivals and departures by venue-local hour, and travellers, fares and CO2e by home airport.
struct TravelTally {
    struct Hour: Hashable, Comparable {
        let date: CivilDate
        let hour: Int
        static func < (a: Hour, b: Hour) -> Bool { (a.date, a.hour) < (b.date, b.hour) }
    }
    var travellers = 0
    var arrivals: [CivilDate: Int] = [:], departures: [CivilDate: Int] = [:]
    /// Hotel rooms by night (day number of the evening).
    var nights: [Int: Int] = [:]
    var arrivalsByHour: [Hour: Int] = [:], departuresByHour: [Hour: Int] = [:]
    var byHome: [String: (people: Int, cost: Double, co2: Double, co2Known: Bool)] = [:]

    init(_ instance: PlanningInstance, _ plan: Plan) {
        let legs = instance.scenario.travel, clock = instance.clock
        func hour(_ instant: Int) -> Hour {
            let t = Timestamp(instant: instant, offsetMinutes: clock.offsetMinutes(atInstant: instant))
            return Hour(date: t.date, hour: t.time.hour)
        }
        for t in plan.trips.compactMap({ $0 }) {
            travellers += 1
            let i = legs[t.inbound], o = legs[t.outbound]
            let a = instance.venueDate(i.arrive.instant), d = instance.venueDate(o.depart.instant)
            arrivals[a, default: 0] += 1
            departures[d, default: 0] += 1
            arrivalsByHour[hour(i.arrive.instant), default: 0] += 1
            departuresByHour[hour(o.depart.instant), default: 0] += 1
            if d > a { for n in a.dayNumber..<d.dayNumber { nights[n, default: 0] += 1 } }
            var home = byHome[i.origin] ?? (0, 0, 0, true)
            home.people += 1
            home.cost += i.price + o.price
            if let kg = CarbonReport.kg(t, instance) { home.co2 += kg } else { home.co2Known = false }
            byHome[i.origin] = home
        }
    }

    /// Dates with an arrival, a departure or a hotel night, ascending.
    var days: [CivilDate] {
        Set(arrivals.keys).union(departures.keys).union(nights.keys.map { CivilDate(dayNumber: $0) }).sorted()
    }

    /// Every hour from the earliest to the latest one with traffic, on each date with traffic.
    var hours: [Hour] {
        let busy = Set(arrivalsByHour.keys).union(departuresByHour.keys)
        guard let lo = busy.map(\.hour).min(), let hi = busy.map(\.hour).max() else { return [] }
        return Set(busy.map(\.date)).sorted().flatMap { d in (lo...hi).map { Hour(date: d, hour: $0) } }
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
func esc(_ s: String) -> String {
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
