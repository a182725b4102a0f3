import KickoffCore
import KickoffPlan
import MIP

/// What each row of the formulation requires, with the ids it is about: the typed tag of every
/// `Formulation` constraint (docs/FORMULATION.md numbers them). The explainer reads these, never
/// the rows' names; the names (`roomOnce[R1,D1-1000]`) are the tags' descriptions, made only when
/// a solver log or a model file asks.
package enum Requirement: ConstraintTag, Equatable {
    /// (1) the session starts exactly once.
    case start(session: String)
    /// (2) a started session has a room.
    case room(session: String, slot: SlotID)
    /// (3) the room holds one session at the moment.
    case roomOnce(room: RoomID, at: Moment)
    /// (4) attendees in these sessions are in at most one of them at the moment.
    case attendOnce(sessions: [String], at: Moment)
    /// (5) `session` starts after `predecessor` ends; row for starts by the moment.
    case after(session: String, predecessor: String, by: Moment)
    /// (6) the team dines once.
    case dinner(team: String)
    /// (7) the restaurant's tables (on one evening, or over its evenings when evenings are free).
    case restaurant(RestaurantID, evening: Int?)
    /// (7b) a team dining on an evening sits in one table set that evening.
    case seated(team: String, evening: Int)
    /// (8) the team's dinner that evening excludes a member's session at that slot.
    case dinnerClash(team: String, evening: Int, session: String, slot: SlotID)
    /// (9) every traveller of the group has an inbound leg.
    case inbound(TravelGroupName)
    /// (9) every traveller of the group has an outbound leg.
    case outbound(TravelGroupName)
    /// (10) arriving in time for the group's commitment `commitment` if it starts before the moment.
    case arrive(TravelGroupName, commitment: Int, before: Moment)
    /// (11) leaving after the group's commitment `commitment` if it ends after the moment.
    case depart(TravelGroupName, commitment: Int, after: Moment)
    /// (12) nobody leaves before arriving, by the moment.
    case order(TravelGroupName, by: Moment)
    /// (13) the leg's seats.
    case seats(leg: LegID)
    /// (14) the hotel's block on the night.
    case hotel(night: CivilDate)

    /// Rows that define variables or say something must exist at all (a start, a room, a dinner,
    /// a leg each way): the explainer keeps them hard, since breaking one would "explain"
    /// everything by dropping a session or a traveller.
    package var isStructural: Bool {
        switch self {
        case .start, .room, .dinner, .seated, .inbound, .outbound: return true
        default: return false
        }
    }

    /// The row's name, `family[id,…]`, as in model files and GLPK's log.
    package var description: String {
        switch self {
        case .start(let k): return "start[\(k)]"
        case .room(let k, let s): return "room[\(k),\(s)]"
        case .roomOnce(let r, let m): return "roomOnce[\(r),\(m)]"
        case .attendOnce(let ks, let m):
            // A clique can hold dozens of sessions; names stay short enough for every MPS reader (CBC cuts long ones).
            let shown = ks.count <= 6 ? ks.joined(separator: "&") : ks.prefix(5).joined(separator: "&") + "&+\(ks.count - 5)"
            return "attendOnce[\(shown),\(m)]"
        case .after(let a, let b, let m): return "after[\(a),\(b),\(m)]"
        case .dinner(let t): return "dinner[\(t)]"
        case .restaurant(let r, let e): return e.map { "restaurant[\(r),\($0)]" } ?? "restaurant[\(r)]"
        case .seated(let t, let e): return "seated[\(t),\(e)]"
        case .dinnerClash(let t, let e, let k, let s): return "dinnerClash[\(t),\(e),\(k),\(s)]"
        case .inbound(let g): return "inbound[\(g)]"
        case .outbound(let g): return "outbound[\(g)]"
        case .arrive(let g, let c, let m): return "arrive[\(g),\(c),\(m)]"
        case .depart(let g, let c, let m): return "depart[\(g),\(c),\(m)]"
        case .order(let g, let m): return "order[\(g),\(m)]"
        case .seats(let l): return "seats[\(l)]"
        case .hotel(let n): return "hotel[\(n)]"
        }
    }
}

/// An instant at the venue, shown as the agenda's day and the venue-local time (`D2-1400`).
package struct Moment: Sendable, Equatable, CustomStringConvertible {
    package let instant: Int
    let clock: VenueClock
    let firstDay: CivilDate

    /// The same instant of the same agenda (one instance has one venue clock).
    package static func == (a: Moment, b: Moment) -> Bool { a.instant == b.instant && a.firstDay == b.firstDay }

    package var description: String {
        let date = clock.localDate(ofInstant: instant)
        let day = date.dayNumber - firstDay.dayNumber + 1
        let offset = clock.offsetMinutes(on: date, at: TimeOfDay(minutes: 720))
        return "D\(day)-\(Timestamp(instant: instant, offsetMinutes: offset).time.compact)"
    }
}

/// A travel group by its first member and how many travel with them (`P00012+3`).
package struct TravelGroupName: Sendable, Equatable, CustomStringConvertible {
    package let first: AttendeeID
    package let others: Int

    package var description: String { "\(first)+\(others)" }

    /// "P00012 and 3 others with the same home and agenda".
    package var people: String {
        others > 0 ? "\(first) and \(Figures.counted(others, "other")) with the same home and agenda" : "\(first)"
    }
}
