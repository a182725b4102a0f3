import Foundation
import KickoffIO

/// Every .ics file under a folder as read by an independent, real iCalendar parser: Python's
/// `icalendar` package, run through `Tests/Support/ics_parse.py` (which `.ci/run` sets up).
///
/// The script also rejects what the plan folder promises never to write: a TZID, a VTIMEZONE,
/// a non-UTC time, a missing or repeated UID.
public enum RealICalendar {
    public struct Event: Decodable, Equatable, Sendable {
        public var uid: String
        public var sequence: Int
        public var status: String
        /// `2027-01-12T15:00Z`.
        public var start: String
        public var end: String
        public var summary: String
        public var location: String
        public var description: String
        public var organizer: String
        public var attendees: [String]

        /// Whether two versions show the same thing (SEQUENCE aside).
        public func showsSame(as other: Event) -> Bool {
            var a = self, b = other
            a.sequence = 0; b.sequence = 0
            return a == b
        }
    }

    public struct Calendar: Decodable, Equatable, Sendable {
        public var method: String
        /// `X-KICKOFF-ATTENDEE`: `mailto:` whom the calendar is for, or empty.
        public var `for`: String
        public var events: [Event]

        public func event(_ uid: String) -> Event? { events.first { $0.uid == uid } }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// File path relative to `folder` → calendar.
    public static func parse(_ folder: URL) throws -> [String: Calendar] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/Support/ics_parse.py").path, folder.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "ics_parse.py exited \(p.terminationStatus): \(String(decoding: e, as: UTF8.self))")
        }
        return try JSONDecoder().decode([String: Calendar].self, from: o)
    }
}

/// A CSV file's records as column → value, read by Kickoff's own RFC 4180 reader (quoted fields too).
public func csvRecords(_ url: URL) throws -> [[String: String]] {
    let table = try CSVTable(file: url.lastPathComponent, bytes: [UInt8](Data(contentsOf: url)))
    let header = table.header.map(\.text)
    return table.records.map { r in
        Dictionary(zip(header, r.fields.map(\.text)), uniquingKeysWith: { a, _ in a })
    }
}
