import KickoffCore

/// Reads back the iCalendar files a plan folder holds (RFC 5545: unfolded lines, escaped TEXT,
/// UTC DATE-TIME values), as a baseline's published calendars.
///
/// It reads what a re-plan needs of each VEVENT — UID, SEQUENCE, DTSTART, DTEND, SUMMARY,
/// LOCATION, DESCRIPTION, STATUS —, the calendar's METHOD and whom it was written for
/// (`X-KICKOFF-ATTENDEE`, else an event's ATTENDEE); other properties are skipped.
/// Errors name the file and the line the property starts on.
public enum ICSReader {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) { self.line = line; self.message = message }
    }

    public static func read(_ bytes: [UInt8]) throws(Failure) -> Baseline.PublishedCalendar {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Unfold: a line starting with a space or tab continues the one before (§3.1). Lines are
        // split on the bytes: in a Swift String "\r\n" is one Character, not a "\n".
        var logical: [(line: Int, text: String)] = []
        var number = 0
        for raw in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let bytes = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            guard let line = String(validating: bytes, as: UTF8.self) else { throw Failure(line: number, message: "not UTF-8 text") }
            if let first = line.first, first == " " || first == "\t", !logical.isEmpty {
                logical[logical.count - 1].text += line.dropFirst()
            } else if !line.isEmpty {
                logical.append((number, line))
            }
        }
        guard logical.first?.text.uppercased() == "BEGIN:VCALENDAR" else {
            throw Failure(line: logical.first?.line ?? 1, message: "expected BEGIN:VCALENDAR")
        }
        var events: [Baseline.PublishedEvent] = []
        var email: String?, cancelsAll = false
        var current: [String: (line: Int, value: String)]?
        var began = 0, nested = 0  // nested: components inside the VEVENT (VALARM), whose properties are not the event's
        for (line, content) in logical {
            let (name, value) = split(content)
            // Only BEGIN, END and METHOD compare their value; upper-casing every value would cost
            // a third of the reading time at 10,000 calendars.
            let keyword = name == "BEGIN" || name == "END" || name == "METHOD" ? value.uppercased() : ""
            switch (name, keyword) {
            case ("BEGIN", "VEVENT"):
                if current != nil { throw Failure(line: line, message: "BEGIN:VEVENT inside another VEVENT") }
                current = [:]; began = line; nested = 0
            case ("END", "VEVENT"):
                guard let props = current else { throw Failure(line: line, message: "END:VEVENT without BEGIN:VEVENT") }
                events.append(try event(props, began: began))
                current = nil
            case ("METHOD", "CANCEL") where current == nil: cancelsAll = true
            case ("X-KICKOFF-ATTENDEE", _) where current == nil:
                if value.lowercased().hasPrefix("mailto:") { email = String(value.dropFirst(7)) }
            case ("BEGIN", _) where current != nil: nested += 1
            case ("END", _) where current != nil && nested > 0: nested -= 1
            default:
                guard current != nil, nested == 0 else { continue }
                if name == "ATTENDEE", value.lowercased().hasPrefix("mailto:") { email = String(value.dropFirst(7)) }
                if current![name] == nil { current![name] = (line, value) }
            }
        }
        if current != nil { throw Failure(line: began, message: "VEVENT is not closed (END:VEVENT missing)") }
        return Baseline.PublishedCalendar(events: events, email: email, cancelsAll: cancelsAll)
    }

    /// `NAME;PARAM=…:value` → (NAME upper-cased, value); a colon inside a quoted parameter is not the separator.
    static func split(_ content: String) -> (String, String) {
        let u = content.utf8
        var quoted = false, nameEnd: String.Index?
        for i in u.indices {
            let c = u[i]
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, c == UInt8(ascii: ";") || c == UInt8(ascii: ":"), nameEnd == nil { nameEnd = i }
            if !quoted, c == UInt8(ascii: ":") {
                return (String(content[..<(nameEnd ?? i)]).uppercased(), String(content[u.index(after: i)...]))
            }
        }
        return (content.uppercased(), "")
    }

    static func event(_ p: [String: (line: Int, value: String)], began: Int) throws(Failure) -> Baseline.PublishedEvent {
        func required(_ name: String) throws(Failure) -> (line: Int, value: String) {
            guard let v = p[name], !v.value.isEmpty else { throw Failure(line: began, message: "VEVENT has no \(name)") }
            return v
        }
        func instant(_ name: String) throws(Failure) -> Int {
            let v = try required(name)
            guard let t = utc(v.value) else {
                throw Failure(line: v.line, message: "\(name): expected a UTC date-time like 20270112T150000Z, got \(Diagnostic.quoted(v.value))")
            }
            return t
        }
        let uid = unescape(try required("UID").value)
        var sequence = 0
        if let s = p["SEQUENCE"] {
            guard let n = Int(s.value), n >= 0 else { throw Failure(line: s.line, message: "SEQUENCE: expected a whole number ≥ 0, got \(Diagnostic.quoted(s.value))") }
            sequence = n
        }
        let start = try instant("DTSTART"), end = try instant("DTEND")
        return Baseline.PublishedEvent(
            uid: uid, sequence: sequence, start: start, end: end, summary: unescape(p["SUMMARY"]?.value ?? ""),
            location: p["LOCATION"].map { unescape($0.value) }, description: p["DESCRIPTION"].map { unescape($0.value) },
            cancelled: p["STATUS"]?.value.uppercased() == "CANCELLED")
    }

    /// `20270112T150000Z` → minutes since the epoch.
    static func utc(_ s: String) -> Int? {
        let u = Array(s.utf8)
        guard u.count == 16, u[8] == UInt8(ascii: "T"), u[15] == UInt8(ascii: "Z"),
            let y = Int(String(s.prefix(4))), let mo = Int(String(s.dropFirst(4).prefix(2))), let d = Int(String(s.dropFirst(6).prefix(2))),
            let h = Int(String(s.dropFirst(9).prefix(2))), let mi = Int(String(s.dropFirst(11).prefix(2))),
            let sec = Int(String(s.dropFirst(13).prefix(2))), h < 24, mi < 60, sec < 61,
            let date = CivilDate(year: y, month: mo, day: d)
        else { return nil }
        return date.dayNumber * 1440 + h * 60 + mi
    }

    /// RFC 5545 §3.3.11 TEXT: `\\`, `\;`, `\,`, `\n` / `\N`.
    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "\\")) else { return s }
        var out = "", escaped = false
        for c in s {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
