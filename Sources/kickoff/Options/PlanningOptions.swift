import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner
import KickoffReport

/// `--uid-domain` and `--organizer`: how the calendars name themselves.
struct CalendarOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The domain after @ in every calendar UID (default: the baseline's, else one derived from the event name and date).",
            valueName: "domain"))
    var uidDomain: String?

    @Option(help: ArgumentHelp("The organiser's email address, written as each event's ORGANIZER.", valueName: "email"))
    var organizer: String?

    func validate() throws {
        if let uidDomain, !CalendarSettings.isDomain(uidDomain) {
            throw ValidationError("--uid-domain must be a domain name (letters, digits, '-' and '.'), like sko.example.com; got \"\(uidDomain)\"")
        }
        if let organizer {
            let parts = organizer.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, CalendarSettings.isDomain(String(parts[1])),
                !organizer.contains(where: { $0.isWhitespace || $0 == ":" || $0 == ";" || $0 == "," || $0 == "\"" })
            else {
                throw ValidationError("--organizer must be an email address like events@example.com; got \"\(organizer)\"")
            }
        }
    }

    var settings: CalendarSettings { CalendarSettings(domain: uidDomain, organizer: organizer) }
}

/// `--baseline` and the change penalties of a re-plan.
struct ReplanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A published plan folder to keep as much of as the rules allow; changes.csv lists what moves.",
            valueName: "plan-dir"), completion: .directory)
    var baseline: String?

    @Option(help: "Penalty for a session moved to another time.")
    var movePenalty: Double = ChangePenalties().sessionMove

    @Option(help: "Penalty for a session kept at its time in another room.")
    var roomPenalty: Double = ChangePenalties().roomChange

    @Option(help: "Penalty for each traveller's leg rebooked (inbound and outbound count apart).")
    var rebookPenalty: Double = ChangePenalties().legRebook

    @Option(help: "Penalty for a team dinner moved to another restaurant or evening.")
    var dinnerPenalty: Double = ChangePenalties().dinnerChange

    func validate() throws {
        for (name, v) in [
            ("--move-penalty", movePenalty), ("--room-penalty", roomPenalty),
            ("--rebook-penalty", rebookPenalty), ("--dinner-penalty", dinnerPenalty)
        ] {
            guard v.isFinite, v >= 0, v <= 1e9 else { throw ValidationError("\(name) must be a number from 0 to 1000000000") }
        }
    }

    var penalties: ChangePenalties {
        var p = ChangePenalties()
        p.sessionMove = movePenalty
        p.roomChange = roomPenalty
        p.legRebook = rebookPenalty
        p.dinnerChange = dinnerPenalty
        return p
    }

    /// The baseline plan, with its warnings printed; prints the errors and exits 65 if it cannot be read.
    func load(_ limits: CSVLimits) throws -> Baseline? {
        guard let baseline else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: baseline, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("--baseline \(baseline) is not a folder")
        }
        let loaded = BaselineLoader.load(directory: URL(fileURLWithPath: baseline), limits: limits)
        for d in loaded.diagnostics { Console.diagnostic(d) }
        guard let plan = loaded.baseline else {
            Console.error("invalid baseline: \(Figures.counted(loaded.errors.count, "error"))")
            throw ExitCode.dataError
        }
        return plan
    }
}

/// `--carbon-price`: an internal carbon price that makes emissions part of the cost.
struct CostOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Internal carbon price per tonne CO2e, in the event's currency: adds a carbon part to the cost minimised and to the total (0: emissions are reported, not priced).",
            valueName: "per-tonne"))
    var carbonPrice: Double = 0

    func validate() throws {
        guard carbonPrice.isFinite, (0...1e6).contains(carbonPrice) else {
            throw ValidationError("--carbon-price must be a number from 0 to 1000000 (per tonne CO2e)")
        }
    }
}

/// `--time-limit`, `--gap`, `--now`: how long to search, when to stop, and the files' timestamp.
struct SearchOptions: ParsableArguments {
    @Option(help: "Seconds for the whole run, reading to writing; the search stops in time to write the best plan found.")
    var timeLimit: Double = 300

    @Option(help: "Stop when the plan is proven within this fraction of the optimum (0 proves optimality).")
    var gap: Double = 0

    @Option(
        help: ArgumentHelp(
            "Timestamp for summary.json and calendar DTSTAMPs (ISO 8601 with offset, like 2027-01-04T09:00+00:00), for reproducible files.",
            valueName: "timestamp"))
    var now: Timestamp?

    /// What is left of `--time-limit` for building and searching (`Planner.searchSeconds`).
    func searchSeconds(after elapsed: Double, attendees: Int) -> Double {
        Planner.searchSeconds(within: timeLimit, after: elapsed, attendees: attendees)
    }

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard (0...1).contains(gap) else { throw ValidationError("--gap must be a fraction between 0 and 1") }
    }
}
