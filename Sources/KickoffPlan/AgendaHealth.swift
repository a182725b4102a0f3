import KickoffCore

/// The agenda-health section of `solve` and `compare` (issue 4): how an SKO's time is spent and
/// the practices it is built on, computed from the scenario and, where there is one, the plan.
///
/// - Time shares are attendee-minutes per session kind: a 60-minute keynote for 200 people weighs
///   12,000. Keynote + info above 30 % is flagged: the event is for practice, not monologues.
/// - `info` sessions are listed as better delivered before the event (a recording or a pre-read).
/// - A comp_plan_date within 7 days of an agenda day is flagged; the compensation call is proposed
///   8–14 days after the last agenda day, on weekdays.
/// - Every attendee with a manager should sit at the manager's team dinner; exceptions are listed
///   (except people who manage others: they host their own team's dinner).
/// - Recognition lists from last year's attainment.
/// - What the weekday and business-hours rules cost: per traveller, the cheapest trip (legs, hotel
///   nights, hours away) that arrives and leaves in time for their commitments, with and without
///   the rules. Seat limits and the hotel block are left aside; the agenda is held fixed.
package struct AgendaHealth: Sendable, Equatable {
    /// Keynote + info above this share of attendee time is flagged.
    package static let talkLimit = 0.30

    package struct KindShare: Sendable, Equatable {
        package let kind: SessionKind
        package let attendeeMinutes: Int
        package let share: Double

        package init(kind: SessionKind, attendeeMinutes: Int, share: Double) {
            self.kind = kind; self.attendeeMinutes = attendeeMinutes; self.share = share
        }
    }

    package struct Exception: Sendable, Equatable {
        package let attendee: AttendeeID
        package let team: String
        package let manager: AttendeeID
        package let managerTeam: String

        package init(attendee: AttendeeID, team: String, manager: AttendeeID, managerTeam: String) {
            self.attendee = attendee; self.team = team; self.manager = manager; self.managerTeam = managerTeam
        }
    }

    package struct RuleCost: Sendable, Equatable {
        package let attendee: AttendeeID
        package let home: String
        /// The cheapest trip the rules allow, and the cheapest without them.
        package let allowed: Double
        package let withoutRules: Double
        /// The excluded legs of the cheaper trip, each with why it was excluded.
        package let excludedLegs: [(id: LegID, why: String)]
        package var cost: Double { allowed - withoutRules }

        package init(attendee: AttendeeID, home: String, allowed: Double, withoutRules: Double, excludedLegs: [(id: LegID, why: String)]) {
            self.attendee = attendee; self.home = home; self.allowed = allowed; self.withoutRules = withoutRules
            self.excludedLegs = excludedLegs
        }

        package static func == (a: RuleCost, b: RuleCost) -> Bool {
            a.attendee == b.attendee && a.allowed == b.allowed && a.withoutRules == b.withoutRules
                && a.excludedLegs.map(\.id) == b.excludedLegs.map(\.id)
        }
    }

    package let shares: [KindShare]
    package let infoSessions: [SessionID]
    package let compPlanDate: CivilDate?
    /// Agenda days within 7 days of comp_plan_date (empty: not flagged).
    package let compPlanClash: [CivilDate]
    package let compCallWindow: [CivilDate]
    /// nil when there are no team dinners (no dinners.csv).
    package let managerExceptions: [Exception]?
    package let chairmansClub: [AttendeeID]
    package let presidentsClub: [AttendeeID]
    /// Travellers whose cheapest trip the rules excluded, most expensive first (nil without a plan).
    package let ruleCosts: [RuleCost]?

    package var talkShare: Double { shares.filter { $0.kind == .keynote || $0.kind == .info }.reduce(0) { $0 + $1.share } }
    package var tooMuchTalk: Bool { talkShare > AgendaHealth.talkLimit }
    package var ruleCostTotal: Double { (ruleCosts ?? []).reduce(0) { $0 + $1.cost } }

    /// The findings as given (read back from a summary.json, say).
    package init(
        shares: [KindShare], infoSessions: [SessionID], compPlanDate: CivilDate?, compPlanClash: [CivilDate],
        compCallWindow: [CivilDate], managerExceptions: [Exception]?, chairmansClub: [AttendeeID],
        presidentsClub: [AttendeeID], ruleCosts: [RuleCost]?
    ) {
        self.shares = shares; self.infoSessions = infoSessions; self.compPlanDate = compPlanDate
        self.compPlanClash = compPlanClash; self.compCallWindow = compCallWindow; self.managerExceptions = managerExceptions
        self.chairmansClub = chairmansClub; self.presidentsClub = presidentsClub; self.ruleCosts = ruleCosts
    }

    package init(_ instance: PlanningInstance, plan: Plan?) {
        let sc = instance.scenario, agenda = instance.agenda, event = sc.event

        // Attendee-minutes by kind: the placed run's length, or without a plan the earliest run's.
        var minutes: [SessionKind: Int] = [:]
        for k in agenda.sessions.indices {
            let start = plan?.placements[k].slot ?? agenda.startSlots(of: k, in: sc).first
            guard let start, let iv = instance.interval(of: k, startingAt: start) else { continue }
            minutes[instance.session(k).kind, default: 0] += (iv.end - iv.start) * agenda.sessions[k].audience.count
        }
        let total = max(1, minutes.values.reduce(0, +))
        shares = SessionKind.allCases.compactMap { kind in
            minutes[kind].map { KindShare(kind: kind, attendeeMinutes: $0, share: Double($0) / Double(total)) }
        }
        infoSessions = sc.sessions.filter { $0.kind == .info }.map(\.id)

        // Compensation plans and the call that explains them.
        let days = (1...max(1, event.days)).map { event.date(ofDay: $0) }
        compPlanDate = event.compPlanDate
        compPlanClash = event.compPlanDate.map { comp in days.filter { abs($0.dayNumber - comp.dayNumber) <= 7 } } ?? []
        let last = days.last!
        compCallWindow = (8...14).map { last.adding(days: $0) }.filter { !$0.weekday.isWeekend }

        // Managers at their people's team dinner: dinners are per team, so the teams must match.
        // People who manage others host their own team's dinner and are not listed.
        let index = sc.attendeeIndex
        if instance.hasDinners {
            let managers = Set(sc.attendees.compactMap(\.managerID))
            managerExceptions = sc.attendees.compactMap { person in
                guard !managers.contains(person.id), let m = person.managerID, let mi = index[m], m != person.id,
                    sc.attendees[mi].team != person.team
                else { return nil }
                return Exception(attendee: person.id, team: person.team, manager: m, managerTeam: sc.attendees[mi].team)
            }
        } else {
            managerExceptions = nil
        }
        chairmansClub = sc.attendees.filter { $0.tier == .chairmansClub }.map(\.id)
        presidentsClub = sc.attendees.filter { $0.tier == .presidentsClub }.map(\.id)
        ruleCosts = plan.map { AgendaHealth.ruleCosts(instance, $0) }
    }

    /// Per traveller: the cheapest trip with and without the weekday/business-hours/event-week rules.
    static func ruleCosts(_ instance: PlanningInstance, _ plan: Plan) -> [RuleCost] {
        let sc = instance.scenario, event = sc.event, legs = sc.travel
        let rate = instance.venue.hotelRate, perHour = event.timeAwayCostPerHour
        // Legs a traveller could take but for the rules; `why` empty means usable.
        let ruleOnly: (LegRejection) -> Bool = {
            switch $0 {
            case .weekend, .outsideBusinessHours, .outsideEventWeek: return true
            default: return false
            }
        }
        var inbound: [String: [(leg: Int, why: [LegRejection])]] = [:], outbound = inbound
        for c in instance.travel.legs where c.rejections.allSatisfy(ruleOnly) {
            let leg = legs[c.leg]
            switch c.direction {
            case .inbound?: inbound[leg.origin, default: []].append((c.leg, c.rejections))
            case .outbound?: outbound[leg.destination, default: []].append((c.leg, c.rejections))
            case nil: break
            }
        }
        func tripCost(_ i: Int, _ o: Int) -> Double {
            let a = legs[i], b = legs[o]
            let nights = max(0, instance.venueDate(b.depart.instant).dayNumber - instance.venueDate(a.arrive.instant).dayNumber)
            return a.price + b.price + instance.carbon.cost(i) + instance.carbon.cost(o) + rate * Double(nights) + perHour * Double(b.arrive.instant - a.depart.instant) / 60
        }
        struct Key: Hashable { let home: String; let first: Int; let last: Int }
        var memo: [Key: RuleCost?] = [:]
        var out: [RuleCost] = []
        for (a, person) in sc.attendees.enumerated() where !instance.isLocal[a] {
            let c = instance.commitments(of: a, in: plan)
            guard let first = c.map(\.start).min(), let last = c.map(\.end).max() else { continue }
            let key = Key(home: person.home, first: first, last: last)
            let found: RuleCost?
            if let m = memo[key] {
                found = m
            } else {
                let ins = (inbound[person.home] ?? []).filter { legs[$0.leg].arrive.instant + event.arrivalBufferMinutes <= first }
                let outs = (outbound[person.home] ?? []).filter { legs[$0.leg].depart.instant - event.departureBufferMinutes >= last }
                var best: (cost: Double, i: Int, o: Int)?, bestAllowed: Double?
                for (x, i) in ins.enumerated() {
                    for (y, o) in outs.enumerated() where legs[o.leg].depart.instant >= legs[i.leg].arrive.instant {
                        let cost = tripCost(i.leg, o.leg)
                        if best == nil || cost < best!.cost { best = (cost, x, y) }
                        if i.why.isEmpty, o.why.isEmpty, bestAllowed == nil || cost < bestAllowed! { bestAllowed = cost }
                    }
                }
                if let best, let bestAllowed, best.cost < bestAllowed - 0.005 {
                    let excluded = [ins[best.i], outs[best.o]].filter { !$0.why.isEmpty }.map { leg in
                        (id: legs[leg.leg].id, why: leg.why.map(\.description).joined(separator: "; "))
                    }
                    found = RuleCost(
                        attendee: person.id, home: person.home, allowed: bestAllowed, withoutRules: best.cost,
                        excludedLegs: excluded)
                } else {
                    found = nil
                }
                memo[key] = found
            }
            if let f = found {
                out.append(
                    RuleCost(
                        attendee: person.id, home: f.home, allowed: f.allowed, withoutRules: f.withoutRules,
                        excludedLegs: f.excludedLegs))
            }
        }
        return out.sorted { ($1.cost, $0.attendee.rawValue) < ($0.cost, $1.attendee.rawValue) }
    }
}
