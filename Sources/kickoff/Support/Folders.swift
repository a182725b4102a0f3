import Airports
import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

extension ScenarioFolder {
    /// The validated scenario, with its warnings printed; prints the errors and exits 65 if invalid.
    static func loadOrExit(_ path: String, limits: CSVLimits) throws -> Scenario {
        let loaded = ScenarioLoader.load(directory: try url(path), limits: limits)
        for d in loaded.diagnostics { Console.diagnostic(d) }
        guard let scenario = loaded.scenario else {
            Console.error("invalid scenario: \(Figures.counted(loaded.errors.count, "error"))")
            throw ExitCode.dataError
        }
        return scenario
    }

    /// The planning instance for a venue id (nil: the first venue), with every leg's carbon
    /// estimate at `carbonPrice` per tonne, or a usage error naming the venues.
    static func instance(_ scenario: Scenario, venue: String?, carbonPrice: Double = 0) throws -> PlanningInstance {
        do {
            return try PlanningInstance(
                scenario, venue: venue.map { VenueID($0) },
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
            throw Failure.cannotCreate("\(url.path) exists and is not a folder; choose another --out")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if !entries.isEmpty, !entries.contains(marker) {
            throw Failure.cannotCreate("\(url.path) exists and is not a \(kind) (no \(marker)); choose another --out")
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
