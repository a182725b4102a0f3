import KickoffCore

/// RFC 5545 iCalendar text: CRLF line ends, lines folded at 75 octets, TEXT values escaped.
package struct ICalendar: Sendable {
    /// RFC 5546 (iTIP) method: PUBLISH for a plan's calendars, CANCEL for an attendee who left.
    package enum Method: String, Sendable {
        case publish = "PUBLISH", cancel = "CANCEL"
    }

    package struct Event: Sendable, Equatable {
        package var uid: String
        /// Minutes since the epoch (UTC instants).
        package var start: Int
        package var end: Int
        package var summary: String
        package var location: String?
        package var description: String?
        /// RFC 5545 §3.8.7.4: raised whenever what the attendee sees changes.
        package var sequence = 0
        /// STATUS:CANCELLED instead of CONFIRMED.
        package var cancelled = false

        package init(
            uid: String, start: Int, end: Int, summary: String, location: String? = nil, description: String? = nil,
            sequence: Int = 0, cancelled: Bool = false
        ) {
            self.uid = uid; self.start = start; self.end = end; self.summary = summary
            self.location = location; self.description = description; self.sequence = sequence; self.cancelled = cancelled
        }

        /// Whether two versions of an event show the same thing (SEQUENCE aside).
        package func showsSame(as other: Event) -> Bool {
            var a = self, b = other
            a.sequence = 0; b.sequence = 0
            return a == b
        }
    }

    /// Who the calendar is for, when an email is known: `X-KICKOFF-ATTENDEE` on the calendar, and
    /// ATTENDEE on each event of a CANCEL.
    package struct Person: Sendable, Equatable {
        package var name: String
        package var email: String

        package init(name: String, email: String) { self.name = name; self.email = email }
    }

    package var name: String
    package var events: [Event]
    /// DTSTAMP of every event, minutes since the epoch (UTC).
    package var stamp: Int
    package var method: Method = .publish
    /// ORGANIZER's address (`--organizer`); RFC 5546 expects one on a CANCEL.
    package var organizer: String?
    package var attendee: Person?

    package init(name: String, events: [Event], stamp: Int, method: Method = .publish, organizer: String? = nil, attendee: Person? = nil) {
        self.name = name; self.events = events; self.stamp = stamp
        self.method = method; self.organizer = organizer; self.attendee = attendee
    }

    package var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kickoff//kickoff 0.1//EN", "CALSCALE:GREGORIAN",
            "METHOD:" + method.rawValue, "X-WR-CALNAME:" + ICalendar.escape(name)
        ]
        // Whom the calendar is for, so a later re-plan can address a CANCEL to someone who left.
        if let a = attendee { lines.append("X-KICKOFF-ATTENDEE;CN=" + ICalendar.parameter(a.name) + ":mailto:" + ICalendar.address(a.email)) }
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + ICalendar.escape(e.uid), "DTSTAMP:" + ICalendar.utc(stamp),
                "DTSTART:" + ICalendar.utc(e.start), "DTEND:" + ICalendar.utc(e.end),
                "SEQUENCE:\(e.sequence)", "STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"),
                "SUMMARY:" + ICalendar.escape(e.summary)
            ]
            if let l = e.location { lines.append("LOCATION:" + ICalendar.escape(l)) }
            if let d = e.description { lines.append("DESCRIPTION:" + ICalendar.escape(d)) }
            if let o = organizer { lines.append("ORGANIZER:mailto:" + ICalendar.address(o)) }
            // RFC 5546 §3.2.1: a PUBLISH carries no ATTENDEE; a CANCEL names whoever is removed (§3.2.5).
            if method == .cancel, let a = attendee { lines.append("ATTENDEE;CN=" + ICalendar.parameter(a.name) + ":mailto:" + ICalendar.address(a.email)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// An email address as a mailto URI's body: spaces and control characters dropped.
    package static func address(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init))
    }

    /// RFC 5545 §3.2: a parameter value is quoted when it holds `:`, `;` or `,`; it cannot hold
    /// a double quote or control characters, which become spaces.
    package static func parameter(_ s: String) -> String {
        let clean = String(s.unicodeScalars.map { $0 == "\"" || $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// `20270112T150000Z`.
    package static func utc(_ instant: Int) -> String {
        let t = Timestamp(instant: instant, offsetMinutes: 0)
        let d = t.date
        return "\(Figures.zeroPadded(d.year, 4))\(Figures.zeroPadded(d.month, 2))\(Figures.zeroPadded(d.day, 2))T\(t.time.compact)00Z"
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped.
    package static func escape(_ s: String) -> String {
        // Most values need nothing escaped: skip the rebuild.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            return s
        }
        var out = ""
        var previousCR = false
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case _ where ch.value < 0x20 || ch.value == 0x7F: out += " "
            default: out.unicodeScalars.append(ch)
            }
            previousCR = ch == "\r"
        }
        return out
    }

    /// RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space,
    /// never splitting a UTF-8 character.
    package static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", width = 0, limit = 75
        for ch in line.unicodeScalars {
            let n = String(ch).utf8.count
            if width + n > limit {
                out += "\r\n "
                width = 1
                limit = 75
            }
            out.unicodeScalars.append(ch)
            width += n
        }
        return out
    }
}
