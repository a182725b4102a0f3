import Foundation
import KickoffCore

/// What reading a scenario folder produced: the scenario when it is valid, and every finding.
public struct LoadResult: Sendable {
    /// The scenario, or nil when any error was found.
    public let scenario: Scenario?
    /// Errors and warnings in file and line order.
    public let diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}

/// Reads a scenario folder as `docs/FORMATS.md` defines it.
///
/// ```
/// let result = ScenarioLoader.load(directory: URL(fileURLWithPath: "data/sample"))
/// for d in result.diagnostics { print(d) }   // attendees.csv:14:1: error: id: …
/// ```
/// Syntax errors are collected file by file; semantic checks (`Scenario.validate()`) run when
/// every required file and column could be read, so one missing column does not bury the
/// report under follow-on "unknown id" errors.
public enum ScenarioLoader {
    public static let requiredFiles = ["event.csv", "attendees.csv", "venues.csv", "rooms.csv", "sessions.csv", "travel.csv"]
    public static let optionalFiles = ["slots.csv", "dinners.csv", "enrollments.csv", "followups.csv", "transfers.csv"]

    /// Columns of each file, in the contract's order, and which are required.
    static let schema: [String: (known: [String], required: Set<String>)] = [
        "event.csv": (
            [
                "name", "start_date", "days", "day_start", "day_end", "slot_minutes", "travel_earliest",
                "travel_latest", "arrival_buffer_minutes", "departure_buffer_minutes", "dinner_time",
                "dinner_minutes", "time_away_cost_per_hour", "comp_plan_date", "currency"
            ],
            ["name", "start_date"]
        ),
        "attendees.csv": (
            ["id", "name", "email", "team", "role", "manager_id", "home", "company", "attainment"],
            ["id", "name", "team", "role", "home"]
        ),
        "venues.csv": (
            ["id", "name", "city", "airport", "timezone", "daily_rate", "hotel_rate", "hotel_rooms"],
            ["id", "name", "city", "airport", "timezone", "daily_rate", "hotel_rate"]
        ),
        "rooms.csv": (["venue", "id", "name", "capacity", "features"], ["venue", "id", "name", "capacity"]),
        "sessions.csv": (
            [
                "id", "title", "kind", "audience", "repeat", "slots", "needs", "day", "fixed_slot",
                "allowed_slots", "after", "presenters"
            ], ["id", "title", "audience"]
        ),
        "slots.csv": (["id", "day", "start", "end"], ["id", "day", "start", "end"]),
        "dinners.csv": (["venue", "id", "name", "capacity", "cost_per_head", "evenings"], ["venue", "id", "name", "capacity"]),
        "travel.csv": (
            ["id", "origin", "destination", "carrier", "depart", "arrive", "price", "seats"],
            ["id", "origin", "destination", "depart", "arrive", "price"]
        ),
        "enrollments.csv": (["attendee", "session"], ["attendee", "session"]),
        "followups.csv": (
            ["id", "title", "kind", "audience", "minutes", "earliest_days_after", "latest_days_after"],
            ["id", "title", "audience", "earliest_days_after", "latest_days_after"]
        ),
        "transfers.csv": (
            ["venue", "seats", "cost_per_run", "minutes", "max_wait_minutes"],
            ["venue", "seats", "cost_per_run", "minutes", "max_wait_minutes"]
        )
    ]

    /// Reads and validates the folder at `directory`.
    public static func load(directory: URL, limits: CSVLimits = CSVLimits()) -> LoadResult {
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        let present = Set((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
        for name in requiredFiles + optionalFiles {
            let url = directory.appendingPathComponent(name)
            guard present.contains(name) else {
                if requiredFiles.contains(name) { diagnostics.append(.error(.missingFile, name, nil, nil, "required file is missing")) }
                continue
            }
            let size = (try? fm.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= limits.maxFileBytes else {
                diagnostics.append(.error(.fileTooLarge, name, nil, nil, "the file is \(megabytes(size)) MB; the limit is \(megabytes(limits.maxFileBytes)) MB"))
                continue
            }
            guard let data = fm.contents(atPath: url.path) else {
                diagnostics.append(.error(.unreadableFile, name, nil, nil, "cannot be read (is it a file, and readable?)"))
                continue
            }
            files[name] = [UInt8](data)
        }
        let known = Set(requiredFiles + optionalFiles)
        for name in present.sorted() where name.lowercased().hasSuffix(".csv") && !known.contains(name) {
            let hint = known.first { $0.lowercased() == name.lowercased() }.map { " (did you mean \($0)?)" } ?? ""
            diagnostics.append(.warning(.ignoredFile, name, nil, nil, "not a scenario file; ignored\(hint)"))
        }
        return load(files: files, diagnostics: diagnostics, limits: limits)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Reads a scenario from file contents keyed by file name (`"event.csv"` → bytes).
    ///
    /// Useful for tests and fuzzing: no file system involved.
    public static func load(
        files: [String: [UInt8]], diagnostics initial: [Diagnostic] = [],
        limits: CSVLimits = CSVLimits()
    ) -> LoadResult {
        var b = Builder(diagnostics: initial)
        for name in requiredFiles where files[name] == nil && !initial.contains(where: { $0.file == name }) {
            b.diagnostics.append(.error(.missingFile, name, nil, nil, "required file is missing"))
        }
        var readers: [String: TableReader] = [:]
        for (name, bytes) in files {
            guard let spec = schema[name] else { continue }
            do {
                guard bytes.count <= limits.maxFileBytes else {
                    b.diagnostics.append(.error(.fileTooLarge, name, nil, nil, "the file is \(megabytes(bytes.count)) MB; the limit is \(megabytes(limits.maxFileBytes)) MB"))
                    b.incomplete = true
                    continue
                }
                let table = try CSVTable(file: name, bytes: bytes, limits: limits)
                readers[name] = TableReader(table, known: spec.known, required: spec.required)
            } catch {
                b.diagnostics.append(error.diagnostic)
                b.incomplete = true
            }
        }
        if requiredFiles.contains(where: { readers[$0] == nil }) { b.incomplete = true }
        for r in readers.values {
            if !r.missingRequired.isEmpty { b.incomplete = true }
            r.recordColumns(into: &b.columns)
        }

        let event = readers["event.csv"].flatMap { b.readEvent($0) }
        var scenario = Scenario(
            event: event
                ?? Event(
                    name: "", startDate: CivilDate(year: 2000, month: 1, day: 3)!,
                    source: SourceLine(file: "event.csv", line: 2)))
        if event == nil { b.incomplete = true }
        if let r = readers["attendees.csv"] { scenario.attendees = b.readAttendees(r) }
        if let r = readers["venues.csv"] { scenario.venues = b.readVenues(r) }
        if let r = readers["rooms.csv"] { scenario.rooms = b.readRooms(r) }
        if let r = readers["sessions.csv"] { scenario.sessions = b.readSessions(r) }
        if let r = readers["travel.csv"] { scenario.travel = b.readTravel(r) }
        if let r = readers["slots.csv"] {
            scenario.slots = b.readSlots(r)
            // Sessions refer to slots by id: a dropped slot row would echo as "unknown slot" errors.
            if scenario.slots!.count != r.rows.count { b.incomplete = true }
        } else if files["slots.csv"] != nil {
            scenario.slots = []
        }
        if let r = readers["dinners.csv"] { scenario.restaurants = b.readRestaurants(r) } else if files["dinners.csv"] != nil { scenario.restaurants = [] }
        if let r = readers["enrollments.csv"] { scenario.enrollments = b.readEnrollments(r) }
        if let r = readers["followups.csv"] { scenario.followUps = b.readFollowUps(r) }
        if let r = readers["transfers.csv"] { scenario.transfers = b.readTransfers(r) }
        for name in readers.keys.sorted() { b.diagnostics += readers[name]!.diagnostics }
        scenario.columns = b.columns

        if !b.incomplete { b.diagnostics += scenario.validate() }
        let all = b.diagnostics.sorted()
        return LoadResult(scenario: all.contains(where: \.isError) ? nil : scenario, diagnostics: all)
    }
}

/// Turns typed rows into model values, one file at a time.
private struct Builder {
    var diagnostics: [Diagnostic]
    var columns = ColumnMap()
    /// A file or column could not be read at all: semantic checks would only echo that.
    var incomplete = false

    func readEvent(_ r: TableReader) -> Event? {
        let rows = r.rows
        guard let row = rows.first else {
            r.diagnostics.append(.error(.rowCount, r.file, 2, nil, "expected exactly one event row, found none"))
            return nil
        }
        for extra in rows.dropFirst() {
            r.diagnostics.append(.error(.rowCount, r.file, extra.line, nil, "expected exactly one event row; this is row \(rows.firstIndex { $0.line == extra.line }! + 1)"))
        }
        let name = r.required(row, "name")
        guard let start = r.date(row, "start_date", required: true) else { return nil }
        var e = Event(name: name ?? "", startDate: start, source: r.source(row))
        if let v = r.int(row, "days", min: 1, max: 366) { e.days = v }
        if let v = r.time(row, "day_start") { e.dayStart = v }
        if let v = r.time(row, "day_end") { e.dayEnd = v }
        if let v = r.int(row, "slot_minutes", min: 1, max: 1440) { e.slotMinutes = v }
        if let v = r.time(row, "travel_earliest") { e.travelEarliest = v }
        if let v = r.time(row, "travel_latest") { e.travelLatest = v }
        if let v = r.int(row, "arrival_buffer_minutes", max: 10_080) { e.arrivalBufferMinutes = v }
        if let v = r.int(row, "departure_buffer_minutes", max: 10_080) { e.departureBufferMinutes = v }
        if let v = r.time(row, "dinner_time") { e.dinnerTime = v }
        if let v = r.int(row, "dinner_minutes", min: 1, max: 1440) { e.dinnerMinutes = v }
        if let v = r.decimal(row, "time_away_cost_per_hour") { e.timeAwayCostPerHour = v }
        e.compPlanDate = r.date(row, "comp_plan_date")
        if let v = r.text(row, "currency") { e.currency = v }
        return e
    }

    func readAttendees(_ r: TableReader) -> [Attendee] {
        r.rows.compactMap { row in
            let id = r.required(row, "id")
            let name = r.required(row, "name")
            let team = r.required(row, "team")
            let role = r.required(row, "role")
            let home = r.airport(row, "home")
            let attainment = r.decimal(row, "attainment", percent: true)
            guard let id else { return nil }
            return Attendee(
                id: AttendeeID(id), name: name ?? "", email: r.text(row, "email"), team: team ?? "",
                role: role ?? "", managerID: r.text(row, "manager_id").map { AttendeeID($0) },
                home: home ?? "", company: r.text(row, "company"), attainment: attainment,
                source: r.source(row))
        }
    }

    func readVenues(_ r: TableReader) -> [Venue] {
        r.rows.compactMap { row in
            let id = r.required(row, "id")
            let v = Venue(
                id: VenueID(id ?? ""), name: r.required(row, "name") ?? "", city: r.required(row, "city") ?? "",
                airport: r.airport(row, "airport") ?? "", timezone: r.required(row, "timezone") ?? "UTC",
                dailyRate: r.decimal(row, "daily_rate", required: true) ?? 0,
                hotelRate: r.decimal(row, "hotel_rate", required: true) ?? 0,
                hotelRooms: r.int(row, "hotel_rooms"), source: r.source(row))
            return id == nil ? nil : v
        }
    }

    func readRooms(_ r: TableReader) -> [Room] {
        r.rows.compactMap { row in
            let venue = r.required(row, "venue"), id = r.required(row, "id")
            let room = Room(
                venue: VenueID(venue ?? ""), id: RoomID(id ?? ""), name: r.required(row, "name") ?? "",
                capacity: r.int(row, "capacity", required: true) ?? 0,
                features: Set(r.list(row, "features")), source: r.source(row))
            return venue == nil || id == nil ? nil : room
        }
    }

    func readSessions(_ r: TableReader) -> [Session] {
        r.rows.compactMap { row in
            let id = r.required(row, "id")
            let title = r.required(row, "title")
            var audience = AudienceRule.none
            if let text = r.required(row, "audience") {
                do throws(AudienceRule.ParseError) { audience = try AudienceRule(parsing: text) } catch {
                    r.error(row, "audience", error.message)
                }
            }
            var s = Session(id: SessionID(id ?? ""), title: title ?? "", audience: audience, source: r.source(row))
            if let k = r.text(row, "kind") {
                if let kind = SessionKind(rawValue: k.lowercased()) {
                    s.kind = kind
                } else {
                    r.error(row, "kind", "unknown kind \(Diagnostic.quoted(k)) (expected \(SessionKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
            if let t = r.text(row, "repeat") {
                if let m = Repeat(rawValue: t.lowercased()) {
                    s.repeatMode = m
                } else {
                    r.error(row, "repeat", "unknown repeat \(Diagnostic.quoted(t)) (expected once or per_team)")
                }
            }
            if let n = r.int(row, "slots", min: 1, max: 1440) { s.slots = n }
            s.needs = r.list(row, "needs")
            s.day = r.int(row, "day", min: 1, max: 366)
            s.fixedSlot = r.text(row, "fixed_slot").map { SlotID($0) }
            s.allowedSlots = r.list(row, "allowed_slots").map { SlotID($0) }
            s.after = r.list(row, "after").map { SessionID($0) }
            s.presenters = r.list(row, "presenters").map { AttendeeID($0) }
            return id == nil ? nil : s
        }
    }

    func readSlots(_ r: TableReader) -> [Slot] {
        r.rows.compactMap { row in
            let id = r.required(row, "id")
            let day = r.int(row, "day", min: 1, max: 366, required: true)
            let start = r.requiredTime(row, "start"), end = r.requiredTime(row, "end")
            guard let id, let day, let start, let end else { return nil }
            return Slot(id: SlotID(id), day: day, start: start, end: end, source: r.source(row))
        }
    }

    func readRestaurants(_ r: TableReader) -> [Restaurant] {
        r.rows.compactMap { row in
            let venue = r.required(row, "venue"), id = r.required(row, "id")
            var evenings: [Int]?
            if r.text(row, "evenings") != nil {
                evenings = r.list(row, "evenings").compactMap { item in
                    guard let k = Int(item), k >= 1 else {
                        r.error(row, "evenings", "expected agenda day numbers separated by ;, got \(Diagnostic.quoted(item))")
                        return nil
                    }
                    return k
                }
            }
            let rest = Restaurant(
                venue: VenueID(venue ?? ""), id: RestaurantID(id ?? ""), name: r.required(row, "name") ?? "",
                capacity: r.int(row, "capacity", required: true) ?? 0,
                costPerHead: r.decimal(row, "cost_per_head") ?? 0, evenings: evenings,
                source: r.source(row))
            return venue == nil || id == nil ? nil : rest
        }
    }

    func readTravel(_ r: TableReader) -> [TravelLeg] {
        r.rows.compactMap { row in
            let id = r.required(row, "id")
            let origin = r.airport(row, "origin"), destination = r.airport(row, "destination")
            let depart = r.timestamp(row, "depart"), arrive = r.timestamp(row, "arrive")
            let price = r.decimal(row, "price", required: true)
            let seats = r.int(row, "seats")
            guard let id, let origin, let destination, let depart, let arrive, let price else { return nil }
            return TravelLeg(
                id: LegID(id), origin: origin, destination: destination, carrier: r.text(row, "carrier"),
                depart: depart, arrive: arrive, price: price, seats: seats, source: r.source(row))
        }
    }

    func readEnrollments(_ r: TableReader) -> [Enrollment] {
        r.rows.compactMap { row in
            guard let a = r.required(row, "attendee"), let s = r.required(row, "session") else { return nil }
            return Enrollment(attendee: AttendeeID(a), session: SessionID(s), source: r.source(row))
        }
    }

    func readFollowUps(_ r: TableReader) -> [FollowUp] {
        r.rows.compactMap { row in
            let id = r.required(row, "id"), title = r.required(row, "title")
            var audience = AudienceRule.none
            if let text = r.required(row, "audience") {
                do throws(AudienceRule.ParseError) { audience = try AudienceRule(parsing: text) } catch {
                    r.error(row, "audience", error.message)
                }
            }
            let earliest = r.int(row, "earliest_days_after", min: 1, max: 366, required: true)
            let latest = r.int(row, "latest_days_after", min: 1, max: 366, required: true)
            guard let id, let title, let earliest, let latest else { return nil }
            var f = FollowUp(
                id: id, title: title, audience: audience, earliestDaysAfter: earliest, latestDaysAfter: latest,
                source: r.source(row))
            if let k = r.text(row, "kind") { f.kind = k.lowercased() }
            if let m = r.int(row, "minutes", min: 1, max: 1440) { f.minutes = m }
            return f
        }
    }

    func readTransfers(_ r: TableReader) -> [Transfer] {
        r.rows.compactMap { row in
            let venue = r.required(row, "venue")
            let seats = r.int(row, "seats", min: 1, max: 10_000, required: true)
            let cost = r.decimal(row, "cost_per_run", required: true)
            let minutes = r.int(row, "minutes", min: 0, max: 1440, required: true)
            let wait = r.int(row, "max_wait_minutes", min: 0, max: 1440, required: true)
            guard let venue, let seats, let cost, let minutes, let wait else { return nil }
            return Transfer(
                venue: VenueID(venue), seats: seats, costPerRun: cost, minutes: minutes, maxWaitMinutes: wait,
                source: r.source(row))
        }
    }
}
