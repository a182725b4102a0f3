import KickoffCore
import KickoffPlan
import KickoffPlanner
import MIP

extension Reason {
    /// The reason in the user's words, with what to relax.
    ///
    /// - Parameter pointsToFile: whether a `partialAgenda` may send the reader to unplaced.csv
    ///   (false when no folder is written, as after Ctrl-C).
    package func sentence(in inst: PlanningInstance, pointsToFile: Bool = true) -> String {
        switch self {
        case .finding(let s): return s
        case .noCombination: return "no combination of rooms, times, dinners and travel legs satisfies every rule"
        case .requirement(let req): return Self.describe(req, inst)
        case .untagged(let name): return "requirement \(name) cannot be met"
        case .more(let n): return "… and \(n) more requirements like these"
        case .everyRequirementCanBeMet: return "the program is feasible: every requirement can be met"
        case .undetermined(let seconds, let ended):
            return "no explanation found within \(Int(seconds)) s (the elastic model ended \(ended.statusWord))"
        case .noTimeToExplain: return "no time was left to find which rules conflict: run `kickoff explain`"
        case .noPlanInTime(let limit):
            return limit == .interrupted ? "no plan found before the search was stopped" : "no plan found within the time limit"
        case .partialAgenda(let sessions, let attendees):
            return "the best agenda found leaves out \(Figures.counted(sessions, "session")) "
                + "(\(Figures.counted(attendees, "attendee")) affected\(pointsToFile ? "; see unplaced.csv" : "")); "
                + "a longer time limit may place them"
        case .checkerRejected(let violation): return "the solver's plan fails the plan checker: \(violation)"
        case .figuresDisagree(let what, let model, let checked):
            return "the model's \(what) \(model) differs from the checked \(what) \(checked)"
        case .solverFailed(let detail): return detail
        }
    }

    /// "S1, S2 and S3", or "S1, S2, S3 and 4 more".
    static func list(_ ids: [String]) -> String {
        guard let last = ids.last else { return "" }
        if ids.count == 1 { return last }
        return ids.count <= 4
            ? ids.dropLast().joined(separator: ", ") + " and " + last
            : "\(ids.prefix(3).joined(separator: ", ")) and \(ids.count - 3) more"
    }

    static func describe(_ req: Requirement, _ inst: PlanningInstance) -> String {
        switch req {
        case .start(let k), .room(let k, _):
            return "session \(k) cannot be given a start: every allowed slot clashes with other requirements; allow more slots or another day"
        case .roomOnce(let room, let at):
            return "room \(room) is needed by two sessions at \(at); add a room or allow the sessions other slots"
        case .attendOnce(let sessions, let at):
            return "sessions \(list(sessions)) share attendees, who would have to be in two of them at \(at); the only free slots overlap — allow more slots, split the audience or drop a session"
        case .after(let k, let before, let by):
            return "session \(k) must start after \(before) ends, and that leaves no slot by \(by); allow later slots or remove the \"after\""
        case .dinner(let team), .seated(let team, _):
            return "team \(team) cannot get a dinner table; add restaurant capacity or evenings"
        case .restaurant(let r, let evening):
            return "restaurant \(r)\(evening.map { " on the evening of day \($0)" } ?? "") has too few seats for the teams that must dine there; add capacity or evenings"
        case .dinnerClash(let team, let evening, let k, let slot):
            return "team \(team)'s dinner on the evening of day \(evening) would overlap session \(k) at \(slot); move the session or the dinner time"
        case .inbound(let g):
            return "\(g.people) cannot all be given an inbound leg; add legs or seats"
        case .outbound(let g):
            return "\(g.people) cannot all be given an outbound leg; add legs or seats"
        case .arrive(let g, _, let before):
            return "\(g.people) cannot arrive \(inst.event.arrivalBufferMinutes) min before a commitment starting before \(before); add an earlier inbound leg or move that commitment later"
        case .depart(let g, _, let after):
            return "\(g.people) cannot leave \(inst.event.departureBufferMinutes) min after a commitment ending after \(after); add a later outbound leg or move that commitment earlier"
        case .order(let g, _):
            return "\(g.people) would leave before arriving; add legs"
        case .seats(let leg):
            return "leg \(leg) has too few seats for the travellers who can only take it; add seats or another leg"
        case .hotel(let night):
            return "on the night of \(night) more travellers must stay than the hotel block allows; enlarge the block or add legs that avoid the night"
        }
    }
}
