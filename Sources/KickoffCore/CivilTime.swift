/// Calendar dates, wall-clock times and offset timestamps, kept as plain integers.
///
/// Kickoff compares wall clocks ("does this flight leave within business hours, local time?")
/// far more often than instants, so these types keep what the file wrote and derive instants
/// only where a rule needs elapsed time. No `Foundation.Date`, no `Calendar`: the arithmetic is
/// the proleptic Gregorian calendar and stays exact and fast.

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Three-letter English abbreviation, as a coordinator writes it ("Tue").
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A calendar date with no time zone (`2027-01-12`).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date if the fields name a real Gregorian date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(parsing text: Substring) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
            let y = Digits.value(u[0..<4]), let m = Digits.value(u[5..<7]),
            let d = Digits.value(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let r = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: r + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The Monday of this date's ISO week.
    public var mondayOfWeek: CivilDate { adding(days: 1 - weekday.rawValue) }

    public var description: String {
        "\(Figures.zeroPadded(year, 4))-\(Figures.zeroPadded(month, 2))-\(Figures.zeroPadded(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A wall-clock time of day in minutes after midnight (`09:00` is 540).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(hour: Int, minute: Int) { self.minutes = hour * 60 + minute }

    /// Parses `HH:MM` (24-hour clock, `00:00` to `23:59`).
    public init?(parsing text: Substring) {
        let u = Array(text.utf8)
        guard u.count == 5, u[2] == 0x3A,
            let h = Digits.value(u[0..<2]), let m = Digits.value(u[3..<5]),
            h < 24, m < 60
        else { return nil }
        self.minutes = h * 60 + m
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `HH:MM`; times past midnight (a dinner ending at 24:30) wrap to the next day's clock.
    public var description: String {
        let m = ((minutes % 1440) + 1440) % 1440
        return "\(Figures.zeroPadded(m / 60, 2)):\(Figures.zeroPadded(m % 60, 2))"
    }

    /// `HHMM`, as used in cut slot names (`D1-0900`).
    public var compact: String { "\(Figures.zeroPadded(hour, 2))\(Figures.zeroPadded(minute, 2))" }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

/// A timestamp as written in travel.csv: local date and wall clock plus the UTC offset of that place.
public struct Timestamp: Hashable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let time: TimeOfDay
    /// Minutes east of UTC (`-05:00` is -300).
    public let offsetMinutes: Int

    public init(date: CivilDate, time: TimeOfDay, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM|±HHMM)`; the offset is required.
    ///
    /// Seconds, when present, must be `00`: travel legs are scheduled to the minute.
    public init?(parsing text: Substring) {
        let u = Array(text.utf8)
        guard u.count >= 17, u[10] == 0x54 || u[10] == 0x74 || u[10] == 0x20,
            let date = CivilDate(parsing: text.prefix(10)),
            let time = TimeOfDay(parsing: Substring(String(decoding: u[11..<16], as: UTF8.self)))
        else { return nil }
        var rest = u[16...]
        if rest.first == 0x3A {  // ":SS"
            guard rest.count >= 3, let s = Digits.value(rest.dropFirst().prefix(2)), s == 0 else { return nil }
            rest = rest.dropFirst(3)
        }
        let offset: Int
        if rest.count == 1, rest.first == 0x5A || rest.first == 0x7A {
            offset = 0
        } else if let sign = rest.first, sign == 0x2B || sign == 0x2D {
            let body = Array(rest.dropFirst())
            let hh: Int?, mm: Int?
            if body.count == 5, body[2] == 0x3A {
                hh = Digits.value(body[0..<2]); mm = Digits.value(body[3..<5])
            } else if body.count == 4 {
                hh = Digits.value(body[0..<2]); mm = Digits.value(body[2..<4])
            } else if body.count == 2 {
                hh = Digits.value(body[0..<2]); mm = 0
            } else {
                return nil
            }
            guard let h = hh, let m = mm, h <= 18, m < 60 else { return nil }
            offset = (sign == 0x2D ? -1 : 1) * (h * 60 + m)
        } else {
            return nil
        }
        self.init(date: date, time: time, offsetMinutes: offset)
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    /// Minutes since 1970-01-01T00:00Z.
    public var instant: Int { date.dayNumber * 1440 + time.minutes - offsetMinutes }

    /// The same instant as wall clock at another UTC offset.
    public func converted(toOffset offset: Int) -> Timestamp {
        Timestamp(instant: instant, offsetMinutes: offset)
    }

    public init(instant: Int, offsetMinutes: Int) {
        let local = instant + offsetMinutes
        let day = local >= 0 ? local / 1440 : (local - 1439) / 1440
        self.init(
            date: CivilDate(dayNumber: day), time: TimeOfDay(minutes: local - day * 1440),
            offsetMinutes: offsetMinutes)
    }

    /// ISO 8601 with offset, `2027-01-12T08:05-05:00`.
    public var description: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let a = abs(offsetMinutes)
        return "\(date)T\(time)\(sign)\(Figures.zeroPadded(a / 60, 2)):\(Figures.zeroPadded(a % 60, 2))"
    }
}

/// Small digit helpers shared by the parsers and printers above.
enum Digits {
    static func value<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

}
