/// Derived facts about the agenda: the slots, the sessions after `per_team` expansion with their
/// audiences, and the precedence pairs between expanded sessions.
///
/// Build it only from a scenario that `validate()` accepted: it assumes every reference resolves.

/// A session as the planner places it: the scenario's session, or one team's copy of it (`ID@TEAM`).
public struct PlannedSession: Sendable, Hashable {
    /// Expanded id: the session id, or `ID@TEAM` for a `per_team` copy.
    public let id: String
    /// Index into `Scenario.sessions`.
    public let sessionIndex: Int
    /// The team of a `per_team` copy; nil for a session that runs once.
    public let team: String?
    /// Attendee indices (into `Scenario.attendees`), ascending.
    public let audience: [Int]
}

/// "`before` ends no later than `after` starts", between expanded sessions.
public struct Precedence: Sendable, Hashable {
    public let before: Int
    public let after: Int
}

public struct Agenda: Sendable {
    public let slots: [Slot]
    /// True when the slots were cut from event.csv because slots.csv is absent.
    public let slotsAreCut: Bool
    public let sessions: [PlannedSession]
    public let precedence: [Precedence]
    /// Team names, sorted.
    public let teams: [String]
    /// Attendee indices of each team, ascending.
    public let members: [String: [Int]]
    /// `nextSlot[i]` is the slot consecutive to slot `i` (starting at its end, same day).
    public let nextSlot: [Int?]

    public init(_ scenario: Scenario) {
        let slots = scenario.slots ?? Agenda.cutSlots(scenario.event)
        self.slots = slots
        self.slotsAreCut = scenario.slots == nil
        self.nextSlot = Agenda.consecutive(slots)

        var members: [String: [Int]] = [:]
        for (i, a) in scenario.attendees.enumerated() { members[a.team, default: []].append(i) }
        self.members = members
        self.teams = members.keys.sorted()

        let attendeeIndex = scenario.attendeeIndex
        var extra: [String: [Int]] = [:]  // enrollments and presenters, by session id
        for e in scenario.enrollments {
            if let a = attendeeIndex[e.attendee] { extra[e.session.rawValue, default: []].append(a) }
        }
        var expanded: [PlannedSession] = []
        var copies: [String: [String?: Int]] = [:]  // session id → team (nil = once) → expanded index
        for (si, s) in scenario.sessions.enumerated() {
            var audience = Set<Int>()
            for (ai, a) in scenario.attendees.enumerated() where s.audience.matches(a) { audience.insert(ai) }
            for a in extra[s.id.rawValue] ?? [] { audience.insert(a) }
            for p in s.presenters { if let a = attendeeIndex[p] { audience.insert(a) } }
            switch s.repeatMode {
            case .once:
                copies[s.id.rawValue, default: [:]][nil] = expanded.count
                expanded.append(
                    PlannedSession(
                        id: s.id.rawValue, sessionIndex: si, team: nil,
                        audience: audience.sorted()))
            case .perTeam:
                var byTeam: [String: [Int]] = [:]
                for a in audience { byTeam[scenario.attendees[a].team, default: []].append(a) }
                for team in byTeam.keys.sorted() {
                    copies[s.id.rawValue, default: [:]][team] = expanded.count
                    expanded.append(
                        PlannedSession(
                            id: "\(s.id.rawValue)@\(team)", sessionIndex: si, team: team,
                            audience: byTeam[team]!.sorted()))
                }
            }
        }
        self.sessions = expanded

        var pairs: [Precedence] = []
        for s in scenario.sessions {
            let mine = copies[s.id.rawValue] ?? [:]
            for p in s.after {
                let theirs = copies[p.rawValue] ?? [:]
                let pairwise =
                    s.repeatMode == .perTeam
                    && scenario.session(p)?.repeatMode == .perTeam
                for (team, a) in mine.sorted(by: { ($0.value) < ($1.value) }) {
                    if pairwise {
                        // Copy by copy per team; a copy whose team has no predecessor copy is free.
                        if let b = theirs[team] { pairs.append(Precedence(before: b, after: a)) }
                    } else {
                        for b in theirs.values.sorted() { pairs.append(Precedence(before: b, after: a)) }
                    }
                }
            }
        }
        self.precedence = pairs
    }

    /// Slots cut from event.csv: `slot_minutes` each from `day_start`, whole ones only, named `D{day}-{HHMM}`.
    public static func cutSlots(_ event: Event) -> [Slot] {
        guard event.slotMinutes > 0 else { return [] }
        var slots: [Slot] = []
        for day in 1...max(event.days, 1) {
            var t = event.dayStart.minutes
            while t + event.slotMinutes <= event.dayEnd.minutes {
                let start = TimeOfDay(minutes: t)
                slots.append(
                    Slot(
                        id: SlotID("D\(day)-\(start.compact)"), day: day, start: start,
                        end: TimeOfDay(minutes: t + event.slotMinutes), source: nil))
                t += event.slotMinutes
            }
        }
        return slots
    }

    /// For each slot, the slot that starts at its end on the same day (the earliest-listed one).
    static func consecutive(_ slots: [Slot]) -> [Int?] {
        var byStart: [Int: Int] = [:]  // day * 10_000 + start minutes → slot index
        for (i, s) in slots.enumerated() where byStart[s.day * 10_000 + s.start.minutes] == nil {
            byStart[s.day * 10_000 + s.start.minutes] = i
        }
        return slots.map { byStart[$0.day * 10_000 + $0.end.minutes] }
    }

    /// The `length` consecutive slots starting at slot `start`, or nil if the day runs out.
    public func run(from start: Int, length: Int) -> [Int]? {
        var out = [start]
        var cur = start
        while out.count < length {
            guard let n = nextSlot[cur] else { return nil }
            out.append(n)
            cur = n
        }
        return out
    }

    /// The longest run of consecutive slots on any day.
    public var longestRun: Int {
        var memo = [Int](repeating: 0, count: slots.count)
        func length(_ i: Int) -> Int {
            if memo[i] > 0 { return memo[i] }
            var n = 1, cur = i, steps = 0
            while let nx = nextSlot[cur], steps < slots.count { n += 1; cur = nx; steps += 1 }
            memo[i] = n
            return n
        }
        return slots.indices.map(length).max() ?? 0
    }

    /// Slot indices where expanded session `k` may start: its day, fixed slot, allowed slots and
    /// length all respected.
    public func startSlots(of k: Int, in scenario: Scenario) -> [Int] {
        let s = scenario.sessions[sessions[k].sessionIndex]
        let allowed = Set(s.allowedSlots.map(\.rawValue))
        return slots.indices.filter { i in
            let slot = slots[i]
            if let d = s.day, slot.day != d { return false }
            if let f = s.fixedSlot, slot.id != f { return false }
            if !allowed.isEmpty, !allowed.contains(slot.id.rawValue) { return false }
            return run(from: i, length: s.slots) != nil
        }
    }
}

extension Scenario {
    /// Attendee id → index into `attendees` (first occurrence wins).
    public var attendeeIndex: [AttendeeID: Int] {
        var m: [AttendeeID: Int] = [:]
        m.reserveCapacity(attendees.count)
        for (i, a) in attendees.enumerated() where m[a.id] == nil { m[a.id] = i }
        return m
    }

    public func session(_ id: SessionID) -> Session? { sessions.first { $0.id == id } }

    public func venue(_ id: VenueID) -> Venue? { venues.first { $0.id == id } }

    public func rooms(at venue: VenueID) -> [Room] { rooms.filter { $0.venue == venue } }

    public func restaurants(at venue: VenueID) -> [Restaurant] { (restaurants ?? []).filter { $0.venue == venue } }

    /// The effective slots: slots.csv, or cut from event.csv.
    public var effectiveSlots: [Slot] { slots ?? Agenda.cutSlots(event) }
}
