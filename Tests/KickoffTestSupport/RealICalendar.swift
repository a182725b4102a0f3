import Foundation

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
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                               ["python3", repositoryRoot.appendingPathComponent("Tests/Support/ics_parse.py").path, folder.path])
        guard r.status == 0 else {
            throw Failure(description: "ics_parse.py exited \(r.status): \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode([String: Calendar].self, from: r.stdout)
    }
}
