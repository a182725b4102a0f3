import KickoffCore

/// One shuttle run between the venue's airport and the venue.
package struct TransferRun: Sendable, Equatable {
    package enum Direction: String, Sendable {
        /// Airport → venue.
        case arrival
        /// Venue → airport.
        case departure
    }

    package var direction: Direction
    /// Instants (minutes since the epoch, UTC).
    package var leaves: Int
    package var arrives: Int
    /// Attendee indices, in attendees.csv order.
    package var riders: [Int]
}

/// The shuttle runs for a plan at a venue with a row in transfers.csv.
package struct TransferPlan: Sendable {
    package struct Unserved: Sendable, Equatable {
        package var attendee: Int
        package var direction: TransferRun.Direction
        /// Why no run can take them, in the coordinator's words.
        package var why: String
    }

    package var shuttle: Transfer
    /// In time order (arrivals and departures interleaved).
    package var runs: [TransferRun]
    /// Travellers no run can take without breaking a rule (only when the shuttle is slower than a buffer).
    package var unserved: [Unserved]

    package var cost: Double { Double(runs.count) * shuttle.costPerRun }
    package func count(_ d: TransferRun.Direction) -> Int { runs.filter { $0.direction == d }.count }
}

/// Batches the travellers into as few shuttle runs as possible, exactly.
///
/// Each traveller has a window for the moment their run leaves. Arrival (airport → venue): from
/// the inbound landing to the earlier of landing + max_wait and first commitment − drive time.
/// Departure (venue → airport): from the later of the last commitment's end and take-off − drive
/// − max_wait, to take-off − drive. A run may leave at t with any ≤ seats riders whose windows
/// all hold t.
///
/// Fewest runs is then capacitated interval stabbing, which a greedy solves exactly: open a run
/// at the smallest deadline d among the riders left and fill it with the riders whose window has
/// opened by d, smallest deadlines first. Exchange argument: in any optimal batching, the run
/// carrying the earliest-deadline rider can move to d (everyone on it has release ≤ its time ≤ d
/// ≤ their deadline), and swapping a rider of it for an available one with a smaller deadline
/// keeps both runs feasible; so some optimum starts with the greedy's run, and induction does the
/// rest. `TransferTests` checks it against exhaustive search. Each run then leaves at the latest
/// release among its riders (the earliest moment all of them are there), which keeps it inside
/// every rider's window. O(n log n + n · runs).
package enum TransferPlanner {
    /// The fewest batches of at most `seats` indices whose windows share a point; each window must
    /// be non-empty (release ≤ deadline). Batches in order of their deadline.
    package static func batches(_ windows: [(release: Int, deadline: Int)], seats: Int) -> [[Int]] {
        precondition(seats >= 1)
        var left = windows.indices.sorted { (windows[$0].deadline, windows[$0].release, $0) < (windows[$1].deadline, windows[$1].release, $1) }
        var out: [[Int]] = []
        while let first = left.first {
            let t = windows[first].deadline
            var batch: [Int] = [], rest: [Int] = []
            rest.reserveCapacity(left.count)
            for i in left {
                if batch.count < seats, windows[i].release <= t { batch.append(i) } else { rest.append(i) }
            }
            out.append(batch)
            left = rest
        }
        return out
    }

    /// The runs for `plan`, or nil when transfers.csv has no row for the venue.
    package static func plan(_ instance: PlanningInstance, _ plan: Plan) -> TransferPlan? {
        guard let shuttle = instance.scenario.transfers.first(where: { $0.venue == instance.venue.id }) else { return nil }
        let legs = instance.scenario.travel
        let drive = shuttle.minutes, wait = shuttle.maxWaitMinutes
        var unserved: [TransferPlan.Unserved] = []
        var windows: [TransferRun.Direction: [(attendee: Int, release: Int, deadline: Int)]] = [:]
        func clock(_ t: Int) -> String { "\(Timestamp(instant: t, offsetMinutes: instance.clock.offsetMinutes(atInstant: t)))" }
        for (a, trip) in plan.trips.enumerated() {
            guard let trip else { continue }
            let commitments = instance.commitments(of: a, in: plan)
            let landing = legs[trip.inbound].arrive.instant, takeOff = legs[trip.outbound].depart.instant
            var arrival = (release: landing, deadline: landing + wait)
            if let first = commitments.first { arrival.deadline = min(arrival.deadline, first.start - drive) }
            if arrival.release <= arrival.deadline {
                windows[.arrival, default: []].append((a, arrival.release, arrival.deadline))
            } else {
                unserved.append(
                    .init(
                        attendee: a, direction: .arrival,
                        why: "lands \(clock(landing)) on \(legs[trip.inbound].id); the \(drive)-min drive cannot reach the first commitment at \(clock(commitments.first!.start))"))
            }
            var departure = (release: takeOff - drive - wait, deadline: takeOff - drive)
            if let last = commitments.map(\.end).max() { departure.release = max(departure.release, last) }
            if departure.release <= departure.deadline {
                windows[.departure, default: []].append((a, departure.release, departure.deadline))
            } else {
                let last = commitments.map(\.end).max()!
                unserved.append(
                    .init(
                        attendee: a, direction: .departure,
                        why: "the last commitment ends \(clock(last)); the \(drive)-min drive cannot make \(legs[trip.outbound].id) at \(clock(takeOff))"))
            }
        }
        var runs: [TransferRun] = []
        for direction in [TransferRun.Direction.arrival, .departure] {
            let w = windows[direction] ?? []
            for batch in batches(w.map { ($0.release, $0.deadline) }, seats: shuttle.seats) {
                let leaves = batch.map { w[$0].release }.max()!
                runs.append(TransferRun(direction: direction, leaves: leaves, arrives: leaves + drive, riders: batch.map { w[$0].attendee }.sorted()))
            }
        }
        runs.sort { ($0.leaves, $0.direction == .arrival ? 0 : 1, $0.riders.first ?? 0) < ($1.leaves, $1.direction == .arrival ? 0 : 1, $1.riders.first ?? 0) }
        return TransferPlan(shuttle: shuttle, runs: runs, unserved: unserved)
    }
}
