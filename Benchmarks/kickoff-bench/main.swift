// kickoff-bench: plans generated scenarios of several sizes and prints a table.
//
//   swift run -c release kickoff-bench [--sizes 100,300,1000,2000] [--seed 7] [--time-limit 120] [--venue CHI]
//                                      [--gap 0] [--teams N] [--venues 3] [--weeks 1]
//   swift run -c release kickoff-bench --churn 0.05 [--sizes …]   (re-planning: keep rates after churn)
//   swift run -c release kickoff-bench --compare-solvers [--sizes …]  (the same program in HiGHS and CBC)
//   swift run -c release kickoff-bench --scenarios DIR… [--venue V] [--best-known BEST-KNOWN.md] [--compare-solvers]
//                                      (scenario folders from elsewhere: each folder, or each subfolder with event.csv,
//                                       at every venue; `vs best` against the best-known table when given)
//   swift run -c release kickoff-bench --scenarios DIR… --agenda-only [--venue V] [--time-limit 60] [--seed 7]
//                                      [--probe 1] [--eviction paths|fitting]
//                                      (the agenda repair search alone, each weighing on one thread: seconds
//                                       to a complete agenda, or the sessions still left out at the limit,
//                                       each of those on standard error with what blocks it; --probe first
//                                       drops starts by `StartFilter` for up to that many seconds, as the
//                                       planner does for 1 s, default 0: every start; --eviction: a session
//                                       without a room evicts along the matching's alternating paths, the
//                                       default, or only the holders of the rooms it fits)
//
// --compare-solvers exports each size's monolithic program (as `kickoff export-model` does) and
// solves it with Benchmarks/solvers/highs.py (pip install highspy) and cbc.py (apt install
// coinor-cbc) under the same time limit and relative gap as Kickoff (--gap, default 0: prove
// optimality). The ratio is Kickoff's end-to-end seconds (read CSV → plan folder written) over
// theirs (read file → solve). --teams overrides the generator's team count (about √attendees)
// for every size: `--sizes 10000 --teams 148` is issue 5's 10,000 / 400 sessions / 25 rooms shape;
// --venues and --weeks multiply travel.csv (8 venues × 8 weeks: 211,000 rows at 10,000 attendees).
//
// --time-limit covers the whole run, reading to writing, as in `kickoff solve`.
//
// Each size runs in its own child process (this binary with --one), so the peak memory
// reported is that size's alone. Phases: load (parse + validate the CSV bytes), build (the
// integer program and the heuristic), solve (GLPK behind the block decomposition), write
// (every plan file rendered and written atomically to a temporary folder).
import Airports
import Foundation
import GLPKBackend
import KickoffCore
import KickoffGenerate
import KickoffIO
import KickoffPlan
import KickoffPlanner
import KickoffReport
import MIP

func arg(_ name: String) -> String? {
    let a = CommandLine.arguments
    guard let i = a.firstIndex(of: name), i + 1 < a.count else { return nil }
    return a[i + 1]
}

func seconds(since t: Date) -> Double { Date().timeIntervalSince(t) }

func peakRSSMiB() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // KiB on Linux
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
    #endif
}

/// Solves an exported model file with another solver through `Benchmarks/solvers/NAME.py`:
/// (status, objective, bound, seconds) as the script prints them.
func otherSolver(_ name: String, file: URL, timeLimit: Double, gap: Double) -> [String] {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("solvers/\(name).py")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script.path, file.path, String(timeLimit), String(gap)]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return ["missing", "–", "–", "–"] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let f = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) } ?? []
    return f.count == 4 && p.terminationStatus == 0 ? f : ["failed", "–", "–", "–"]
}

/// One size, in this process; prints one line of tab-separated fields.
func runOne(
    size: Int, seed: UInt64, timeLimit: Double, gap: Double, teams: Int?, venues: Int, weeks: Int, venue: String?,
    compareSolvers: Bool
) {
    var generation = GeneratorOptions(attendees: size, seed: seed)
    generation.teams = teams
    generation.venues = venues
    generation.weeks = weeks
    var generator = ScenarioGenerator(generation)
    let files = generator.files()
    // The scenario goes to disk and is read from there, as `kickoff solve` reads it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-bench-in-\(UUID().uuidString)")
    try! AtomicFolder.write(files.map { ($0.name, Data($0.text.utf8)) }, to: folder, replace: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    sync()  // on disk already, as a user's scenario is: writing the plan should not flush it

    var t = Date()
    let loaded = ScenarioLoader.load(directory: folder)
    let load = seconds(since: t)
    guard let scenario = loaded.scenario else {
        print("error\tinvalid generated scenario: \(loaded.diagnostics.first.map(\.description) ?? "")")
        return
    }
    let instance = try! PlanningInstance(scenario, venue: venue.map { VenueID($0) }, carbon: FlightEmissions.carbon(of: scenario.travel))
    var options = SolveOptions()
    // The limit covers the whole run, as `kickoff solve --time-limit` does.
    options.timeLimit = Planner.searchSeconds(within: timeLimit, after: load, attendees: size)
    options.relativeGap = gap
    options.threads = ProcessInfo.processInfo.activeProcessorCount
    t = Date()
    let outcome = Planner(solver: DecomposingSolver(GLPKSolver.racing)).plan(instance, options: options)
    let total = seconds(since: t)

    t = Date()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-bench-\(UUID().uuidString)")
    let planFiles = PlanFiles(instance, outcome, now: 0).files
    try? AtomicFolder.write(planFiles, to: out, replace: false)
    let write = seconds(since: t)
    try? FileManager.default.removeItem(at: out)

    let s = outcome.stats
    var others: [String] = []
    if compareSolvers {
        // The monolithic program, as `kickoff export-model` writes it; the others get the same limit and gap.
        let mps = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-bench-\(UUID().uuidString).mps")
        defer { try? FileManager.default.removeItem(at: mps) }
        try! ModelFileWriter.write(Formulation(instance).model, format: .mps, to: mps)
        let kickoff = load + total + write
        for name in ["highs", "cbc"] {
            let r = otherSolver(name, file: mps, timeLimit: timeLimit, gap: gap)
            let ratio = Double(r[3]).map { String(format: "%.2f", kickoff / $0) } ?? "–"
            others += [r[0], r[1] == "-" ? "–" : String(format: "%.0f", Double(r[1]) ?? 0), r[3], ratio]
        }
    }
    let fields: [String] =
        [
            "ok", String(size), String(scenario.travel.count), String(s.sessions), String(instance.rooms.count), String(s.variables), String(s.constraints),
            String(format: "%.2f", load), String(format: "%.2f", outcome.buildSeconds), String(format: "%.2f", total - outcome.buildSeconds),
            String(format: "%.2f", write), String(format: "%.0f", peakRSSMiB()), outcome.termination.statusWord,
            outcome.objective.map { String(format: "%.0f", $0) } ?? "–", outcome.bound.map { String(format: "%.0f", $0) } ?? "–",
            outcome.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "–",
            outcome.heuristicObjective.map { String(format: "%.0f", $0) } ?? "–",
            String(format: "%.2f", load + total + write)
        ] + others
    print(fields.joined(separator: "\t"))
}

/// Re-planning after churn, in this process: plan, churn `share` of the attendees (`AttendeeChurn`),
/// re-plan against the first plan's files read back as a baseline, and plan the changed scenario
/// afresh for the price of stability. Prints one line of tab-separated fields.
func runChurn(size: Int, seed: UInt64, share: Double, timeLimit: Double, venue: String?) {
    var generator = ScenarioGenerator(GeneratorOptions(attendees: size, seed: seed))
    let files = Dictionary(uniqueKeysWithValues: generator.files().map { ($0.name, $0.text) })
    func plan(_ files: [String: String], baseline: Baseline? = nil) -> (PlanningInstance, PlanOutcome, Double) {
        let scenario = ScenarioLoader.load(files: files.mapValues { Array($0.utf8) }).scenario!
        let instance = try! PlanningInstance(scenario, venue: venue.map { VenueID($0) }, carbon: FlightEmissions.carbon(of: scenario.travel))
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.threads = ProcessInfo.processInfo.activeProcessorCount
        let t = Date()
        let match = baseline.map { BaselineMatch($0, instance: instance) }
        let outcome = Planner(solver: DecomposingSolver(GLPKSolver.racing)).plan(instance, baseline: match, options: options)
        return (instance, outcome, seconds(since: t))
    }
    let (inst0, first, firstSeconds) = plan(files)
    let written = PlanFiles(inst0, first, now: 0).files
    let base = BaselineLoader.load(
        files: Dictionary(written.map { ($0.path, [UInt8]($0.contents)) }, uniquingKeysWith: { a, _ in a }),
        folder: "base"
    ).baseline!
    let churn = try! AttendeeChurn(files, share: share, seed: seed)
    let (inst1, replan, replanSeconds) = plan(churn.files, baseline: base)
    let (_, fresh, freshSeconds) = plan(churn.files)
    guard let c = replan.changes, let cost = replan.objective, let freshCost = fresh.objective else {
        print("error\tno re-plan: \(replan.reasons.first.map { $0.sentence(in: inst1) } ?? replan.termination.statusWord)")
        return
    }
    func pct(_ t: PlanChanges.Tally) -> String { t.rate.map { String(format: "%.1f %%", $0 * 100) } ?? "–" }
    let fields: [String] = [
        "ok", String(size), String(churn.left.count), String(churn.joined.count),
        first.termination.statusWord, String(format: "%.1f", firstSeconds),
        replan.termination.statusWord, String(format: "%.1f", replanSeconds), replan.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "–",
        "\(c.sessions.kept)/\(c.sessions.compared) (\(pct(c.sessions)))",
        "\(c.unchangedTravellers.kept)/\(c.unchangedTravellers.compared) (\(pct(c.unchangedTravellers)))",
        "\(c.dinners.kept)/\(c.dinners.compared)", String(format: "%.0f", replan.penalty),
        String(format: "%.0f", cost), String(format: "%.0f", freshCost), fresh.termination.statusWord, String(format: "%.1f", freshSeconds),
        String(format: "%.3f %%", (cost - freshCost) / freshCost * 100), String(format: "%.0f", peakRSSMiB())
    ]
    print(fields.joined(separator: "\t"))
}

/// Best known costs by "scenario|venue", read from a BEST-KNOWN.md table
/// (`| scenario | attendees | venue | best known | how | … |`).
func bestKnown(_ path: String?) -> [String: (cost: Double, how: String)] {
    guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var out: [String: (Double, String)] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("|") {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count > 5, let cost = Double(cells[4].replacingOccurrences(of: ",", with: "")) else { continue }
        out["\(cells[1])|\(cells[3])"] = (cost, cells[5])
    }
    return out
}

/// Scenario folders named on the command line: a folder with event.csv, or each such subfolder.
func scenarioFolders(_ paths: [String]) -> [URL] {
    let fm = FileManager.default
    return paths.flatMap { path -> [URL] in
        let url = URL(fileURLWithPath: path)
        if fm.fileExists(atPath: url.appendingPathComponent("event.csv").path) { return [url] }
        let children = (try? fm.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return children.filter { fm.fileExists(atPath: $0.appendingPathComponent("event.csv").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// One scenario folder and venue, in this process, end to end as `kickoff solve` runs it;
/// prints one line of tab-separated fields.
func runScenario(_ folder: URL, venue: String, timeLimit: Double, gap: Double, compareSolvers: Bool) {
    let began = Date()
    let loaded = ScenarioLoader.load(directory: folder)
    let load = seconds(since: began)
    guard let scenario = loaded.scenario else {
        print("error\tinvalid scenario: \(loaded.errors.first.map(\.description) ?? "")")
        return
    }
    let instance = try! PlanningInstance(scenario, venue: VenueID(venue), carbon: FlightEmissions.carbon(of: scenario.travel))
    var options = SolveOptions()
    options.timeLimit = Planner.searchSeconds(within: timeLimit, after: load, attendees: scenario.attendees.count)
    options.relativeGap = gap
    options.threads = ProcessInfo.processInfo.activeProcessorCount
    let t = Date()
    let outcome = Planner(solver: DecomposingSolver(GLPKSolver.racing)).plan(instance, options: options)
    let plan = seconds(since: t)
    let w = Date()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-bench-\(UUID().uuidString)")
    try? AtomicFolder.write(PlanFiles(instance, outcome, now: 0).files, to: out, replace: false)
    let write = seconds(since: w)
    try? FileManager.default.removeItem(at: out)
    let kickoff = seconds(since: began)
    var others: [String] = []
    if compareSolvers {
        let mps = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-bench-\(UUID().uuidString).mps")
        defer { try? FileManager.default.removeItem(at: mps) }
        try! ModelFileWriter.write(Formulation(instance).model, format: .mps, to: mps)
        for name in ["highs", "cbc"] {
            let r = otherSolver(name, file: mps, timeLimit: timeLimit, gap: gap)
            let ratio = Double(r[3]).map { String(format: "%.2f", kickoff / $0) } ?? "–"
            others += [r[0], r[1] == "-" ? "–" : String(format: "%.2f", Double(r[1]) ?? 0), r[3], ratio]
        }
    }
    let s = outcome.stats
    let fields: [String] =
        [
            "ok", String(scenario.attendees.count), String(s.sessions), String(instance.rooms.count), outcome.termination.statusWord,
            outcome.objective.map { String(format: "%.2f", $0) } ?? "–", outcome.bound.map { String(format: "%.2f", $0) } ?? "–",
            outcome.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "–",
            outcome.heuristicObjective.map { String(format: "%.2f", $0) } ?? "–",
            outcome.heuristicSeconds.map { String(format: "%.2f", $0 + load) } ?? "–",
            outcome.partial.map { "\($0.unplaced.count) / \($0.affectedAttendees)" } ?? "–",
            String(format: "%.2f", load), String(format: "%.2f", plan), String(format: "%.2f", write), String(format: "%.2f", kickoff),
            String(format: "%.0f", peakRSSMiB())
        ] + others
    print(fields.joined(separator: "\t"))
}

/// The agenda repair search alone for one scenario folder and venue, in this process, each
/// weighing from the same brief start: seconds until every session is placed (or what is left
/// out at the limit) and the search's iterations. Prints one line of tab-separated fields.
func runAgendaOnly(_ folder: URL, venue: String, timeLimit: Double) {
    guard let scenario = ScenarioLoader.load(directory: folder).scenario else {
        print("error\tinvalid scenario")
        return
    }
    let instance = try! PlanningInstance(scenario, venue: VenueID(venue), carbon: FlightEmissions.carbon(of: scenario.travel))
    let probe = Double(arg("--probe") ?? "0") ?? 0
    let starts = probe > 0 ? StartFilter.run(instance, deadline: Date().addingTimeInterval(probe)) : nil
    if let starts {
        FileHandle.standardError.write(
            Data("\(venue) probing: \(starts.dropped) starts dropped in \(String(format: "%.2f", starts.seconds)) s\(starts.complete ? "" : " (cut short)")\n".utf8))
    }
    let f = Formulation(instance, starts: starts)
    var fields = ["ok", String(scenario.attendees.count), String(instance.agenda.sessions.count), String(instance.rooms.count)]
    for weighing in [AgendaSearch.Weighing.perEviction, .byAudience] {
        let t = Date()
        guard let r = AgendaSearch.run(f, seed: seed, weighing: weighing, eviction: eviction, deadline: t.addingTimeInterval(timeLimit)) else {
            fields += ["no options", "–", "–"]
            continue
        }
        // What is left out, and what blocks it, on standard error (the table stays on standard output).
        for u in r.unplaced {
            let session = instance.agenda.sessions[u.session]
            FileHandle.standardError.write(
                Data("\(venue) \(weighing): \(session.id) (\(u.audience) attendees) left out: \(u.blockedBy.joined(separator: "; "))\n".utf8))
        }
        fields += [
            r.unplaced.isEmpty ? "complete" : "\(r.unplaced.count) / \(r.affectedAttendees)",
            String(format: "%.2f", seconds(since: t)), String(r.iterations)
        ]
    }
    print(fields.joined(separator: "\t"))
}

/// Prints a line unbuffered, so each row shows as soon as its run ends (also into a file).
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// The benchmark over scenario folders: every venue of each (or `--venue`), each in a child process.
func runScenarios(_ paths: [String], venue: String?, timeLimit: Double, gap: Double, compareSolvers: Bool, best: [String: (cost: Double, how: String)]) {
    if agendaOnly { return runAgendaScenarios(paths, venue: venue, timeLimit: timeLimit) }
    emit("kickoff-bench: scenario folders, time limit \(Int(timeLimit)) s (whole run), gap \(gap), GLPK \(GLPK.version)")
    let header =
        [
            "scenario", "venue", "attendees", "sessions", "rooms", "status", "objective", "best known", "vs best", "bound", "gap",
            "first plan", "first plan s", "unplaced / attendees", "load s", "plan s", "write s", "end to end s", "peak MiB"
        ]
        + (compareSolvers ? ["HiGHS", "HiGHS objective", "HiGHS s", "Kickoff / HiGHS", "CBC", "CBC objective", "CBC s", "Kickoff / CBC"] : [])
    emitHeader(header)
    forEachVenue(of: paths, venue: venue) { folder, name, v in
        var arguments = ["--one-scenario", folder.path, "--venue", v, "--time-limit", String(timeLimit), "--gap", String(gap)]
        if compareSolvers { arguments.append("--compare-solvers") }
        let f = child(arguments)
        guard f.first == "ok" else {
            emit("| \(name) | \(v) | failed: \(f.joined(separator: " ")) |")
            return
        }
        var known = ["–", "–"]
        if let b = best["\(name)|\(v)"] {
            known[0] = String(format: "%.2f", b.cost) + (b.how == "optimal" ? " (opt)" : "")
            if let o = Double(f[5]) { known[1] = String(format: "%+.3f %%", (o - b.cost) / b.cost * 100) }
        }
        emit("| " + ([name, v] + f[1...5] + known + f[6...]).joined(separator: " | ") + " |")
    }
}

/// A Markdown table's header and alignment rows.
func emitHeader(_ header: [String]) {
    emit("| " + header.joined(separator: " | ") + " |")
    emit("|" + header.map { _ in "---:" }.joined(separator: "|") + "|")
}

/// Each venue of each scenario folder (or only `venue`), with the folder and its name; a folder
/// that does not load gets a row saying so.
func forEachVenue(of paths: [String], venue: String?, _ body: (URL, String, String) -> Void) {
    for folder in scenarioFolders(paths) {
        let name = folder.lastPathComponent
        guard let scenario = ScenarioLoader.load(directory: folder).scenario else {
            emit("| \(name) | – | invalid scenario |")
            continue
        }
        for v in scenario.venues.map(\.id.rawValue) where venue == nil || venue == v { body(folder, name, v) }
    }
}

/// `--agenda-only` over scenario folders: each venue in a child process.
func runAgendaScenarios(_ paths: [String], venue: String?, timeLimit: Double) {
    let evicting = eviction == .fittingRooms ? "the holders of fitting rooms" : "along alternating paths"
    emit("kickoff-bench: the agenda repair search alone, each weighing up to \(Int(timeLimit)) s on one thread, evicting \(evicting)")
    let header = ["scenario", "venue", "attendees", "sessions", "rooms", "per eviction", "s", "iterations", "by audience", "s", "iterations"]
    emitHeader(header)
    forEachVenue(of: paths, venue: venue) { folder, name, v in
        let f = child([
            "--one-agenda", folder.path, "--venue", v, "--time-limit", String(timeLimit), "--seed", String(seed), "--probe", arg("--probe") ?? "0",
            "--eviction", arg("--eviction") ?? "paths"
        ])
        emit("| " + (f.first == "ok" ? ([name, v] + f.dropFirst()) : [name, v, "failed: \(f.joined(separator: " "))"]).joined(separator: " | ") + " |")
    }
}

/// Runs this binary with `arguments` and returns the tab-separated fields of its last line.
func child(_ arguments: [String]) -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !FileManager.default.isExecutableFile(atPath: p.executableURL!.path) {
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    guard (try? p.run()) != nil else { return ["failed to start"] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit \(p.terminationStatus)"
    return line.split(separator: "\t").map(String.init)
}

if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    // The opening comment of this file says what each option does.
    print(
        """
        usage: kickoff-bench [--sizes 100,300,1000,2000] [--seed 7] [--time-limit 120] [--venue V] [--gap 0]
                             [--teams N] [--venues 3] [--weeks 1] [--churn SHARE] [--compare-solvers]
               kickoff-bench --scenarios DIR… [--venue V] [--best-known BEST-KNOWN.md] [--time-limit 120] [--gap 0]
                             [--compare-solvers]
               kickoff-bench --scenarios DIR… --agenda-only [--venue V] [--time-limit 60] [--seed 7] [--probe 1]
                             [--eviction paths|fitting]
        Prints a Markdown table, a row per size (generated scenarios) or per scenario and venue.
        """)
    exit(0)
}

let seed = UInt64(arg("--seed") ?? "7") ?? 7
let timeLimit = Double(arg("--time-limit") ?? "120") ?? 120
let venue = arg("--venue")
let gap = Double(arg("--gap") ?? "0") ?? 0
let teams = arg("--teams").flatMap(Int.init)
let venues = arg("--venues").flatMap(Int.init) ?? 3
let weeks = arg("--weeks").flatMap(Int.init) ?? 1

let churn = arg("--churn").flatMap(Double.init)
let compareSolvers = CommandLine.arguments.contains("--compare-solvers")
let agendaOnly = CommandLine.arguments.contains("--agenda-only")
let eviction: AgendaSearch.Eviction
switch arg("--eviction") ?? "paths" {
case "paths": eviction = .alternatingPaths
case "fitting": eviction = .fittingRooms
case let other:
    FileHandle.standardError.write(Data("kickoff-bench: --eviction takes paths or fitting, not \(other)\n".utf8))
    exit(64)
}

if let one = arg("--one-agenda") {
    runAgendaOnly(URL(fileURLWithPath: one), venue: venue!, timeLimit: timeLimit)
    exit(0)
}
if let one = arg("--one-scenario") {
    runScenario(URL(fileURLWithPath: one), venue: venue!, timeLimit: timeLimit, gap: gap, compareSolvers: compareSolvers)
    exit(0)
}
if let i = CommandLine.arguments.firstIndex(of: "--scenarios") {
    let paths = CommandLine.arguments[(i + 1)...].prefix { !$0.hasPrefix("--") }
    runScenarios(Array(paths), venue: venue, timeLimit: timeLimit, gap: gap, compareSolvers: compareSolvers, best: bestKnown(arg("--best-known")))
    exit(0)
}

if let one = arg("--one").flatMap(Int.init) {
    if let churn {
        runChurn(size: one, seed: seed, share: churn, timeLimit: timeLimit, venue: venue)
    } else {
        runOne(
            size: one, seed: seed, timeLimit: timeLimit, gap: gap, teams: teams, venues: venues, weeks: weeks, venue: venue,
            compareSolvers: compareSolvers)
    }
    exit(0)
}

let sizes = (arg("--sizes") ?? "100,300,1000,2000").split(separator: ",").compactMap { Int($0) }
let header =
    churn != nil
    ? [
        "attendees", "left", "joined", "plan", "plan s", "re-plan", "re-plan s", "re-plan gap", "sessions kept",
        "unchanged travellers kept", "dinners kept", "penalty", "re-plan cost", "fresh cost", "fresh", "fresh s", "price of stability", "peak MiB"
    ]
    : [
        "attendees", "travel rows", "sessions", "rooms", "variables", "constraints", "load s", "build s", "solve s", "write s",
        "peak MiB", "status", "objective", "bound", "gap", "first plan", "end to end s"
    ]
        + (compareSolvers ? ["HiGHS", "HiGHS objective", "HiGHS s", "Kickoff / HiGHS", "CBC", "CBC objective", "CBC s", "Kickoff / CBC"] : [])
print(
    "kickoff-bench: seed \(seed), time limit \(Int(timeLimit)) s, gap \(gap), venue \(venue ?? "first"), GLPK \(GLPK.version)"
        + (teams.map { ", \($0) teams" } ?? "") + ", \(venues) venues, \(Figures.counted(weeks, "week")) of legs"
        + (churn.map { ", churn \($0)" } ?? ""))
print("| " + header.joined(separator: " | ") + " |")
print("|" + header.map { _ in "---:" }.joined(separator: "|") + "|")
for size in sizes {
    var arguments = ["--one", String(size), "--seed", String(seed), "--time-limit", String(timeLimit), "--gap", String(gap)]
    if let venue { arguments += ["--venue", venue] }
    if let teams { arguments += ["--teams", String(teams)] }
    arguments += ["--venues", String(venues), "--weeks", String(weeks)]
    if let churn { arguments += ["--churn", String(churn)] }
    if compareSolvers { arguments.append("--compare-solvers") }
    let f = child(arguments)
    if f.first == "ok" {
        print("| " + f.dropFirst().joined(separator: " | ") + " |")
    } else {
        print("| \(size) | failed: \(f.joined(separator: " ")) |")
    }
}
