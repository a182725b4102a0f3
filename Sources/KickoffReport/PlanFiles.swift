import Airports
import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// The plan folder of `docs/FORMATS.md` ("The plan folder"): every file's bytes, ready to be written atomically.
///
/// With a plan: schedule.csv, itineraries.csv, dinners.csv, summary.json, itineraries/ID.ics and
/// report.html, followups.csv when there are follow-ups, transfers.csv with a shuttle, plus changes.csv and notices.csv in a
/// re-plan. Without one: summary.json alone, carrying the status and the reasons.
package struct PlanFiles {
    package let instance: PlanningInstance
    package let outcome: PlanOutcome
    /// DTSTAMP and summary.json's `generated_at`, minutes since the epoch (UTC).
    package let now: Int
    /// The published plan a re-plan started from (its calendars are updated, not replaced).
    package let baseline: Baseline?
    package let calendar: CalendarSettings
    /// Each attendee's home zone (the bundled airport table, else a leg's offset, else the venue).
    package let zones: [HomeZone]
    package let followUps: [FollowUpPlacement]
    /// With a plan: every calendar, with SEQUENCE and cancellations against the baseline.
    package let book: CalendarBook?
    /// With a plan at a venue transfers.csv names: the shuttle runs.
    package let transfers: TransferPlan?

    package init(
        _ instance: PlanningInstance, _ outcome: PlanOutcome, now: Int, baseline: Baseline? = nil,
        calendar: CalendarSettings = CalendarSettings()
    ) {
        self.instance = instance
        self.outcome = outcome
        self.now = now
        self.baseline = baseline
        self.calendar = calendar
        let zones = HomeZone.of(instance.scenario, venue: instance.venue) { Airport.byCode[$0]?.timezone }
        self.zones = zones
        let followUps = outcome.plan == nil ? [] : FollowUpPlanner.place(instance.scenario, venue: instance.venue, zones: zones)
        self.followUps = followUps
        transfers = outcome.plan.flatMap { TransferPlanner.plan(instance, $0) }
        book = outcome.plan.map { CalendarBook(instance, plan: $0, followUps: followUps, zones: zones, baseline: baseline, settings: calendar, stamp: now) }
    }

    package var files: [(path: String, contents: Data)] {
        var out: [(String, Data)] = [("summary.json", Data(summary.rendered().utf8))]
        guard let plan = outcome.plan else {
            if let partial = outcome.partial, !partial.unplaced.isEmpty { out.append(("unplaced.csv", Data(unplaced(partial).utf8))) }
            return out
        }
        out.append(("schedule.csv", Data(schedule(plan).utf8)))
        out.append(("itineraries.csv", Data(itineraries(plan).utf8)))
        out.append(("dinners.csv", Data(dinners(plan).utf8)))
        if let changes = outcome.changes { out.append(("changes.csv", Data(ChangesReport(changes, penalty: outcome.penalty).csv.utf8))) }
        if !instance.scenario.effectiveFollowUps.isEmpty { out.append(("followups.csv", Data(followUpsCSV.utf8))) }
        if let transfers { out.append(("transfers.csv", Data(TransfersReport(transfers, instance).csv.utf8))) }
        if let notices = book?.notices { out.append(("notices.csv", Data(Self.notices(notices).utf8))) }
        for (name, cal) in book?.files ?? [] { out.append(("itineraries/\(name).ics", Data(cal.utf8))) }
        out.append(("report.html", Data(HTMLReport(instance, outcome, plan: plan, followUps: followUps, transfers: transfers).html.utf8)))
        return out
    }

    var sc: Scenario { instance.scenario }
    var agenda: Agenda { instance.agenda }

    // MARK: schedule.csv

    /// Sessions in time order (day, start, room), then by id.
    func placedOrder(_ plan: Plan) -> [Int] {
        agenda.sessions.indices.sorted {
            let a = plan.placements[$0], b = plan.placements[$1]
            return (instance.slotStart[a.slot], a.room, agenda.sessions[$0].id) < (instance.slotStart[b.slot], b.room, agenda.sessions[$1].id)
        }
    }

    package func schedule(_ plan: Plan) -> String {
        var w = CSVWriter(header: PlanFolderFormat.schedule)
        for k in placedOrder(plan) {
            let p = plan.placements[k], s = instance.session(k), slot = agenda.slots[p.slot]
            let last = agenda.run(from: p.slot, length: s.slots)!.last!
            let room = instance.rooms[p.room]
            w.row([
                agenda.sessions[k].id, s.title, s.kind.rawValue, String(slot.day), sc.event.date(ofDay: slot.day).description,
                slot.start.description, agenda.slots[last].end.description, room.id.rawValue, room.name,
                String(agenda.sessions[k].audience.count)
            ])
        }
        return w.text
    }

    // MARK: unplaced.csv

    /// Without a complete plan: the sessions the best partial agenda leaves out, largest audience
    /// first, each with the start and room it was tried at and what blocks it there.
    package func unplaced(_ partial: AgendaSearch.Result) -> String {
        var w = CSVWriter(header: PlanFolderFormat.unplaced)
        for u in partial.unplaced.sorted(by: { ($0.audience, agenda.sessions[$1.session].id) > ($1.audience, agenda.sessions[$0.session].id) }) {
            let k = u.session, s = instance.session(k), p = partial.placements[k], slot = agenda.slots[p.slot]
            w.row([
                agenda.sessions[k].id, s.title, s.kind.rawValue, String(u.audience), String(slot.day), slot.start.description,
                instance.rooms[p.room].id.rawValue, u.blockedBy.joined(separator: "; ")
            ])
        }
        return w.text
    }

    // MARK: itineraries.csv

    package func itineraries(_ plan: Plan) -> String {
        var w = CSVWriter(header: PlanFolderFormat.itineraries)
        for (a, person) in sc.attendees.enumerated() {
            let trip = plan.trips[a]
            let legs = sc.travel
            let dinner = plan.dinners[person.team]
            let sessions = instance.sessionsInTimeOrder(of: a, in: plan).map { agenda.sessions[$0].id }
            w.row([
                person.id.rawValue, person.name, person.team,
                trip.map { legs[$0.inbound].id.rawValue } ?? "local",
                trip.map { legs[$0.inbound].arrive.description } ?? "",
                trip.map { legs[$0.outbound].id.rawValue } ?? "local",
                trip.map { legs[$0.outbound].depart.description } ?? "",
                String(trip.map(instance.hotelNights) ?? 0),
                dinner.map { instance.restaurants[$0.restaurant].id.rawValue } ?? "",
                dinner.map { sc.event.date(ofDay: $0.evening).description } ?? "",
                sessions.joined(separator: ";"), CarbonReport.column(CarbonReport.kg(trip, instance))
            ])
        }
        return w.text
    }

    // MARK: dinners.csv

    package func dinners(_ plan: Plan) -> String {
        var w = CSVWriter(header: PlanFolderFormat.dinners)
        for team in agenda.teams {
            guard let d = plan.dinners[team] else { continue }
            w.row([
                team, sc.event.date(ofDay: d.evening).description, instance.restaurants[d.restaurant].id.rawValue,
                String(instance.members(of: team).count)
            ])
        }
        return w.text
    }

    // MARK: followups.csv and notices.csv

    /// `id,title,date,start_utc,attendees,outside_hours`: each follow-up's venue-local date, its
    /// start in UTC, its audience and how many of them it finds outside their working day.
    package var followUpsCSV: String {
        var w = CSVWriter(header: PlanFolderFormat.followUps)
        for f in followUps {
            w.row([
                f.followUp, f.definition.title, f.date.description, Self.utcStamp(f.start), String(f.audience.count),
                String(f.outsideHours.count)
            ])
        }
        return w.text
    }

    /// `2027-01-22T14:00Z`.
    static func utcStamp(_ instant: Int) -> String {
        let t = Timestamp(instant: instant, offsetMinutes: 0)
        return "\(t.date)T\(t.time)Z"
    }

    /// `attendee,name,email,what`, ready for a mail merge: one row per attendee whose calendar changed.
    package static func notices(_ notices: [CalendarBook.Notice]) -> String {
        var w = CSVWriter(header: PlanFolderFormat.notices)
        for n in notices { w.row([n.attendee, n.name, n.email, n.what.joined(separator: " ")]) }
        return w.text
    }

    /// The file-safe form of an id used for file and folder names (`Baseline.fileSafe`).
    package static func fileSafe(_ id: String) -> String { Baseline.fileSafe(id) }

    // MARK: summary.json

    package var summary: PlanSummary {
        let costs = outcome.plan != nil ? outcome.check?.costs : nil
        let travellers = instance.isLocal.filter { !$0 }.count
        let planCounts = outcome.plan.map { plan in
            PlanSummary.Counts.PlanCounts(
                roomsUsed: Set(plan.placements.map(\.room)).count, legsBooked: plan.trips.compactMap { $0 }.count * 2,
                hotelNights: costs?.hotelNights ?? 0, teamDinners: plan.dinners.count)
        }
        let s = outcome.stats
        func cents(_ v: Double?) -> Double? { v.map { ($0 * 100).rounded() / 100 } }
        var summary = PlanSummary(
            status: outcome.termination.statusWord,
            venue: instance.venue.id.rawValue,
            venueName: instance.venue.name,
            event: sc.event.name,
            startDate: sc.event.startDate.description,
            currency: sc.event.currency,
            objective: cents(costs?.total),
            costs: costs.map { c in
                PlanSummary.Costs(
                    travel: cents(c.travel)!, hotel: cents(c.hotel)!, timeAway: cents(c.timeAway)!, dinners: cents(c.dinners)!,
                    venue: cents(c.venue)!, carbon: instance.carbon.isPriced ? cents(c.carbon) : nil)
            },
            bound: cents(outcome.plan != nil ? outcome.bound : nil),
            gap: outcome.plan != nil ? outcome.gap.map { ($0 * 1e6).rounded() / 1e6 } : nil,
            solveSeconds: (outcome.solveSeconds * 1000).rounded() / 1000,
            counts: PlanSummary.Counts(
                attendees: sc.attendees.count, travellers: travellers, locals: sc.attendees.count - travellers,
                teams: agenda.teams.count, sessions: agenda.sessions.count, rooms: instance.rooms.count, plan: planCounts),
            model: PlanSummary.ModelSize(
                variables: s.variables, integerVariables: s.integers, constraints: s.constraints,
                nonzeros: s.nonzeros, travelGroups: s.travelGroups),
            reasons: outcome.reasons.map { $0.sentence(in: instance) },
            agendaHealth: outcome.health.map { HealthReport($0, instance).json },
            generatedAt: Timestamp(instant: now, offsetMinutes: 0).description)
        if let changes = outcome.changes { summary.changes = ChangesReport(changes, penalty: outcome.penalty).json }
        if outcome.plan != nil, !followUps.isEmpty {
            summary.followUps = .array(
                followUps.map { f in
                    .object([
                        ("id", .string(f.followUp)), ("title", .string(f.definition.title)),
                        ("kind", .string(f.definition.kind)), ("date", .string(f.date.description)),
                        ("start_utc", .string(Self.utcStamp(f.start))), ("minutes", .int(f.end - f.start)),
                        ("attendees", .int(f.audience.count)), ("outside_hours", .int(f.outsideHours.count))
                    ])
                })
        }
        if let costs { summary.carbon = CarbonReport(instance: instance, costs: costs).json }
        if let transfers { summary.ground = TransfersReport(transfers, instance).json }
        if let book {
            summary.calendars = PlanSummary.Calendars(
                uidDomain: book.domain,
                changes: book.notices.map { notices in
                    PlanSummary.Calendars.Changes(
                        eventsUpdated: book.updatedEvents, eventsCancelled: book.cancelledEvents,
                        calendarsCancelled: book.cancelledCalendars, attendeesNotified: notices.count)
                })
        }
        if outcome.plan == nil, let partial = outcome.partial {
            summary.unplaced = PlanSummary.Unplaced(sessions: partial.unplaced.count, attendeesAffected: partial.affectedAttendees)
        }
        return summary
    }
}
