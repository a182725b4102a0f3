import KickoffCore

/// The figures `kickoff validate` prints: what a coordinator checks at a glance before planning.
package struct ScenarioSummary: Sendable {
    package struct VenueFigures: Sendable {
        package let id: String
        package let name: String
        package let airport: String
        package let rooms: Int
        package let largestRoom: Int
        package let restaurants: Int
        package let travellers: Int
        package let locals: Int
        package let usableInbound: Int
        package let usableOutbound: Int
        package let rejected: [(category: String, count: Int)]
        /// Travelling attendees' home airports with no usable inbound or no usable outbound leg.
        package let unreachableHomes: [String]
    }

    package let eventName: String
    package let firstDate: CivilDate
    package let lastDate: CivilDate
    package let days: Int
    package let attendees: Int
    package let teams: Int
    package let managers: Int
    package let sessionsDefined: Int
    package let sessionsPlaced: Int
    package let perTeamSessions: Int
    package let slots: Int
    package let slotsPerDay: [Int]
    package let slotsCut: Bool
    package let enrollments: Int
    package let restaurantsPresent: Bool
    package let legs: Int
    package let venues: [VenueFigures]

    /// Computes the figures for a valid scenario.
    package init(_ s: Scenario) {
        let agenda = Agenda(s)
        eventName = s.event.name
        firstDate = s.event.startDate
        lastDate = s.event.lastDate
        days = s.event.days
        attendees = s.attendees.count
        teams = agenda.teams.count
        managers = Set(s.attendees.compactMap(\.managerID)).count
        sessionsDefined = s.sessions.count
        sessionsPlaced = agenda.sessions.count
        perTeamSessions = s.sessions.filter { $0.repeatMode == .perTeam }.count
        slots = agenda.slots.count
        slotsPerDay = (1...max(1, s.event.days)).map { d in agenda.slots.filter { $0.day == d }.count }
        slotsCut = agenda.slotsAreCut
        enrollments = s.enrollments.count
        restaurantsPresent = s.restaurants != nil
        legs = s.travel.count
        venues = s.venues.map { v in
            let options = TravelOptions(s, venue: v)
            let rooms = s.rooms(at: v.id)
            let travellerHomes = Set(s.attendees.map(\.home)).subtracting([v.airport])
            let locals = s.attendees.filter { $0.home == v.airport }.count
            return VenueFigures(
                id: v.id.rawValue, name: v.name, airport: v.airport, rooms: rooms.count,
                largestRoom: rooms.map(\.capacity).max() ?? 0, restaurants: s.restaurants(at: v.id).count,
                travellers: s.attendees.count - locals, locals: locals,
                usableInbound: options.usableInboundCount, usableOutbound: options.usableOutboundCount,
                rejected: options.rejectedByCategory,
                unreachableHomes: travellerHomes.filter { options.inbound[$0] == nil || options.outbound[$0] == nil }.sorted())
        }
    }

    /// The summary as aligned plain text.
    package var text: String {
        var out = "\(eventName): \(Figures.counted(days, "day")), \(firstDate.weekday.shortName) \(firstDate) to \(lastDate.weekday.shortName) \(lastDate)\n"
        func line(_ label: String, _ value: String) { out += "  \(label.padding(12))\(value)\n" }
        line("attendees", "\(fmt(attendees)) in \(teams) teams, \(managers) with direct reports")
        line("sessions", "\(sessionsDefined) defined (\(perTeamSessions) per team), \(sessionsPlaced) to place after expansion")
        let perDay = Set(slotsPerDay).count == 1 ? "\(slotsPerDay[0]) a day" : slotsPerDay.map(String.init).joined(separator: "/") + " by day"
        line("slots", "\(slots) (\(perDay), \(slotsCut ? "cut from event.csv" : "from slots.csv"))")
        line("enrollments", fmt(enrollments))
        line("travel", "\(fmt(legs)) legs")
        line("venues", "\(venues.count)")
        for v in venues {
            out += "\n  venue \(v.id): \(v.name) (\(v.airport))\n"
            out += "    rooms        \(v.rooms), largest seats \(fmt(v.largestRoom))\n"
            if restaurantsPresent { out += "    restaurants  \(v.restaurants)\n" }
            out += "    attendees    \(fmt(v.travellers)) travel, \(fmt(v.locals)) local\n"
            out += "    legs usable  \(fmt(v.usableInbound)) inbound, \(fmt(v.usableOutbound)) outbound\n"
            if !v.rejected.isEmpty {
                out += "    rejected     " + v.rejected.map { "\(fmt($0.count)) \($0.category)" }.joined(separator: ", ") + "\n"
            }
            if !v.unreachableHomes.isEmpty {
                out += "    no round trip from \(v.unreachableHomes.joined(separator: ", "))\n"
            }
        }
        return out
    }
}

/// Thousands separators for counts (`1,820`).
func fmt(_ n: Int) -> String { Figures.count(n) }

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
