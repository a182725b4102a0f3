/// Semantic checks over a whole scenario: duplicate ids, unknown references in every reference
/// column, agenda days on weekends, sessions longer than a day, precedence cycles, and the
/// warnings a coordinator should see. Syntax (numbers, dates, required values) is the reader's job.
extension Scenario {
    /// Every semantic finding, in file and line order.
    public func validate() -> [Diagnostic] {
        var out: [Diagnostic] = []
        validateEvent(&out)
        let attendeeLines = validateAttendees(&out)
        let venueLines = unique(venues.map { ($0.id.rawValue, $0.source) }, "venues.csv", "venue", &out)
        for v in venues where VenueClock(identifier: v.timezone) == nil {
            out.append(at(.unknownReference, v.source, "timezone", "unknown IANA time zone \(Diagnostic.quoted(v.timezone)) (expected a name like America/Chicago)"))
        }
        for r in rooms where venueLines[r.venue.rawValue] == nil {
            out.append(at(.unknownReference, r.source, "venue", "unknown venue id \(Diagnostic.quoted(r.venue.rawValue))"))
        }
        _ = unique(
            rooms.map { ("\(Diagnostic.quoted($0.id.rawValue)) at venue \(Diagnostic.quoted($0.venue.rawValue))", $0.source) },
            "rooms.csv", "room", &out, quote: false)
        let slotList = effectiveSlots
        let slotIDs = validateSlots(&out, effective: slotList)
        validateSessions(&out, attendees: attendeeLines, slotIDs: slotIDs, slotList: slotList)
        if let restaurants {
            for r in restaurants {
                if venueLines[r.venue.rawValue] == nil {
                    out.append(at(.unknownReference, r.source, "venue", "unknown venue id \(Diagnostic.quoted(r.venue.rawValue))"))
                }
                for e in r.evenings ?? [] where !(1...event.days).contains(e) {
                    out.append(at(.inconsistent, r.source, "evenings", "evening \(e) is outside the event (agenda days 1–\(event.days))"))
                }
            }
            _ = unique(
                restaurants.map { ("\(Diagnostic.quoted($0.id.rawValue)) at venue \(Diagnostic.quoted($0.venue.rawValue))", $0.source) },
                "dinners.csv", "restaurant", &out, quote: false)
        }
        _ = unique(travel.map { ($0.id.rawValue, $0.source) }, "travel.csv", "travel", &out)
        for leg in travel {
            if leg.origin == leg.destination {
                out.append(at(.inconsistent, leg.source, "destination", "leg goes from \(leg.origin) to itself"))
            }
            if leg.arrive.instant <= leg.depart.instant {
                out.append(at(.inconsistent, leg.source, "arrive", "arrives at \(leg.arrive), not after it departs (\(leg.depart))"))
            }
        }
        validateEnrollments(&out, attendees: attendeeLines)
        validateFollowUps(&out)
        for t in transfers where venueLines[t.venue.rawValue] == nil {
            out.append(at(.unknownReference, t.source, "venue", "unknown venue id \(Diagnostic.quoted(t.venue.rawValue))"))
        }
        var shuttleLine: [VenueID: Int] = [:]
        for t in transfers {
            if let line = shuttleLine[t.venue] {
                out.append(at(.duplicate, t.source, "venue", "a second shuttle for venue \(Diagnostic.quoted(t.venue.rawValue)) (first on line \(line)); give one row per venue"))
            } else {
                shuttleLine[t.venue] = t.source.line
            }
        }
        for t in transfers where t.minutes > event.arrivalBufferMinutes || t.minutes > event.departureBufferMinutes {
            out.append(
                at(
                    .advice, t.source, "minutes", .warning,
                    "the shuttle takes \(t.minutes) min, longer than the arrival or departure buffer "
                        + "(\(event.arrivalBufferMinutes), \(event.departureBufferMinutes) min in event.csv): some travellers may find no run in time; raise the buffers"))
        }
        return out.sorted()
    }

    private func validateEvent(_ out: inout [Diagnostic]) {
        for k in 1...max(event.days, 1) {
            let d = event.date(ofDay: k)
            if d.weekday.isWeekend {
                out.append(at(.inconsistent, event.source, k == 1 ? "start_date" : "days", "agenda day \(k) is \(d) (a \(d.weekday.shortName)); every agenda day must be Mon–Fri"))
                break
            }
        }
        if event.dayEnd <= event.dayStart {
            out.append(at(.inconsistent, event.source, "day_end", "day_end \(event.dayEnd) is not after day_start \(event.dayStart)"))
        }
        if event.travelLatest < event.travelEarliest {
            out.append(at(.inconsistent, event.source, "travel_latest", "travel_latest \(event.travelLatest) is before travel_earliest \(event.travelEarliest)"))
        }
        if let comp = event.compPlanDate {
            let near = event.agendaDates.contains { abs($0.dayNumber - comp.dayNumber) <= 7 }
            if near {
                out.append(
                    at(
                        .advice, event.source, "comp_plan_date", .warning,
                        "compensation plans go out on \(comp), within 7 days of the agenda (\(event.startDate) to \(event.lastDate)); move them at least 8 days away"))
            }
        }
    }

    /// Checks attendee ids and manager references; returns id → line.
    private func validateAttendees(_ out: inout [Diagnostic]) -> [String: Int] {
        let lines = unique(attendees.map { ($0.id.rawValue, $0.source) }, "attendees.csv", "attendee", &out)
        for a in attendees {
            guard let m = a.managerID else { continue }
            if lines[m.rawValue] == nil {
                out.append(at(.unknownReference, a.source, "manager_id", "unknown attendee id \(Diagnostic.quoted(m.rawValue))"))
            } else if m == a.id {
                out.append(at(.advice, a.source, "manager_id", .warning, "\(Diagnostic.quoted(a.id.rawValue)) is listed as their own manager"))
            }
        }
        return lines
    }

    /// Checks slots.csv; returns the ids of the effective slots.
    private func validateSlots(_ out: inout [Diagnostic], effective: [Slot]) -> Set<String> {
        guard let slots else { return Set(effective.map(\.id.rawValue)) }
        _ = unique(slots.map { ($0.id.rawValue, $0.source!) }, "slots.csv", "slot", &out)
        for s in slots {
            if !(1...event.days).contains(s.day) {
                out.append(at(.inconsistent, s.source!, "day", "day \(s.day) is outside the event (agenda days 1–\(event.days))"))
            }
            if s.end <= s.start {
                out.append(at(.inconsistent, s.source!, "end", "slot ends at \(s.end), not after it starts (\(s.start))"))
            }
        }
        return Set(slots.map(\.id.rawValue))
    }

    private func validateSessions(
        _ out: inout [Diagnostic], attendees: [String: Int], slotIDs: Set<String>,
        slotList: [Slot]
    ) {
        let lines = unique(sessions.map { ($0.id.rawValue, $0.source) }, "sessions.csv", "session", &out)
        let teams = Set(self.attendees.map(\.team))
        let slotDay = Dictionary(slotList.map { ($0.id.rawValue, $0.day) }, uniquingKeysWith: { a, _ in a })
        let longest = Agenda(slotsOnly: slotList).longestRun
        for s in sessions {
            if case .terms(let terms) = s.audience {
                for t in terms {
                    if t.field == .team, !teams.contains(t.value) {
                        out.append(at(.unknownReference, s.source, "audience", "unknown team \(Diagnostic.quoted(t.value))"))
                    } else if t.field == .id, attendees[t.value] == nil {
                        out.append(at(.unknownReference, s.source, "audience", "unknown attendee id \(Diagnostic.quoted(t.value))"))
                    }
                }
            }
            for p in s.after where lines[p.rawValue] == nil {
                out.append(at(.unknownReference, s.source, "after", "unknown session id \(Diagnostic.quoted(p.rawValue))"))
            }
            for p in s.presenters where attendees[p.rawValue] == nil {
                out.append(at(.unknownReference, s.source, "presenters", "unknown attendee id \(Diagnostic.quoted(p.rawValue))"))
            }
            if let d = s.day, !(1...event.days).contains(d) {
                out.append(at(.inconsistent, s.source, "day", "day \(d) is outside the event (agenda days 1–\(event.days))"))
            }
            if let f = s.fixedSlot {
                if !slotIDs.contains(f.rawValue) {
                    out.append(at(.unknownReference, s.source, "fixed_slot", "unknown slot id \(Diagnostic.quoted(f.rawValue))"))
                } else if let d = s.day, let fd = slotDay[f.rawValue], fd != d {
                    out.append(at(.inconsistent, s.source, "fixed_slot", "slot \(f) is on day \(fd), but the session is fixed to day \(d)"))
                }
            }
            for a in s.allowedSlots where !slotIDs.contains(a.rawValue) {
                out.append(at(.unknownReference, s.source, "allowed_slots", "unknown slot id \(Diagnostic.quoted(a.rawValue))"))
            }
            if s.slots > longest {
                out.append(at(.inconsistent, s.source, "slots", "the session spans \(s.slots) slots, longer than a day (the longest day has \(longest) consecutive slots)"))
            }
        }
        if let cycle = precedenceCycle(known: lines) {
            let first = sessions.first { $0.id.rawValue == cycle[0] }!
            out.append(at(.inconsistent, first.source, "after", "precedence cycle: \(cycle.joined(separator: " → ")) → \(cycle[0])"))
        }
    }

    private func validateEnrollments(_ out: inout [Diagnostic], attendees: [String: Int]) {
        let ids = Set(sessions.map(\.id.rawValue))
        for e in enrollments {
            if attendees[e.attendee.rawValue] == nil {
                out.append(at(.unknownReference, e.source, "attendee", "unknown attendee id \(Diagnostic.quoted(e.attendee.rawValue))"))
            }
            let sid = e.session.rawValue
            if !ids.contains(sid) {
                if let at = sid.firstIndex(of: "@"), ids.contains(String(sid[..<at])) {
                    out.append(self.at(.unknownReference, e.source, "session", "\(Diagnostic.quoted(sid)) is a per-team copy; enroll in the session's own id \(Diagnostic.quoted(String(sid[..<at])))"))
                } else {
                    out.append(at(.unknownReference, e.source, "session", "unknown session id \(Diagnostic.quoted(sid))"))
                }
            }
        }
    }

    private func validateFollowUps(_ out: inout [Diagnostic]) {
        _ = unique(followUps.map { ($0.id, $0.source) }, "followups.csv", "follow-up", &out)
        let day = event.dayEnd.minutes - event.dayStart.minutes
        for f in followUps {
            if f.latestDaysAfter < f.earliestDaysAfter {
                out.append(at(.inconsistent, f.source, "latest_days_after", "the window ends \(f.latestDaysAfter) days after the event, before it starts (\(f.earliestDaysAfter))"))
            } else if f.windowDates(after: event.lastDate).isEmpty {
                let first = event.lastDate.adding(days: f.earliestDaysAfter), last = event.lastDate.adding(days: f.latestDaysAfter)
                out.append(at(.inconsistent, f.source, "latest_days_after", "the window \(first) to \(last) holds no weekday; widen it"))
            }
            if day > 0, f.minutes > day {
                out.append(at(.inconsistent, f.source, "minutes", "\(f.minutes) minutes do not fit the working day day_start–day_end (\(event.dayStart)–\(event.dayEnd), \(day) minutes)"))
            }
            if !attendees.contains(where: f.audience.matches) {
                out.append(at(.advice, f.source, "audience", .warning, "the rule \(Diagnostic.quoted(f.audience.description)) matches no attendee; the follow-up is left out"))
            }
        }
    }

    /// The first precedence cycle among sessions (ids in order), if any.
    func precedenceCycle(known: [String: Int]) -> [String]? {
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var stack: [String] = []
        let after = Dictionary(sessions.map { ($0.id.rawValue, $0.after.map(\.rawValue)) }, uniquingKeysWith: { a, _ in a })
        func visit(_ id: String) -> [String]? {
            state[id] = 1
            stack.append(id)
            for p in after[id] ?? [] where known[p] != nil {
                if state[p] == 1 { return Array(stack[stack.firstIndex(of: p)!...]) }
                if state[p] == nil, let c = visit(p) { return c }
            }
            stack.removeLast()
            state[id] = 2
            return nil
        }
        for s in sessions where state[s.id.rawValue] == nil {
            if let c = visit(s.id.rawValue) { return c.reversed() }
        }
        return nil
    }

    /// Reports duplicates among `(key, source)` pairs; returns key → first line.
    private func unique(
        _ items: [(String, SourceLine)], _ file: String, _ noun: String,
        _ out: inout [Diagnostic], quote: Bool = true
    ) -> [String: Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(items.count)
        for (key, source) in items {
            if let line = first[key] {
                out.append(at(.duplicate, source, "id", "duplicate \(noun) id \(quote ? Diagnostic.quoted(key) : key) (first on line \(line))"))
            } else {
                first[key] = source.line
            }
        }
        return first
    }
}

extension Agenda {
    /// Slot-only view used by validation before sessions can be expanded.
    init(slotsOnly slots: [Slot]) {
        self.slots = slots
        self.slotsAreCut = false
        self.sessions = []
        self.precedence = []
        self.teams = []
        self.members = [:]
        self.nextSlot = Agenda.consecutive(slots)
    }
}
