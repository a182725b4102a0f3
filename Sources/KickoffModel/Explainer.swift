import KickoffCore
import MIP

/// Why a venue has no plan, in the user's words.
///
/// First the pre-checks (`Prechecks`), which name a culprit without solving anything. When they
/// all pass and the program is still infeasible, an elastic version is solved: every requirement
/// may be broken at a cost of 1 per unit, except the rows that define variables or demand that a
/// session, dinner or leg exist at all. The requirements broken at its optimum form a small set
/// that cannot hold together; each is translated back into sessions, rooms, teams and travellers,
/// with what to relax.
public enum Explainer {
    public static func explain(_ inst: PlanningInstance, solver: any MIPSolver, timeLimit: Double = 60,
                               shouldStop: (@Sendable () -> Bool)? = nil) -> [String] {
        let pre = Prechecks.run(inst)
        if !pre.isEmpty { return pre }
        let f = Formulation(inst)
        if !f.obstacles.isEmpty { return f.obstacles }
        // Rows that define variables, and rows that say something must exist at all (a start, a
        // dinner, a leg each way), stay hard: breaking them would "explain" everything by
        // dropping a session or a traveller, which is not what a coordinator can act on.
        let structural: Set<String> = ["room", "seated", "start", "dinner", "inbound", "outbound"]
        // A unit of slack is measured in the row's own scale: a travel group's buffer row (10),
        // (11) has its size n as coefficient, so breaking it for the group costs 1, as breaking
        // any other single requirement does, not n.
        let rows = f.model.constraints
        let (elastic, slack) = f.model.elastic(keep: { structural.contains(family(rows[$0].name).name) },
                                               cost: { 1 / max(1, rows[$0].terms.map { abs($0.coefficient) }.max() ?? 1) })
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.shouldStop = shouldStop
        let r = solver.solve(elastic, options: options)
        guard r.termination.hasSolution else {
            return ["no explanation found within \(Int(timeLimit)) s (the elastic model ended \(r.termination.statusWord))"]
        }
        var broken: [String] = []
        var seen = Set<Int>()
        for (c, v) in slack where r.values[v.index] > 1e-6 && !seen.contains(c) {
            seen.insert(c)
            broken.append(f.model.constraints[c].name)
        }
        if broken.isEmpty { return ["the program is feasible: every requirement can be met"] }
        var lines = broken.prefix(12).map { describe($0, inst) }
        if broken.count > 12 { lines.append("… and \(broken.count - 12) more requirements like these") }
        return lines
    }

    /// `family[a,b,c]` → ("family", ["a", "b", "c"]).
    static func family(_ name: String) -> (name: String, args: [String]) {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return (name, []) }
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return (String(name[..<open]), inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    /// A group's name `P00012+3` → "P00012 and 3 others like them".
    static func people(_ g: String) -> String {
        let parts = g.split(separator: "+")
        guard parts.count == 2, let n = Int(parts[1]), n > 0 else { return String(parts.first ?? "") }
        return "\(parts[0]) and \(n) other\(n == 1 ? "" : "s") with the same home and agenda"
    }

    static func describe(_ name: String, _ inst: PlanningInstance) -> String {
        let (fam, a) = family(name)
        func arg(_ i: Int) -> String { i < a.count ? a[i] : "?" }
        switch fam {
        case "start":
            return "session \(arg(0)) cannot be given a start: every allowed slot clashes with other requirements; allow more slots or another day"
        case "roomOnce":
            return "room \(arg(0)) is needed by two sessions at \(arg(1)); add a room or allow the sessions other slots"
        case "attendOnce":
            let ids = arg(0).split(separator: "&").map(String.init)
            let named = ids.count <= 4 ? ids.dropLast().joined(separator: ", ") + " and " + ids.last! : "\(ids.prefix(3).joined(separator: ", ")) and \(ids.count - 3) more"
            return "sessions \(named) share attendees, who would have to be in two of them at \(arg(1)); the only free slots overlap — allow more slots, split the audience or drop a session"
        case "after":
            return "session \(arg(0)) must start after \(arg(1)) ends, and that leaves no slot by \(arg(2)); allow later slots or remove the \"after\""
        case "dinner":
            return "team \(arg(0)) cannot get a dinner table; add restaurant capacity or evenings"
        case "restaurant":
            return "restaurant \(arg(0))\(a.count > 1 ? " on the evening of day \(arg(1))" : "") has too few seats for the teams that must dine there; add capacity or evenings"
        case "dinnerClash":
            return "team \(arg(0))'s dinner on the evening of day \(arg(1)) would overlap session \(arg(2)) at \(arg(3)); move the session or the dinner time"
        case "inbound":
            return "\(people(arg(0))) cannot all be given an inbound leg; add legs or seats"
        case "outbound":
            return "\(people(arg(0))) cannot all be given an outbound leg; add legs or seats"
        case "arrive":
            return "\(people(arg(0))) cannot arrive \(inst.event.arrivalBufferMinutes) min before a commitment starting before \(arg(2)); add an earlier inbound leg or move that commitment later"
        case "depart":
            return "\(people(arg(0))) cannot leave \(inst.event.departureBufferMinutes) min after a commitment ending after \(arg(2)); add a later outbound leg or move that commitment earlier"
        case "order":
            return "\(people(arg(0))) would leave before arriving; add legs"
        case "seats":
            return "leg \(arg(0)) has too few seats for the travellers who can only take it; add seats or another leg"
        case "hotel":
            return "on the night of \(arg(0)) more travellers must stay than the hotel block allows; enlarge the block or add legs that avoid the night"
        default:
            return "requirement \(name) cannot be met"
        }
    }
}
