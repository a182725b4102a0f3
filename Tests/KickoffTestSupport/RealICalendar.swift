import Foundation

/// Every .ics file under a folder as read by an independent, real iCalendar parser: Python's
/// `icalendar` package, run through `Tests/Support/ics_parse.py` (which `.ci/run` sets up).
///
/// The script also rejects what the plan folder promises never to write: a TZID, a VTIMEZONE,
/// a non-UTC time, a missing or repeated UID.
package enum RealICalendar {
    package struct Event: Decodable, Equatable, Sendable {
        package var uid: String
        package var sequence: Int
        package var status: String
        /// `2027-01-12T15:00Z`.
        package var start: String
        package var end: String
        package var summary: String
        package var location: String
        package var description: String
        package var organizer: String
        package var attendees: [String]

        /// Whether two versions show the same thing (SEQUENCE aside).
        package func showsSame(as other: Event) -> Bool {
            var a = self, b = other
            a.sequence = 0; b.sequence = 0
            return a == b
        }
    }

    package struct Calendar: Decodable, Equatable, Sendable {
        package var method: String
        /// `X-KICKOFF-ATTENDEE`: `mailto:` whom the calendar is for, or empty.
        package var `for`: String
        package var events: [Event]

        package func event(_ uid: String) -> Event? { events.first { $0.uid == uid } }
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// File path relative to `folder` → calendar.
    package static func parse(_ folder: URL) throws -> [String: Calendar] {
        let r = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", repositoryRoot.appendingPathComponent("Tests/Support/ics_parse.py").path, folder.path])
        guard r.status == 0 else {
            throw Failure(description: "ics_parse.py exited \(r.status): \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode([String: Calendar].self, from: r.stdout)
    }
}
