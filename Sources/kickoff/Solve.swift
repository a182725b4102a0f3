import Airports
import ArgumentParser
import Foundation
import GLPKBackend
import KickoffCore
import KickoffIO
import KickoffModel
import KickoffReport
import MIP

/// `kickoff solve DIR`: plan one venue and write the plan folder.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the event at one venue and write the plan folder.",
        discussion: """
        Builds one integer program (sessions → rooms and times, team dinners, every traveller's legs, \
        hotel nights) and solves it with GLPK, minimising travel + hotel + time away + dinners + venue. \
        The plan is re-checked against every rule before it is written, and the folder appears whole or \
        not at all. Exit 0 with a plan; 1 with none (summary.json still says why); 70 on an internal error (a plan the checker rejects).
        """
    )

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "The venue id to plan (default: the first in venues.csv).")
    var venue: String?

    @Option(help: "The plan folder to write (default: plan-<venue> beside the scenario). An existing plan folder is replaced.")
    var out: String?

    @Option(help: ArgumentHelp("Move the agenda to start on this date (YYYY-MM-DD); travel.csv's legs stay as written.",
                               valueName: "date"))
    var startDate: CivilDate?

    @OptionGroup(title: "Search")
    var search: SearchOptions

    @OptionGroup(title: "Cost")
    var cost: CostOptions

    @OptionGroup(title: "Re-plan")
    var replan: ReplanOptions

    @OptionGroup(title: "Calendars")
    var calendars: CalendarOptions

    @Flag(help: "Show GLPK's own output.")
    var verbose = false

    @Flag(help: "Print no progress while solving.")
    var quiet = false

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        let began = Date()
        let url = try ScenarioFolder.url(directory)
        var scenario = try ScenarioFolder.loadOrExit(directory, limits: input.limits)
        if let startDate { scenario.event.startDate = startDate }
        let baseline = try replan.load(input.limits)
        if let baseline, let venue, venue != baseline.venue {
            throw ValidationError("the baseline was planned at \(baseline.venue); re-plan it there (omit --venue) or drop --baseline")
        }
        let instance = try ScenarioFolder.instance(scenario, venue: venue ?? baseline?.venue, carbonPrice: cost.carbonPrice)
        let destination = out.map { URL(fileURLWithPath: $0) }
            ?? replan.baseline.map { URL(fileURLWithPath: URL(fileURLWithPath: $0).standardizedFileURL.path + "-replan") }
            ?? url.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("plan-\(PlanFiles.fileSafe(instance.venue.id.rawValue))")
        try PlanFolder.checkReplaceable(destination)
        let match = baseline.map { BaselineMatch($0, instance: instance, penalties: replan.penalties) }

        var options = SolveOptions()
        options.timeLimit = search.searchSeconds(after: Date().timeIntervalSince(began), attendees: scenario.attendees.count)
        options.relativeGap = search.gap
        options.verbose = verbose
        let display = ProgressDisplay(enabled: !quiet && !verbose)
        options.progress = { display.update($0) }
        Interrupts.shared.install()
        options.shouldStop = { Interrupts.shared.requested }
        let outcome = Planner(solver: DecomposingSolver(GLPKSolver())).plan(instance, baseline: match, options: options)
        display.finish()

        if let code = Interrupts.shared.exitCode {
            // Interrupted: the best plan so far is written whole, or nothing is (no unplaced.csv
            // either); the old folder stays.
            guard outcome.plan != nil else {
                var shown = outcome
                shown.reasons = shown.reasons.map { $0.replacingOccurrences(of: "; see unplaced.csv", with: "") }
                print(PlanSummaryText(instance, shown).text, terminator: "")
                print("stopped before any plan was found; nothing written")
                throw ExitCode(code)
            }
        }
        let stamp = search.now?.instant ?? Int(Date().timeIntervalSince1970 / 60)
        let planFiles = PlanFiles(instance, outcome, now: stamp, baseline: baseline, calendar: calendars.settings)
        print(PlanSummaryText(instance, outcome, transfers: planFiles.transfers).text, terminator: "")
        if let baseline, baseline.calendars == nil {
            Console.error("warning: the baseline has no itineraries/*.ics; every calendar is written as new (SEQUENCE 0) and notices.csv is not written")
        }
        let files = planFiles.files
        do {
            try AtomicFolder.write(files, to: destination, replace: true)
        } catch {
            Console.error("error: \(error.message)")
            throw ExitCode(73)
        }
        if outcome.plan != nil {
            print("wrote \(destination.relativePathForDisplay): \(files.count) files (open report.html)")
            if let book = planFiles.book, let notices = book.notices {
                print("calendars: \(book.updatedEvents) event\(book.updatedEvents == 1 ? "" : "s") updated, \(book.cancelledEvents) cancelled, "
                      + "\(book.cancelledCalendars) calendar\(book.cancelledCalendars == 1 ? "" : "s") cancelled; "
                      + "notices.csv: \(notices.count) attendee\(notices.count == 1 ? "" : "s") to tell")
            }
            if let code = Interrupts.shared.exitCode { throw ExitCode(code) }
        } else {
            print("no plan; wrote \(destination.relativePathForDisplay)/summary.json")
            // An internal error (a plan the checker rejects, a solver failure) is 70, not "no plan".
            if case .error = outcome.termination { throw ExitCode(70) }
            throw ExitCode(1)
        }
    }
}

extension ScenarioFolder {
    /// The validated scenario, with its warnings printed; prints the errors and exits 65 if invalid.
    static func loadOrExit(_ path: String, limits: CSVLimits) throws -> Scenario {
        let loaded = ScenarioLoader.load(directory: try url(path), limits: limits)
        for d in loaded.diagnostics { Console.error(d.description) }
        guard let scenario = loaded.scenario else {
            Console.error("invalid scenario: \(loaded.errors.count) error\(loaded.errors.count == 1 ? "" : "s")")
            throw ExitCode(65)
        }
        return scenario
    }

    /// The planning instance for a venue id (nil: the first venue), with every leg's carbon
    /// estimate at `carbonPrice` per tonne, or a usage error naming the venues.
    static func instance(_ scenario: Scenario, venue: String?, carbonPrice: Double = 0) throws -> PlanningInstance {
        do {
            return try PlanningInstance(scenario, venue: venue.map { VenueID($0) },
                                        carbon: FlightEmissions.carbon(of: scenario.travel, pricePerTonne: carbonPrice))
        } catch {
            let known = scenario.venues.map(\.id.rawValue).joined(separator: ", ")
            throw ValidationError("\(error) (venues: \(known))")
        }
    }
}

enum PlanFolder {
    /// A folder may be replaced only if it looks like one of ours (it holds `marker`, e.g.
    /// summary.json for a plan folder) or is empty, so a mistyped `--out` never deletes someone's work.
    static func checkReplaceable(_ url: URL, marker: String = "summary.json", kind: String = "plan folder") throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            Console.error("error: \(url.path) exists and is not a folder; choose another --out")
            throw ExitCode(73)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if !entries.isEmpty, !entries.contains(marker) {
            Console.error("error: \(url.path) exists and is not a \(kind) (no \(marker)); choose another --out")
            throw ExitCode(73)
        }
    }
}

extension URL {
    /// The path relative to the current folder when it lies inside it.
    var relativePathForDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let p = standardizedFileURL.path
        return p.hasPrefix(cwd) ? String(p.dropFirst(cwd.count)) : p
    }
}

/// Search progress on standard error after the first 2 s: a live line on a terminal, a line every 15 s otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let live = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastLine = Date.distantPast
    private var wroteLive = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: SearchProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        // Quick solves print nothing; long ones a line every 15 s (or a live line on a terminal).
        if p.elapsed < 2 || (!live && now.timeIntervalSince(lastLine) < 15) { return }
        lastLine = now
        let incumbent = p.incumbent.map { String(format: "best plan %.0f", $0) } ?? "no plan yet"
        let bound = p.bound.map { String(format: "bound %.0f", $0) } ?? "bound –"
        let gap = p.gap.map { String(format: "gap %.2f %%", $0 * 100) } ?? "gap –"
        let line = String(format: "%6.1f s  ", p.elapsed) + "\(incumbent)  \(bound)  \(gap)"
        if live {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            wroteLive = true
        } else {
            Console.error(line)
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if wroteLive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `--uid-domain` and `--organizer`: how the calendars name themselves.
struct CalendarOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The domain after @ in every calendar UID (default: the baseline's, else one derived from the event name and date).",
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
                  !organizer.contains(where: { $0.isWhitespace || $0 == ":" || $0 == ";" || $0 == "," || $0 == "\"" }) else {
                throw ValidationError("--organizer must be an email address like events@example.com; got \"\(organizer)\"")
            }
        }
    }

    var settings: CalendarSettings { CalendarSettings(domain: uidDomain, organizer: organizer) }
}

/// `--baseline` and the change penalties of a re-plan.
struct ReplanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A published plan folder to keep as much of as the rules allow; changes.csv lists what moves.",
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
        for (name, v) in [("--move-penalty", movePenalty), ("--room-penalty", roomPenalty),
                          ("--rebook-penalty", rebookPenalty), ("--dinner-penalty", dinnerPenalty)] {
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
        for d in loaded.diagnostics { Console.error(d.description) }
        guard let plan = loaded.baseline else {
            Console.error("invalid baseline: \(loaded.errors.count) error\(loaded.errors.count == 1 ? "" : "s")")
            throw ExitCode(65)
        }
        return plan
    }
}

/// `--carbon-price`: an internal carbon price that makes emissions part of the cost.
struct CostOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Internal carbon price per tonne CO2e, in the event's currency: adds a carbon part to the cost minimised and to the total (0: emissions are reported, not priced).",
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

    @Option(help: "Timestamp for summary.json and calendar DTSTAMPs (ISO 8601 with offset), for reproducible files.")
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
