import KickoffCore
import KickoffPlan
import MIP

extension Formulation {
    /// Reads a plan from a solution of `model` (one value per variable).
    ///
    /// A group's travellers are given its legs in order: the earliest-arriving inbound leg and the
    /// earliest-departing outbound leg to its first member, and so on, which keeps every pair ordered.
    package func plan(from x: [Double]) -> Plan {
        func on(_ v: Variable) -> Bool { x[v.index] > 0.5 }
        var placements: [Placement] = []
        for k in start.indices {
            let i = start[k].firstIndex { on($0.y) } ?? 0
            let slot = start[k].isEmpty ? -1 : start[k][i].slot
            let r = room[k].isEmpty ? nil : room[k][i].first { on($0.x) }?.room
            placements.append(Placement(slot: slot, room: r ?? -1))
        }
        var dinners: [String: DinnerBooking] = [:]
        for (team, options) in dinner { if let o = options.first(where: { on($0.z) }) { dinners[team] = o.booking } }
        var nextEvening: [Int: Int] = [:]  // restaurant → sets placed so far (free evenings)
        for t in tables where on(t.p) {
            var b = t.booking
            if freeEvenings {
                let n = nextEvening[b.restaurant, default: 0]
                nextEvening[b.restaurant] = n + 1
                let hosts = instance.evenings[b.restaurant]
                b.evening = hosts[min(n, hosts.count - 1)]
            }
            for team in t.teams { dinners[team] = b }
        }
        var trips = [Trip?](repeating: nil, count: instance.scenario.attendees.count)
        let legs = instance.scenario.travel
        for g in groups {
            func expand(_ options: [(leg: Int, count: Variable)], by time: (Int) -> Int) -> [Int] {
                options.flatMap { o in Array(repeating: o.leg, count: max(0, Int(x[o.count.index].rounded()))) }
                    .sorted { (time($0), $0) < (time($1), $1) }
            }
            let ins = expand(g.inbound) { legs[$0].arrive.instant }
            let outs = expand(g.outbound) { legs[$0].depart.instant }
            for (i, a) in g.members.enumerated() where i < ins.count && i < outs.count {
                trips[a] = Trip(inbound: ins[i], outbound: outs[i])
            }
        }
        return Plan(placements: placements, dinners: dinners, trips: trips)
    }

    /// The solution vector of a plan, or nil if the plan uses a choice the model does not offer
    /// (a start, room, dinner or leg it ruled out).
    package func solution(for plan: Plan) -> [Double]? {
        var x = [Double](repeating: 0, count: model.variables.count)
        guard plan.placements.count == start.count else { return nil }
        for (k, p) in plan.placements.enumerated() {
            guard let i = start[k].firstIndex(where: { $0.slot == p.slot }),
                let r = room[k][i].first(where: { $0.room == p.room })
            else { return nil }
            x[start[k][i].y.index] = 1
            x[r.x.index] = 1
        }
        for (team, ws) in evening {
            guard let b = plan.dinners[team], let w = ws.first(where: { $0.evening == b.evening }) else { return nil }
            x[w.w.index] = 1
        }
        for (team, options) in dinner {
            guard let b = plan.dinners[team], let o = options.first(where: { $0.booking == b }) else { return nil }
            x[o.z.index] = 1
        }
        if !tables.isEmpty {
            var byBooking: [DinnerBooking: [String]] = [:]
            for (team, b) in plan.dinners { byBooking[b, default: []].append(team) }
            for (b, teams) in byBooking {
                guard let p = tableIndex[Self.tableKey(b.restaurant, freeEvenings ? 0 : b.evening, teams)] else { return nil }
                x[p.index] = 1
            }
        }
        for g in groups {
            for a in g.members {
                guard let trip = plan.trips[a],
                    let u = g.inbound.first(where: { $0.leg == trip.inbound }),
                    let v = g.outbound.first(where: { $0.leg == trip.outbound })
                else { return nil }
                x[u.count.index] += 1
                x[v.count.index] += 1
            }
        }
        return x
    }
}
