import KickoffCore

/// RFC 5545 iCalendar text: CRLF line ends, lines folded at 75 octets, TEXT values escaped.
public struct ICalendar: Sendable {
    public struct Event: Sendable {
        public var uid: String
        /// Minutes since the epoch (UTC instants).
        public var start: Int
        public var end: Int
        public var summary: String
        public var location: String?
        public var description: String?

        public init(uid: String, start: Int, end: Int, summary: String, location: String? = nil, description: String? = nil) {
            self.uid = uid; self.start = start; self.end = end; self.summary = summary
            self.location = location; self.description = description
        }
    }

    public var name: String
    public var events: [Event]
    /// DTSTAMP of every event, minutes since the epoch (UTC).
    public var stamp: Int

    public init(name: String, events: [Event], stamp: Int) {
        self.name = name; self.events = events; self.stamp = stamp
    }

    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kickoff//kickoff 0.1//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendar.escape(name)]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + ICalendar.escape(e.uid), "DTSTAMP:" + ICalendar.utc(stamp),
                      "DTSTART:" + ICalendar.utc(e.start), "DTEND:" + ICalendar.utc(e.end),
                      "SUMMARY:" + ICalendar.escape(e.summary)]
            if let l = e.location { lines.append("LOCATION:" + ICalendar.escape(l)) }
            if let d = e.description { lines.append("DESCRIPTION:" + ICalendar.escape(d)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20270112T150000Z`.
    public static func utc(_ instant: Int) -> String {
        let t = Timestamp(instant: instant, offsetMinutes: 0)
        let d = t.date
        return "\(zeroPadded(d.year, 4))\(zeroPadded(d.month, 2))\(zeroPadded(d.day, 2))T\(t.time.compact)00Z"
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped.
    public static func escape(_ s: String) -> String {
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
    public static func fold(_ line: String) -> String {
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
