import Foundation
import KickoffCore
import KickoffTestSupport
import Testing

@testable import KickoffIO

/// One case per kind of input error or warning: an edit to the valid fixture and the exact
/// diagnostic it must produce (file, line, column and text).
struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let edit: @Sendable (inout Fixture) -> Void
    let expected: [String]

    init(_ name: String, _ expected: String..., edit: @escaping @Sendable (inout Fixture) -> Void) {
        self.name = name
        self.expected = expected
        self.edit = edit
    }

    var testDescription: String { name }
}

let cases: [Case] = [
    Case("duplicate id", #"attendees.csv:6:1: error: id: duplicate attendee id "R1" (first on line 3)"#) {
        $0.append("attendees.csv", "R1,Rob Again,West,se,M1,ORD,Acme,")
    },
    Case("not a whole number", #"rooms.csv:3:4: error: capacity: expected a whole number, got "twelve""#) {
        $0.replace("rooms.csv", line: 3, with: "CHI,B1,Breakout 1,twelve,")
    },
    Case("negative count", "rooms.csv:3:4: error: capacity: expected a whole number ≥ 0, got -3") {
        $0.replace("rooms.csv", line: 3, with: "CHI,B1,Breakout 1,-3,")
    },
    Case("not a number", #"travel.csv:2:7: error: price: expected a number like 129.50, got "cheap""#) {
        $0.replace("travel.csv", line: 2, with: "T1,BOS,ORD,UA 1,2027-01-11T09:00-05:00,2027-01-11T11:00-06:00,cheap,")
    },
    Case("bad date", #"event.csv:2:2: error: start_date: expected a date YYYY-MM-DD, got "2027-13-01""#) {
        $0.replace("event.csv", line: 2, with: "Test SKO,2027-13-01,3,")
    },
    Case("bad time", #"slots.csv:2:3: error: start: expected a time HH:MM (24-hour), got "9am""#) {
        $0.files["slots.csv"] = "id,day,start,end\nD1-0900,1,9am,10:00\n"
    },
    Case(
        "timestamp without offset",
        #"travel.csv:2:5: error: depart: expected an ISO 8601 time with UTC offset like 2027-01-12T08:05-05:00, got "2027-01-11 09:00""#
    ) {
        $0.replace("travel.csv", line: 2, with: "T1,BOS,ORD,UA 1,2027-01-11 09:00,2027-01-11T11:00-06:00,200,")
    },
    Case("not an airport code", #"attendees.csv:3:6: error: home: expected a 3-letter IATA airport code, got "Boston""#) {
        $0.replace("attendees.csv", line: 3, with: "R1,Rob Rep,East,rep,M1,Boston,Acme,100")
    },
    Case("empty required value", "attendees.csv:4:3: error: team: a value is required") {
        $0.replace("attendees.csv", line: 4, with: "R2,Rae Rep,,rep,M1,SFO,Northwind,99.5%")
    },
    Case("empty id", "attendees.csv:4:1: error: id: a value is required") {
        $0.replace("attendees.csv", line: 4, with: " ,Rae Rep,West,rep,M1,SFO,Northwind,99.5%")
    },
    Case("missing required column", #"attendees.csv:1: error: missing required column "home""#) {
        $0.files["attendees.csv"] = "id,name,team,role\nA1,Ann,East,rep\n"
    },
    Case("missing required file", "travel.csv: error: required file is missing") {
        $0.files["travel.csv"] = nil
    },
    Case(
        "unknown kind",
        #"sessions.csv:2:3: error: kind: unknown kind "keynote-ish" (expected keynote, practice, training, territory, recognition, info, social, other)"#
    ) {
        $0.replace("sessions.csv", line: 2, with: "OPEN,Opening,keynote-ish,all,once,1,stage,1,D1-0900,,,")
    },
    Case("unknown repeat", #"sessions.csv:3:5: error: repeat: unknown repeat "weekly" (expected once or per_team)"#) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,weekly,2,,,,,OPEN,")
    },
    Case(
        "unknown audience field",
        #"sessions.csv:3:4: error: audience: unknown audience field "dept" (expected team, role, company, tier or id)"#
    ) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,dept:sales,per_team,2,,,,,OPEN,")
    },
    Case("id: with an empty value", "sessions.csv:3:4: error: audience: id: needs a value after the colon") {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep|id:,per_team,2,,,,,OPEN,")
    },
    Case(
        "unknown tier",
        #"sessions.csv:3:4: error: audience: unknown tier "gold" (expected chairmans_club, presidents_club or none)"#
    ) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,tier:gold,per_team,2,,,,,OPEN,")
    },
    Case("unknown team in audience", #"sessions.csv:3:4: error: audience: unknown team "North""#) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,team:North,per_team,2,,,,,OPEN,")
    },
    Case("unknown attendee in audience", #"sessions.csv:3:4: error: audience: unknown attendee id "Z9""#) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep|ID:Z9,per_team,2,,,,,OPEN,")
    },
    Case("unknown manager", #"attendees.csv:3:5: error: manager_id: unknown attendee id "M9""#) {
        $0.replace("attendees.csv", line: 3, with: "R1,Rob Rep,East,rep,M9,BOS,Acme,100")
    },
    Case("unknown venue of a room", #"rooms.csv:3:1: error: venue: unknown venue id "NYC""#) {
        $0.replace("rooms.csv", line: 3, with: "NYC,B1,Breakout 1,10,")
    },
    Case("unknown venue of a restaurant", #"dinners.csv:2:1: error: venue: unknown venue id "NYC""#) {
        $0.files["dinners.csv"] = "venue,id,name,capacity\nNYC,R1,Chophouse,40\n"
    },
    Case("unknown predecessor", #"sessions.csv:4:11: error: after: unknown session id "PRACT""#) {
        $0.replace("sessions.csv", line: 4, with: "TERR,Territory,territory,role:rep,per_team,1,,,,,PRACT,L1")
    },
    Case("unknown presenter", #"sessions.csv:4:12: error: presenters: unknown attendee id "Q1""#) {
        $0.replace("sessions.csv", line: 4, with: "TERR,Territory,territory,role:rep,per_team,1,,,,,PRAC,L1;Q1")
    },
    Case("unknown fixed slot", #"sessions.csv:2:9: error: fixed_slot: unknown slot id "D1-0930""#) {
        $0.replace("sessions.csv", line: 2, with: "OPEN,Opening,keynote,all,once,1,stage,1,D1-0930,,,")
    },
    Case("unknown allowed slot", #"sessions.csv:3:10: error: allowed_slots: unknown slot id "D9-0900""#) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,2,,,,D1-1000;D9-0900,OPEN,")
    },
    Case(
        "enrollment errors",
        #"enrollments.csv:2:2: error: session: "PRAC@East" is a per-team copy; enroll in the session's own id "PRAC""#,
        #"enrollments.csv:3:1: error: attendee: unknown attendee id "Z1""#,
        #"enrollments.csv:4:2: error: session: unknown session id "NOPE""#
    ) {
        $0.files["enrollments.csv"] = "attendee,session\nR1,PRAC@East\nZ1,OPEN\nR2,NOPE\n"
    },
    Case(
        "agenda day on a weekend",
        "event.csv:2:3: error: days: agenda day 3 is 2027-01-16 (a Sat); every agenda day must be Mon–Fri"
    ) {
        $0.replace("event.csv", line: 2, with: "Test SKO,2027-01-14,3,")
    },
    Case(
        "agenda starting on a weekend",
        "event.csv:2:2: error: start_date: agenda day 1 is 2027-01-10 (a Sun); every agenda day must be Mon–Fri"
    ) {
        $0.replace("event.csv", line: 2, with: "Test SKO,2027-01-10,2,")
    },
    Case(
        "session longer than a day",
        "sessions.csv:3:6: error: slots: the session spans 9 slots, longer than a day (the longest day has 8 consecutive slots)"
    ) {
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,9,,,,,OPEN,")
    },
    Case("precedence cycle", "sessions.csv:3:11: error: after: precedence cycle: PRAC → TERR → OPEN → PRAC") {
        $0.replace("sessions.csv", line: 2, with: "OPEN,Opening,keynote,all,once,1,stage,1,D1-0900,,TERR,")
    },
    Case(
        "day outside the event",
        "sessions.csv:2:8: error: day: day 5 is outside the event (agenda days 1–3)",
        "sessions.csv:2:9: error: fixed_slot: slot D1-0900 is on day 1, but the session is fixed to day 5"
    ) {
        $0.replace("sessions.csv", line: 2, with: "OPEN,Opening,keynote,all,once,1,stage,5,D1-0900,,,")
    },
    Case("evening outside the event", "dinners.csv:2:6: error: evenings: evening 4 is outside the event (agenda days 1–3)") {
        $0.files["dinners.csv"] = "venue,id,name,capacity,cost_per_head,evenings\nCHI,R1,Chophouse,40,80,1;4\n"
    },
    Case("slot day outside the event", "slots.csv:3:2: error: day: day 4 is outside the event (agenda days 1–3)") {
        $0.files["slots.csv"] = "id,day,start,end\nD1-0900,1,09:00,10:00\nX,4,09:00,10:00\n"
        $0.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,1,,,,,OPEN,")
    },
    Case(
        "comp plans within a week",
        "event.csv:2:4: warning: comp_plan_date: compensation plans go out on 2027-01-19, within 7 days of the agenda (2027-01-12 to 2027-01-14); move them at least 8 days away"
    ) {
        $0.replace("event.csv", line: 2, with: "Test SKO,2027-01-12,3,2027-01-19")
    },
    Case(
        "unknown time zone",
        #"venues.csv:2:5: error: timezone: unknown IANA time zone "America/Chicagoo" (expected a name like America/Chicago)"#
    ) {
        $0.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicagoo,1000,200,")
    },
    Case("too many fields", "rooms.csv:3:6: error: the row has 6 fields but the header has 5") {
        $0.replace("rooms.csv", line: 3, with: "CHI,B1,Breakout 1,10,,extra")
    },
    Case("two event rows", "event.csv:3: error: expected exactly one event row; this is row 2") {
        $0.append("event.csv", "Other SKO,2027-01-12,3,")
    },
    Case(
        "arrival before departure",
        "travel.csv:2:6: error: arrive: arrives at 2027-01-11T07:00-06:00, not after it departs (2027-01-11T09:00-05:00)"
    ) {
        $0.replace("travel.csv", line: 2, with: "T1,BOS,ORD,UA 1,2027-01-11T09:00-05:00,2027-01-11T07:00-06:00,200,")
    },
    Case("duplicate column", #"rooms.csv:1:5: error: duplicate column "capacity" (first in column 4)"#) {
        $0.files["rooms.csv"] = "venue,id,name,capacity,Capacity\nCHI,BALL,Ballroom,100,100\n"
    },
    Case(
        "unknown column",
        #"rooms.csv:1:6: warning: unknown column "colour" is ignored (known columns: venue, id, name, capacity, features)"#
    ) {
        $0.files["rooms.csv"] = "venue,id,name,capacity,features,colour\nCHI,BALL,Ballroom,100,stage;av,red\nCHI,B1,Breakout 1,10,,blue\n"
    }
]

@Suite("Input errors name file, line, column and what was expected")
struct DiagnosticsTests {
    @Test("the fixture itself is valid and silent")
    func fixtureIsValid() {
        #expect(Fixture().messages() == [])
        #expect(Fixture().load().scenario != nil)
    }

    @Test("each kind of error or warning", arguments: cases)
    func kind(_ c: Case) {
        var f = Fixture()
        c.edit(&f)
        let result = f.load()
        #expect(result.diagnostics.map(\.description) == c.expected)
        let hasErrors = c.expected.contains { $0.contains(": error: ") }
        #expect((result.scenario == nil) == hasErrors)
    }

    @Test("errors from several files are all collected, in file and line order")
    func collectsAll() {
        var f = Fixture()
        f.replace("rooms.csv", line: 3, with: "CHI,B1,Breakout 1,twelve,")
        f.replace("attendees.csv", line: 3, with: "R1,Rob Rep,East,rep,M9,BOS,Acme,100")
        f.append("attendees.csv", "R1,Rob Again,West,se,M1,ORD,Acme,")
        #expect(
            f.messages() == [
                #"attendees.csv:3:5: error: manager_id: unknown attendee id "M9""#,
                #"attendees.csv:6:1: error: id: duplicate attendee id "R1" (first on line 3)"#,
                #"rooms.csv:3:4: error: capacity: expected a whole number, got "twelve""#
            ])
    }

    @Test("each finding carries a code: what kind it is, so nothing reads its message to tell")
    func codes() throws {
        var missing = Fixture()
        missing.files["rooms.csv"] = nil
        #expect(missing.load().diagnostics.map(\.code) == [.missingFile])

        var f = Fixture()
        f.replace("attendees.csv", line: 3, with: "R1,Rob Rep,East,rep,M9,BOS,Acme,100")  // unknown manager
        f.append("attendees.csv", "R1,Rob Again,West,se,M1,ORD,Acme,")  // duplicate id
        f.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,Mars/Olympus,1000,200,")
        f.files["sessions.csv"]! += "X,Loop,keynote,all,once,1,,,,,X,\n"  // a cycle
        f.files["travel.csv"]! += "T9,BOS,ORD,UA 9,soon,2027-01-11T11:00-06:00,200,\n"  // a bad time
        f.files["Rooms.csv"] = "venue,id,name,capacity\n"  // not a scenario file
        let dir = try f.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = ScenarioLoader.load(directory: dir).diagnostics
        func code(_ fragment: String) -> Diagnostic.Code? { found.first { $0.description.contains(fragment) }?.code }
        #expect(code("unknown attendee id \"M9\"") == .unknownReference, "\(found)")
        #expect(code("duplicate attendee id \"R1\"") == .duplicate)
        #expect(code("unknown IANA time zone") == .unknownReference)
        #expect(code("precedence cycle") == .inconsistent)
        #expect(code("travel.csv:4:5: error: depart:") == .badValue)
        #expect(code("Rooms.csv: warning: not a scenario file") == .ignoredFile)
        #expect(Diagnostic.Code.missingFile.isAboutWholeFile && !Diagnostic.Code.badValue.isAboutWholeFile)
        // Every finding without a line is about a whole file, and says so by its code.
        let lineless = found.filter { $0.line == nil }
        #expect(!lineless.isEmpty && lineless.allSatisfy { $0.code.isAboutWholeFile })
    }

    @Test("a comp plan date eight days after the agenda is fine")
    func compPlanEightDays() {
        var f = Fixture()
        f.replace("event.csv", line: 2, with: "Test SKO,2027-01-12,3,2027-01-22")
        #expect(f.messages() == [])
    }

    @Test("headers in any order, any case, with spaces; values trimmed; CRLF and BOM")
    func shuffledHeaders() throws {
        var f = Fixture()
        f.files["rooms.csv"] = "\u{FEFF} Features ,CAPACITY,Name , venue,ID\r\n\"stage;av\", 100 ,Ballroom,CHI,BALL\r\n,10,\"Breakout, east\",CHI,B1\r\n\r\n"
        let s = try f.scenario()
        #expect(s.rooms.map(\.id.rawValue) == ["BALL", "B1"])
        #expect(s.rooms.map(\.capacity) == [100, 10])
        #expect(s.rooms[1].name == "Breakout, east")
        #expect(s.rooms[0].features == ["stage", "av"])
    }

    @Test("capacities, seats and hotel rooms may be 0; attainment may end in %")
    func zeroesAndPercent() throws {
        var f = Fixture()
        f.replace("rooms.csv", line: 3, with: "CHI,B1,Breakout 1,0,")
        f.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,200,0")
        let s = try f.scenario()
        #expect(s.rooms[1].capacity == 0)
        #expect(s.venues[0].hotelRooms == 0)
        #expect(s.attendees.map(\.attainment) == [130, 100, 99.5, nil])
    }

    @Test("kinds and repeat ignore case; defaults fill empty optional columns")
    func defaults() throws {
        var f = Fixture()
        f.replace("sessions.csv", line: 3, with: "PRAC,Practice,PRACTICE,role:rep,Per_Team,,,,,,OPEN,")
        let s = try f.scenario()
        #expect(s.sessions[1].kind == .practice)
        #expect(s.sessions[1].repeatMode == .perTeam)
        #expect(s.sessions[1].slots == 1)
        #expect(s.event.days == 3)
        #expect(s.event.dayStart == TimeOfDay(hour: 9, minute: 0))
        #expect(s.event.travelLatest == TimeOfDay(hour: 18, minute: 0))
        #expect(s.event.currency == "USD")
        #expect(s.slots == nil)
        #expect(s.restaurants == nil)
    }

    @Test("a quoted field spanning lines shifts later error lines")
    func multilineFieldLines() {
        var f = Fixture()
        f.files["rooms.csv"] = "venue,id,name,capacity\nCHI,BALL,\"Grand\nBallroom\",100\nCHI,B1,Breakout,ten\n"
        #expect(f.messages() == [#"rooms.csv:4:4: error: capacity: expected a whole number, got "ten""#])
    }

    @Test("a file name in the wrong case is pointed out")
    func misnamedFile() throws {
        let f = Fixture()
        let dir = try f.write()
        try FileManager.default.moveItem(at: dir.appendingPathComponent("travel.csv"), to: dir.appendingPathComponent("Travel.csv"))
        let r = ScenarioLoader.load(directory: dir)
        #expect(
            r.diagnostics.map(\.description) == [
                "Travel.csv: warning: not a scenario file; ignored (did you mean travel.csv?)",
                "travel.csv: error: required file is missing"
            ])
    }

    @Test("limits: a field too long, too many rows or fields, a file too big — each an error with its place")
    func limits() throws {
        var l = CSVLimits()
        l.maxFieldBytes = 12
        l.maxRows = 4  // the fixture's attendees.csv has 4
        l.maxColumns = 12  // and its sessions.csv 12 columns
        func messages(_ f: Fixture, _ l: CSVLimits) -> [String] {
            ScenarioLoader.load(files: f.files.mapValues { Array($0.utf8) }, limits: l).errors.map(\.description)
        }
        var f = Fixture()
        f.replace("attendees.csv", line: 3, with: "R1,\"Robert the Very Long\",East,rep,M1,BOS,Acme,100")
        let long = messages(f, l)
        #expect(long.contains("attendees.csv:3:2: error: a field longer than 12 bytes, the limit"))
        l.maxFieldBytes = 1 << 16
        f = Fixture()
        f.append("attendees.csv", "R3,Ray,East,rep,M1,BOS,Acme,")
        #expect(messages(f, l) == ["attendees.csv:6: error: more than 4 rows, the limit"])
        f = Fixture()
        f.replace("rooms.csv", line: 2, with: "CHI,BALL,Ballroom,100,stage;av,a,b,c,d,e,f,g,h")
        #expect(messages(f, l) == ["rooms.csv:2:13: error: more than 12 fields in one row"])
        l.maxFileBytes = 100
        f = Fixture()
        #expect(messages(f, l).contains("travel.csv: error: the file is 0.0 MB; the limit is 0.0 MB"))
        // The defaults take a 10,000-attendee scenario's sizes with room to spare.
        let d = CSVLimits()
        #expect(d.maxRows >= 1_000_000 && d.maxFieldBytes >= 4096 && d.maxFileBytes >= 256 << 20)
    }
}
