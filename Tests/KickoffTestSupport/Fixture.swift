import Foundation
import KickoffCore
import KickoffIO

/// A tiny valid scenario held in memory, edited line by line by tests.
///
/// Line numbers are physical, header = line 1, exactly as diagnostics report them.
package struct Fixture: Sendable {
    package var files: [String: String]

    package init(files: [String: String]) { self.files = files }

    package init() {
        files = [
            "event.csv": """
            name,start_date,days,comp_plan_date
            Test SKO,2027-01-12,3,2027-02-01

            """,
            "attendees.csv": """
            id,name,team,role,manager_id,home,company,attainment
            M1,Mia Manager,East,manager,,BOS,Acme,130
            R1,Rob Rep,East,rep,M1,BOS,Acme,100
            R2,Rae Rep,West,rep,M1,SFO,Northwind,99.5%
            L1,Lou Local,West,se,M1,ORD,Acme,

            """,
            "venues.csv": """
            id,name,city,airport,timezone,daily_rate,hotel_rate,hotel_rooms
            CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,200,

            """,
            "rooms.csv": """
            venue,id,name,capacity,features
            CHI,BALL,Ballroom,100,stage;av
            CHI,B1,Breakout 1,10,

            """,
            "sessions.csv": """
            id,title,kind,audience,repeat,slots,needs,day,fixed_slot,allowed_slots,after,presenters
            OPEN,Opening,keynote,all,once,1,stage,1,D1-0900,,,
            PRAC,Practice,practice,role:rep,per_team,2,,,,,OPEN,
            TERR,Territory,territory,role:rep,per_team,1,,,,,PRAC,L1

            """,
            "travel.csv": """
            id,origin,destination,carrier,depart,arrive,price,seats
            T1,BOS,ORD,UA 1,2027-01-11T09:00-05:00,2027-01-11T11:00-06:00,200,
            T2,ORD,BOS,UA 2,2027-01-14T13:00-06:00,2027-01-14T16:10-05:00,210,

            """
        ]
    }

    /// Replaces physical line `line` (1-based) of `file`.
    package mutating func replace(_ file: String, line: Int, with text: String) {
        var lines = files[file]!.components(separatedBy: "\n")
        lines[line - 1] = text
        files[file] = lines.joined(separator: "\n")
    }

    /// Appends a row to `file` (after its last line).
    package mutating func append(_ file: String, _ row: String) {
        var t = files[file] ?? ""
        if !t.isEmpty, !t.hasSuffix("\n") { t += "\n" }
        files[file] = t + row + "\n"
    }

    package func load() -> LoadResult {
        ScenarioLoader.load(files: files.mapValues { Array($0.utf8) })
    }

    /// The diagnostics as printed, one string each.
    package func messages() -> [String] { load().diagnostics.map(\.description) }

    /// The loaded scenario; fails the caller's expectation loudly if invalid.
    package func scenario() throws -> Scenario {
        let r = load()
        guard let s = r.scenario else { throw FixtureError(diagnostics: r.diagnostics.map(\.description)) }
        return s
    }

    /// Writes the files into a new temporary folder and returns it.
    package func write() throws -> URL {
        let dir = try Scratch.folder("scenario")
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }
}

package struct FixtureError: Error, CustomStringConvertible {
    package var diagnostics: [String]
    package var description: String { diagnostics.joined(separator: "\n") }
}

/// The repository's root, found from this source file's place.
package let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
