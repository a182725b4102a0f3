import Foundation
import KickoffCore

/// Reads a plan folder written by `kickoff solve` back as a `Baseline` for re-planning.
///
/// It reads schedule.csv, itineraries.csv, dinners.csv, summary.json's `venue` and `status`, and
/// the published calendars itineraries/ID.ics (by itineraries.csv's order, as the writer names them).
/// Errors name the file (as `FOLDER/file.csv`), line and column, like scenario errors. Cells the
/// writer neutralised for spreadsheets (`'=…`) are read back as written by the planner.
public enum BaselineLoader {
    public struct Result: Sendable {
        public let baseline: Baseline?
        public let diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    }

    /// The plan folder's columns (`PlanFolderFormat`), and those a re-plan cannot do without.
    static let schema: [String: (known: [String], required: Set<String>)] = [
        "schedule.csv": (PlanFolderFormat.schedule, ["session", "date", "start", "room"]),
        "itineraries.csv": (PlanFolderFormat.itineraries, ["attendee", "team", "inbound", "outbound", "sessions"]),
        "dinners.csv": (PlanFolderFormat.dinners, ["team", "date", "restaurant"])
    ]

    public static func load(directory: URL, limits: CSVLimits = CSVLimits()) -> Result {
        let folder = directory.standardizedFileURL.lastPathComponent
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        let calendars = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("itineraries").path)) ?? []
        for name in ["summary.json"] + schema.keys.sorted() + calendars.filter({ $0.hasSuffix(".ics") }).sorted().map({ "itineraries/\($0)" }) {
            let url = directory.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            if size > limits.maxFileBytes {
                diagnostics.append(
                    .error(.fileTooLarge, "\(folder)/\(name)", nil, nil, "the file is \(ScenarioLoader.megabytes(size)) MB; the limit is \(ScenarioLoader.megabytes(limits.maxFileBytes)) MB"))
            } else if let data = FileManager.default.contents(atPath: url.path) {
                files[name] = [UInt8](data)
            }
        }
        return load(files: files, folder: folder, diagnostics: diagnostics, limits: limits)
    }

    /// Reads a baseline from file contents keyed by file name (calendars as `itineraries/NAME.ics`);
    /// `folder` prefixes file names in errors.
    public static func load(
        files: [String: [UInt8]], folder: String, diagnostics initial: [Diagnostic] = [],
        limits: CSVLimits = CSVLimits()
    ) -> Result {
        var diagnostics = initial
        func path(_ name: String) -> String { "\(folder)/\(name)" }
        guard let summary = files["summary.json"] else {
            if !initial.contains(where: { $0.file == path("summary.json") }) {
                diagnostics.append(.error(.missingFile, path("summary.json"), nil, nil, "missing: the baseline must be a plan folder written by kickoff solve"))
            }
            return Result(baseline: nil, diagnostics: diagnostics)
        }
        let decoded: PlanSummary.Identity
        do {
            decoded = try PlanSummary.identity(Data(summary))
        } catch {
            diagnostics.append(.error(.malformedFile, path("summary.json"), nil, nil, "\(error) (expected the summary.json kickoff solve writes)"))
            return Result(baseline: nil, diagnostics: diagnostics)
        }
        let venue = decoded.venue, status = decoded.status
        guard decoded.hasPlan else {
            diagnostics.append(.error(.malformedFile, path("summary.json"), nil, nil, "the baseline has no plan to keep (status \(Diagnostic.quoted(status)))"))
            return Result(baseline: nil, diagnostics: diagnostics)
        }
        var readers: [String: TableReader] = [:]
        for name in schema.keys.sorted() {
            guard let bytes = files[name] else {
                if !initial.contains(where: { $0.file == path(name) }) { diagnostics.append(.error(.missingFile, path(name), nil, nil, "required file is missing")) }
                continue
            }
            do {
                let table = try CSVTable(file: path(name), bytes: bytes, limits: limits)
                let reader = TableReader(table, known: schema[name]!.known, required: schema[name]!.required)
                if reader.missingRequired.isEmpty { readers[name] = reader } else { diagnostics += reader.diagnostics }
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        var placements: [Baseline.Placement] = [], itineraries: [Baseline.Itinerary] = [], dinners: [Baseline.Dinner] = []
        if let r = readers["schedule.csv"] {
            var seen: [String: Int] = [:]
            for row in r.rows {
                let session = r.required(row, "session").map(restore), date = r.date(row, "date", required: true)
                let start = r.requiredTime(row, "start"), room = r.required(row, "room").map(restore)
                guard let session, let date, let start, let room else { continue }
                if let first = seen[session] { r.error(row, "session", "\(Diagnostic.quoted(session)) is placed twice (first on line \(first))", code: .duplicate); continue }
                seen[session] = row.line
                placements.append(Baseline.Placement(session: session, date: date, start: start, room: room))
            }
            diagnostics += r.diagnostics
        }
        if let r = readers["itineraries.csv"] {
            var seen: [String: Int] = [:]
            for row in r.rows {
                guard let attendee = r.required(row, "attendee").map(restore) else { continue }
                let team = r.text(row, "team").map(restore) ?? ""
                let inbound = r.required(row, "inbound").map(restore), outbound = r.required(row, "outbound").map(restore)
                guard let inbound, let outbound else { continue }
                if (inbound == "local") != (outbound == "local") {
                    r.error(row, "outbound", "inbound and outbound must both be \"local\" or both travel ids", code: .inconsistent)
                    continue
                }
                if let first = seen[attendee] { r.error(row, "attendee", "\(Diagnostic.quoted(attendee)) has two itineraries (first on line \(first))", code: .duplicate); continue }
                seen[attendee] = row.line
                let local = inbound == "local"
                var it = Baseline.Itinerary(
                    attendee: attendee, team: team, inbound: local ? nil : inbound,
                    outbound: local ? nil : outbound, sessions: r.list(row, "sessions").map(restore))
                it.name = r.text(row, "name").map(restore) ?? ""
                itineraries.append(it)
            }
            diagnostics += r.diagnostics
        }
        if let r = readers["dinners.csv"] {
            var seen: [String: Int] = [:]
            for row in r.rows {
                let team = r.required(row, "team").map(restore), date = r.date(row, "date", required: true)
                let restaurant = r.required(row, "restaurant").map(restore)
                guard let team, let date, let restaurant else { continue }
                if let first = seen[team] { r.error(row, "team", "\(Diagnostic.quoted(team)) dines twice (first on line \(first))", code: .duplicate); continue }
                seen[team] = row.line
                dinners.append(Baseline.Dinner(team: team, date: date, restaurant: restaurant))
            }
            diagnostics += r.diagnostics
        }
        let calendars = readCalendars(files, itineraries: itineraries, path: path, &diagnostics)
        diagnostics.sort()
        let ok = !diagnostics.contains(where: \.isError)
        return Result(
            baseline: ok
                ? Baseline(
                    venue: venue, placements: placements, itineraries: itineraries, dinners: dinners,
                    calendars: calendars) : nil,
            diagnostics: diagnostics)
    }

    /// The calendars by attendee id, matched to itineraries.csv's rows by the writer's file names;
    /// nil when the folder holds none. A calendar no row names is a warning, unless it is the
    /// METHOD:CANCEL calendar of someone an earlier re-plan already took off.
    static func readCalendars(
        _ files: [String: [UInt8]], itineraries: [Baseline.Itinerary], path: (String) -> String,
        _ diagnostics: inout [Diagnostic]
    ) -> [String: Baseline.PublishedCalendar]? {
        let present = files.keys.filter { $0.hasPrefix("itineraries/") && $0.hasSuffix(".ics") }
        guard !present.isEmpty else { return nil }
        let ids = itineraries.map(\.attendee)
        var owner: [String: String] = [:]
        for (id, name) in zip(ids, Baseline.calendarNames(ids)) { owner["itineraries/\(name).ics"] = id }
        var out: [String: Baseline.PublishedCalendar] = [:]
        for file in present.sorted() {
            do throws(ICSReader.Failure) {
                let calendar = try ICSReader.read(files[file]!)
                if let id = owner[file] {
                    out[id] = calendar
                } else if !calendar.cancelsAll {
                    diagnostics.append(.warning(.ignoredFile, path(file), nil, nil, "no itineraries.csv row has this calendar; ignored"))
                }
            } catch {
                diagnostics.append(.error(.syntax, path(file), error.line, nil, error.message))
            }
        }
        return out
    }

    /// Undoes `CSVWriter.neutralize`: `'=x` was written for `=x`.
    static func restore(_ field: String) -> String {
        let u = field.utf8
        guard u.count > 1, u.first == 0x27, let second = u.dropFirst().first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(second) else {
            return field
        }
        return String(field.dropFirst())
    }
}
