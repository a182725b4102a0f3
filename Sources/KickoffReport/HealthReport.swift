import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// The agenda-health section (`AgendaHealth`) as summary.json's `agenda_health`, as lines of
/// `solve`'s summary, and as a section of report.html.
struct HealthReport {
    let health: AgendaHealth
    let instance: PlanningInstance
    private let names: [AttendeeID: String]

    init(_ health: AgendaHealth, _ instance: PlanningInstance) {
        self.health = health
        self.instance = instance
        names = Dictionary(instance.scenario.attendees.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    var currency: String { instance.scenario.event.currency }

    func name(_ id: AttendeeID) -> String { names[id] ?? id.rawValue }

    // MARK: summary.json

    var json: JSON {
        let h = health
        var pairs: [(String, JSON)] = [
            ("time_shares", .object(h.shares.map { ($0.kind.rawValue, .number(($0.share * 1e4).rounded() / 1e4)) })),
            ("keynote_info_share", .number((h.talkShare * 1e4).rounded() / 1e4)),
            ("keynote_info_flag", .bool(h.tooMuchTalk)),
            ("info_sessions", .array(h.infoSessions.map { .string($0.rawValue) })),
            ("comp_plan_date", h.compPlanDate.map { .string($0.description) } ?? .null),
            ("comp_plan_flag", .bool(!h.compPlanClash.isEmpty)),
            ("comp_call_window", .array(h.compCallWindow.map { .string($0.description) }))
        ]
        pairs.append(
            (
                "managers_apart",
                h.managerExceptions.map { list in
                    .array(
                        list.map {
                            .object([
                                ("attendee", .string($0.attendee.rawValue)), ("team", .string($0.team)),
                                ("manager", .string($0.manager.rawValue)), ("manager_team", .string($0.managerTeam))
                            ])
                        })
                } ?? .null
            ))
        pairs.append(("chairmans_club", .array(h.chairmansClub.map { .string($0.rawValue) })))
        pairs.append(("presidents_club", .array(h.presidentsClub.map { .string($0.rawValue) })))
        pairs.append(("travel_rule_cost", h.ruleCosts == nil ? .null : .money(h.ruleCostTotal)))
        pairs.append(
            (
                "travel_rule_exclusions",
                h.ruleCosts.map { list in
                    .array(
                        list.map { r in
                            .object([
                                ("attendee", .string(r.attendee.rawValue)), ("home", .string(r.home)),
                                ("cheapest_allowed", .money(r.allowed)), ("cheapest_without_rules", .money(r.withoutRules)),
                                ("excluded_legs", .array(r.excludedLegs.map { .object([("leg", .string($0.id.rawValue)), ("why", .string($0.why))]) }))
                            ])
                        })
                } ?? .null
            ))
        return .object(pairs)
    }

    /// Reads summary.json's `agenda_health` (as `json` writes it) back into findings; nil if it
    /// is not that shape. Time shares come back at the four decimals the file keeps.
    static func health(fromSummary o: JSON) -> AgendaHealth? {
        guard case .object(let shares)? = o["time_shares"] else { return nil }
        func strings(_ key: String) -> [String] { o[key]?.array?.compactMap(\.string) ?? [] }
        func date(_ s: String) -> CivilDate? { CivilDate(parsing: s) }
        var kinds: [AgendaHealth.KindShare] = []
        for (k, v) in shares {
            guard let kind = SessionKind(rawValue: k), let share = v.double else { return nil }
            kinds.append(.init(kind: kind, attendeeMinutes: 0, share: share))
        }
        let compPlan = o["comp_plan_date"]?.string.flatMap(date)
        let managers = o["managers_apart"]?.array.map { list in
            list.compactMap { m -> AgendaHealth.Exception? in
                guard let a = m["attendee"]?.string, let t = m["team"]?.string, let mg = m["manager"]?.string,
                    let mt = m["manager_team"]?.string
                else { return nil }
                return .init(attendee: AttendeeID(a), team: t, manager: AttendeeID(mg), managerTeam: mt)
            }
        }
        let rules = o["travel_rule_exclusions"]?.array.map { list in
            list.compactMap { r -> AgendaHealth.RuleCost? in
                guard let a = r["attendee"]?.string, let home = r["home"]?.string, let allowed = r["cheapest_allowed"]?.double,
                    let without = r["cheapest_without_rules"]?.double
                else { return nil }
                let legs = (r["excluded_legs"]?.array ?? []).compactMap { l -> (id: LegID, why: String)? in
                    guard let id = l["leg"]?.string, let why = l["why"]?.string else { return nil }
                    return (LegID(id), why)
                }
                return .init(attendee: AttendeeID(a), home: home, allowed: allowed, withoutRules: without, excludedLegs: legs)
            }
        }
        return AgendaHealth(
            shares: kinds, infoSessions: strings("info_sessions").map { SessionID($0) }, compPlanDate: compPlan,
            compPlanClash: (o["comp_plan_flag"]?.bool ?? false) ? compPlan.map { [$0] } ?? [] : [],
            compCallWindow: strings("comp_call_window").compactMap(date), managerExceptions: managers,
            chairmansClub: strings("chairmans_club").map { AttendeeID($0) },
            presidentsClub: strings("presidents_club").map { AttendeeID($0) }, ruleCosts: rules)
    }

    // MARK: stdout

    /// A few indented lines; lists longer than `limit` end in "and N more".
    func text(limit: Int = 5) -> String { Self.text(health, currency: currency, limit: limit) }

    /// `text` for findings without their instance (read back from summary.json).
    static func text(_ h: AgendaHealth, currency: String, limit: Int = 5) -> String {
        func list(_ items: [String]) -> String {
            items.count <= limit
                ? items.joined(separator: ", ")
                : items.prefix(limit).joined(separator: ", ") + " and \(fmt(items.count - limit)) more"
        }
        var out = "  agenda health:\n"
        let shares = h.shares.sorted { ($1.share, $0.kind.rawValue) < ($0.share, $1.kind.rawValue) }
        out += "    time: " + shares.map { "\($0.kind.rawValue) \(percentTenths($0.share))" }.joined(separator: ", ")
        out +=
            h.tooMuchTalk
            ? "; keynote + info \(percentTenths(h.talkShare)) is above 30 %: turn talks into practice\n"
            : "; keynote + info \(percentTenths(h.talkShare)) (at most 30 %)\n"
        if !h.infoSessions.isEmpty {
            out += "    info sessions better sent before the event as a recording or pre-read: \(list(h.infoSessions.map(\.rawValue)))\n"
        }
        let window = h.compCallWindow.isEmpty ? "" : "\(h.compCallWindow.first!) – \(h.compCallWindow.last!) (weekdays)"
        if let comp = h.compPlanDate, !h.compPlanClash.isEmpty {
            out += "    comp plans go out \(comp), within 7 days of the event: move them; hold the comp call \(window)\n"
        } else {
            out += "    comp call: propose \(window)\(h.compPlanDate.map { "; comp plans go out \($0)" } ?? "")\n"
        }
        if let ex = h.managerExceptions {
            out +=
                ex.isEmpty
                ? "    managers: everyone dines with their manager\n"
                : "    managers: \(fmt(ex.count)) dine apart from their manager: \(list(ex.map { "\($0.attendee) (\($0.team); manager \($0.manager) in \($0.managerTeam))" }))\n"
        }
        out += "    recognition: chairmans_club \(fmt(h.chairmansClub.count))"
        if !h.chairmansClub.isEmpty { out += " (\(list(h.chairmansClub.map(\.rawValue))))" }
        out += ", presidents_club \(fmt(h.presidentsClub.count))"
        if !h.presidentsClub.isEmpty { out += " (\(list(h.presidentsClub.map(\.rawValue))))" }
        out += "\n"
        if let rc = h.ruleCosts {
            if rc.isEmpty {
                out += "    travel rules: no traveller's cheapest trip needs a weekend or off-hours leg\n"
            } else {
                out += "    travel rules: \(fmt(rc.count)) traveller\(rc.count == 1 ? "'s" : "s'") cheapest trip needs a weekend or off-hours leg; "
                out += "keeping the rules costs \(money(h.ruleCostTotal)) \(currency) (largest: \(rc[0].attendee) from \(rc[0].home), \(money(rc[0].cost)))\n"
            }
        }
        return out
    }

    // MARK: report.html

    var html: String {
        let h = health
        var out = "<h2>Agenda health</h2>\n<table><tr><th>Kind</th><th>Share of attendee time</th><th></th></tr>\n"
        for s in h.shares.sorted(by: { ($1.share, $0.kind.rawValue) < ($0.share, $1.kind.rawValue) }) {
            out += "<tr><td>\(esc(s.kind.rawValue))</td><td class=\"n\">\(percentTenths(s.share))</td>"
            out += "<td><div class=\"bar\" style=\"width:\(Int((s.share * 300).rounded()))px\"></div></td></tr>\n"
        }
        out += "</table>\n<ul>\n"
        out +=
            h.tooMuchTalk
            ? "<li class=\"warn\">Keynote and info take \(percentTenths(h.talkShare)) of attendee time, above 30 %: turn talks into practice and team work.</li>\n"
            : "<li>Keynote and info take \(percentTenths(h.talkShare)) of attendee time (at most 30 %).</li>\n"
        if !h.infoSessions.isEmpty {
            let titles = h.infoSessions.map { id in instance.scenario.sessions.first { $0.id == id }.map { "\($0.title) (\(id))" } ?? id.rawValue }
            out += "<li class=\"warn\">Better sent before the event as a recording or pre-read: \(esc(titles.joined(separator: "; "))).</li>\n"
        }
        let window = h.compCallWindow.isEmpty ? "" : "\(h.compCallWindow.first!) – \(h.compCallWindow.last!)"
        if let comp = h.compPlanDate, !h.compPlanClash.isEmpty {
            out += "<li class=\"warn\">Compensation plans go out \(comp), within 7 days of the event: move them. Hold the compensation call \(window) (weekdays).</li>\n"
        } else {
            out += "<li>Compensation call: \(window) (weekdays)\(h.compPlanDate.map { "; plans go out \($0)" } ?? "").</li>\n"
        }
        if let ex = h.managerExceptions {
            if ex.isEmpty {
                out += "<li>Everyone with a manager dines at the manager's team dinner.</li>\n"
            } else {
                let who = ex.map { "\(name($0.attendee)) (\($0.team); manager \(name($0.manager)), \($0.managerTeam))" }
                out += "<li class=\"warn\">Dining apart from their manager: \(esc(who.joined(separator: "; "))).</li>\n"
            }
        }
        out += "<li>Chairman's club (≥ 125 %): \(esc(h.chairmansClub.isEmpty ? "nobody" : h.chairmansClub.map(name).joined(separator: ", "))).</li>\n"
        out += "<li>President's club (≥ 100 %): \(esc(h.presidentsClub.isEmpty ? "nobody" : h.presidentsClub.map(name).joined(separator: ", "))).</li>\n"
        out += "</ul>\n"
        if let rc = h.ruleCosts, !rc.isEmpty {
            out += "<h3>What the weekday and business-hours rules cost: \(money(h.ruleCostTotal)) \(esc(currency))</h3>\n"
            out += "<table><tr><th>Traveller</th><th>Home</th><th>Cheapest allowed trip</th><th>Cheapest without the rules</th><th>Excluded legs</th></tr>\n"
            for r in rc.prefix(50) {
                let legs = r.excludedLegs.map { "\($0.id): \($0.why)" }.joined(separator: "; ")
                out += "<tr><td>\(esc(name(r.attendee)))</td><td>\(esc(r.home))</td><td class=\"n\">\(money(r.allowed))</td>"
                out += "<td class=\"n\">\(money(r.withoutRules))</td><td>\(esc(legs))</td></tr>\n"
            }
            if rc.count > 50 { out += "<tr><td colspan=\"5\" class=\"muted\">and \(fmt(rc.count - 50)) more (summary.json lists all)</td></tr>\n" }
            out += "</table>\n"
        }
        return out
    }
}
