import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffReport
import Subprocess
import SystemPackage

/// `kickoff compare DIR`: plan every venue (× start date) and rank the options.
///
/// GLPK keeps global, thread-local state and aborts the process on some errors, so options never
/// share a process: each is a `kickoff solve` child of this same binary, writing its plan folder
/// into the comparison's staging folder. The ranking reads the summary.json each child wrote, so a
/// row's figures are exactly what `kickoff solve` gives for that venue and date.
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan every venue (and start date) and rank the options by total cost.",
        discussion: """
            Writes a folder with compare.csv, compare.html (ranked table with each option's tonnes CO2e, a \
            stacked bar chart of the cost parts and a CO2e chart) and each option's full plan folder. Options run in parallel child processes, each a \
            `kickoff solve` run. Exit 0 when at least one option has a plan, 1 when none has.
            """
    )

    @OptionGroup var folder: ScenarioArgument

    @Option(
        help: ArgumentHelp("Venue ids to compare, comma-separated or repeated (default: every venue).", valueName: "ids"),
        transform: { try CommaList.parse($0, as: "a venue id") { $0 } })
    var venues: [[String]] = []

    @Option(
        help: ArgumentHelp("Start dates to compare, comma-separated or repeated, YYYY-MM-DD (default: event.csv's).", valueName: "dates"),
        transform: { try CommaList.parse($0, as: "a date like 2027-01-11", CivilDate.init(parsing:)) })
    var startDates: [[CivilDate]] = []

    @Option(help: "The comparison folder to write (default: compare-<scenario> beside the scenario). An existing comparison folder is replaced.")
    var out: String?

    @Option(help: "Options planned at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Search (each option's, as in solve)")
    var search: SearchOptions

    @OptionGroup(title: "Cost")
    var cost: CostOptions

    @Flag(help: "Print no progress while planning.")
    var quiet = false

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    struct Choice: Sendable {
        let venue: String
        let startDate: String
        let folder: String
    }

    func run() async throws {
        let url = folder.url
        let scenario = try ScenarioFolder.loadOrExit(folder.directory, limits: input.limits)
        let known = scenario.venues.map(\.id.rawValue)
        let chosen = CommaList.flatten(venues), venueIDs = chosen.isEmpty ? known : chosen
        for v in venueIDs where !known.contains(v) {
            throw ValidationError("unknown venue \"\(v)\" (venues: \(known.joined(separator: ", ")))")
        }
        let dates = (startDates.isEmpty ? [scenario.event.startDate] : CommaList.flatten(startDates)).map(\.description)
        // One plan folder per option, named file-safe from the venue (and date); ids that reduce
        // to the same name (`A/B`, `A_B`) get -2, -3, ….
        var used = Set<String>()
        let options = venueIDs.flatMap { v in dates.map { d in (v, d) } }.map { v, d in
            let base = PlanFiles.fileSafe(dates.count > 1 ? "\(v)-\(d)" : v)
            var folder = base, n = 2
            while !used.insert(folder.lowercased()).inserted || ["compare.csv", "compare.html"].contains(folder.lowercased()) {
                folder = "\(base)-\(n)"
                n += 1
            }
            return Choice(venue: v, startDate: d, folder: folder)
        }
        let destination =
            out.map { URL(fileURLWithPath: $0) }
            ?? url.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("compare-\(url.standardizedFileURL.lastPathComponent)")
        try PlanFolder.checkReplaceable(destination, marker: "compare.csv", kind: "comparison folder")
        let stamp = (search.now ?? Timestamp(instant: Int(Date().timeIntervalSince1970 / 60), offsetMinutes: 0)).description

        let staging: URL
        do { staging = try AtomicFolder.staging(for: destination, replace: true) } catch {
            throw Failure.cannotWrite(error)
        }
        let results: [ChildResult]
        Interrupts.shared.install()
        do {
            results = try await runAll(options, scenario: url, staging: staging, now: stamp)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        if let code = Interrupts.shared.exitCode {
            // A comparison is all its options or nothing: an existing comparison folder stays as it was.
            try? FileManager.default.removeItem(at: staging)
            Console.error("comparison interrupted; nothing written")
            throw ExitCode(code)
        }

        let report = CompareReport(event: scenario.event.name, currency: scenario.event.currency, options: results.map(\.option))
        do {
            try AtomicFolder.add(
                [("compare.csv", Data(report.csv.utf8)), ("compare.html", Data(report.html.utf8))],
                to: staging, for: destination)
            try AtomicFolder.commit(staging, to: destination, replace: true)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw Failure.cannotWrite(error)
        }

        print(report.text, terminator: "")
        if let best = report.ranked.first, best.hasPlan, let health = best.healthText {
            print("\nAgenda health at \(report.byDate ? "\(best.venue) \(best.startDate)" : best.venue):")
            print(health, terminator: "")
        }
        print("wrote \(destination.relativePathForDisplay): compare.csv, compare.html and \(Figures.counted(options.count, "plan folder")) (open compare.html)")
        if !report.ranked.contains(where: \.hasPlan) { throw ExitCode.noPlan }
    }

    struct ChildResult: Sendable {
        var option: CompareOption
    }

    /// Runs every option as a `kickoff solve` child, at most `jobs` at once (a task group that
    /// starts the next option as one ends); results in option order.
    func runAll(_ options: [Choice], scenario: URL, staging: URL, now: String) async throws -> [ChildResult] {
        let executable = try Self.executable()
        let running = RunningChildren()
        // A signal reaches the children too when it comes from the terminal; pass it on when it does not.
        Interrupts.shared.onSignal { sig in running.signal(sig) }
        let started = Date()
        let arguments = options.map { o in
            [
                "solve", scenario.path, "--venue", o.venue, "--out", staging.appendingPathComponent(o.folder).path,
                "--time-limit", String(search.timeLimit), "--gap", String(search.gap), "--now", now, "--quiet",
                "--carbon-price", String(cost.carbonPrice)
            ] + input.arguments + (startDates.isEmpty ? [] : ["--start-date", o.startDate])
        }
        var results = [ChildResult?](repeating: nil, count: options.count)
        await withTaskGroup(of: (Int, ChildResult).self) { group in
            var next = 0
            func startNext() {
                guard next < options.count else { return }
                let i = next, o = options[i], args = arguments[i]
                next += 1
                group.addTask {
                    if Interrupts.shared.requested {
                        return (
                            i,
                            ChildResult(
                                option: CompareOption(
                                    venue: o.venue, startDate: o.startDate, folder: o.folder,
                                    status: "error", reasons: ["interrupted"]))
                        )
                    }
                    return (i, await Self.runChild(executable, args, option: o, staging: staging, running: running))
                }
            }
            for _ in 0..<min(jobs, options.count) { startNext() }
            var done = 0
            for await (i, r) in group {
                results[i] = r
                done += 1
                if !quiet {
                    let o = options[i], what = r.option.total.map { " \(Figures.money($0))" } ?? ""
                    Console.error(
                        String(format: "[%d/%d %5.1f s] ", done, options.count, Date().timeIntervalSince(started))
                            + "\(o.venue)\(!startDates.isEmpty ? " \(o.startDate)" : ""): \(r.option.status)\(what)")
                }
                startNext()
            }
        }
        return results.map { $0! }
    }

    /// One `kickoff solve` child, run through swift-subprocess: its figures come from the
    /// summary.json it writes; only its standard error is kept, for the reason a failed child gives.
    static func runChild(_ executable: URL, _ args: [String], option o: Choice, staging: URL, running: RunningChildren) async -> ChildResult {
        let fallback = CompareOption(venue: o.venue, startDate: o.startDate, folder: o.folder, status: "error")
        let status: TerminationStatus, stderr: String
        do {
            let result = try await Subprocess.run(
                .path(FilePath(executable.path)), arguments: Arguments(args), input: .none, output: .discarded,
                error: .string(limit: 1 << 20)
            ) { execution in
                running.started(execution.processIdentifier.value)
            }
            running.finished(result.processIdentifier.value)
            status = result.terminationStatus
            stderr = result.standardError ?? ""
        } catch {
            var r = fallback
            r.reasons = ["could not run \(executable.path): \(error)"]
            return ChildResult(option: r)
        }
        let summary = staging.appendingPathComponent(o.folder).appendingPathComponent("summary.json")
        if case .exited(let code) = status, [0, 1, 70].contains(code), let data = try? Data(contentsOf: summary),
            let parsed = try? CompareOption(summary: data, folder: o.folder)
        {
            return ChildResult(option: parsed)
        }
        var r = fallback
        let last = stderr.split(separator: "\n").last.map(String.init)
        r.reasons = [last ?? "kickoff solve ended \(status)"]
        return ChildResult(option: r)
    }

    /// This very binary, so children run the same code.
    static func executable() throws -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        if let url = Bundle.main.executableURL { return url }
        throw ValidationError("cannot find the kickoff executable to run options")
    }
}

/// Results filled in by worker threads, and the children running now.
/// The children running now, by process id, so a signal that did not come from the terminal
/// (a `kill` of this process alone) reaches them too.
final class RunningChildren: @unchecked Sendable {
    private let lock = NSLock()
    private var pids = Set<pid_t>()

    func started(_ pid: pid_t) {
        lock.lock(); defer { lock.unlock() }
        pids.insert(pid)
        if let sig = Interrupts.shared.caught { kill(pid, sig) }  // started as the signal came
    }

    func finished(_ pid: pid_t) {
        lock.lock(); defer { lock.unlock() }
        pids.remove(pid)
    }

    func signal(_ sig: Int32) {
        lock.lock(); defer { lock.unlock() }
        for pid in pids { kill(pid, sig) }
    }
}
