import KickoffTestSupport
import Testing

@testable import KickoffCore

@Suite("Audience rules, tiers, per-team expansion, precedence and slots")
struct AgendaTests {
    func attendee(
        _ id: String, team: String = "East", role: String = "rep", company: String? = nil,
        attainment: Double? = nil
    ) -> Attendee {
        Attendee(
            id: AttendeeID(id), name: id, team: team, role: role, home: "BOS", company: company,
            attainment: attainment, source: SourceLine(file: "attendees.csv", line: 2))
    }

    @Test("tiers come from attainment: ≥125 chairmans_club, ≥100 presidents_club")
    func tiers() {
        #expect(Tier(attainment: 125) == .chairmansClub)
        #expect(Tier(attainment: 124.99) == .presidentsClub)
        #expect(Tier(attainment: 100) == .presidentsClub)
        #expect(Tier(attainment: 99.99) == .none)
        #expect(Tier(attainment: nil) == .none)
    }

    @Test("rules: all, none, and a union of field:value terms; names ignore case, values do not")
    func rules() throws {
        let ann = attendee("A1", team: "East", role: "manager", company: "Northwind", attainment: 130)
        let bo = attendee("B2", team: "West", role: "rep", attainment: 80)
        #expect(try AudienceRule(parsing: " ALL ").matches(bo))
        #expect(try !AudienceRule(parsing: "None").matches(ann))
        let r = try AudienceRule(parsing: "ROLE: manager | Team:West")
        #expect(r == .terms([.init(.role, "manager"), .init(.team, "West")]))
        #expect(r.matches(ann) && r.matches(bo))
        #expect(try !AudienceRule(parsing: "role:Manager").matches(ann))
        #expect(try AudienceRule(parsing: "tier:chairmans_club").matches(ann))
        #expect(try AudienceRule(parsing: "tier:none").matches(bo))
        #expect(try AudienceRule(parsing: "company:Northwind").matches(ann))
        #expect(try !AudienceRule(parsing: "company:Northwind").matches(bo))
        #expect(try AudienceRule(parsing: "id:B2").matches(bo))
        #expect(throws: AudienceRule.ParseError.self) { try AudienceRule(parsing: "manager") }
        #expect(throws: AudienceRule.ParseError.self) { try AudienceRule(parsing: "") }
    }

    @Test("per_team copies hold each team's members; presenters and enrollees join their own team's copy")
    func expansion() throws {
        var f = Fixture()
        f.append("attendees.csv", "O1,Olu Ops,Ops,coordinator,M1,BOS,Acme,")
        f.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,2,,,,,OPEN,O1")
        f.files["enrollments.csv"] = "attendee,session\nM1,PRAC\n"
        let s = try f.scenario()
        let agenda = Agenda(s)
        let ids = s.attendees.map(\.id.rawValue)
        let byID = Dictionary(uniqueKeysWithValues: agenda.sessions.map { ($0.id, $0.audience.map { ids[$0] }) })
        #expect(agenda.sessions.map(\.id) == ["OPEN", "PRAC@East", "PRAC@Ops", "PRAC@West", "TERR@East", "TERR@West"])
        #expect(byID["OPEN"] == ["M1", "R1", "R2", "L1", "O1"])
        #expect(byID["PRAC@East"] == ["M1", "R1"])
        #expect(byID["PRAC@Ops"] == ["O1"])
        #expect(byID["PRAC@West"] == ["R2"])
        #expect(byID["TERR@West"] == ["R2", "L1"])
        #expect(agenda.teams == ["East", "Ops", "West"])
    }

    @Test("after pairs per-team copies by team; otherwise it follows every copy")
    func precedence() throws {
        var f = Fixture()
        f.append("attendees.csv", "O1,Olu Ops,Ops,coordinator,M1,BOS,Acme,")
        f.replace("sessions.csv", line: 4, with: "TERR,Territory,territory,role:rep|role:coordinator,per_team,1,,,,,PRAC,L1")
        f.append("sessions.csv", "WRAP,Wrap-up,keynote,all,once,1,,,,,TERR,")
        let s = try f.scenario()
        let agenda = Agenda(s)
        let pairs = Set(agenda.precedence.map { "\(agenda.sessions[$0.before].id) < \(agenda.sessions[$0.after].id)" })
        #expect(
            pairs == [
                "OPEN < PRAC@East", "OPEN < PRAC@West",
                "PRAC@East < TERR@East", "PRAC@West < TERR@West",  // TERR@Ops has no PRAC@Ops: free
                "TERR@East < WRAP", "TERR@Ops < WRAP", "TERR@West < WRAP"
            ])
    }

    @Test("slots cut from event.csv are whole, named D{day}-{HHMM}, and consecutive within a day")
    func cutSlots() throws {
        var f = Fixture()
        f.files["event.csv"] = "name,start_date,days,day_start,day_end,slot_minutes\nT,2027-01-12,2,09:00,12:30,45\n"
        f.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,2,,,,,OPEN,")
        let agenda = Agenda(try f.scenario())
        #expect(
            agenda.slots.map(\.id.rawValue) == [
                "D1-0900", "D1-0945", "D1-1030", "D1-1115",
                "D2-0900", "D2-0945", "D2-1030", "D2-1115"
            ])
        #expect(agenda.slots[3].end == TimeOfDay(hour: 12, minute: 0))
        #expect(agenda.nextSlot == [1, 2, 3, nil, 5, 6, 7, nil])
        #expect(agenda.longestRun == 4)
        #expect(agenda.run(from: 2, length: 2) == [2, 3])
        #expect(agenda.run(from: 3, length: 2) == nil)
    }

    @Test("start slots respect fixed slot, day, allowed slots, and a lunch break breaks a run")
    func startSlots() throws {
        var f = Fixture()
        f.files["slots.csv"] = "id,day,start,end\nA,1,09:00,10:00\nB,1,10:00,11:00\nC,1,13:00,14:00\nD,1,14:00,15:00\nE,2,09:00,10:00\n"
        f.replace("sessions.csv", line: 2, with: "OPEN,Opening,keynote,all,once,1,stage,1,A,,,")
        f.replace("sessions.csv", line: 3, with: "PRAC,Practice,practice,role:rep,per_team,2,,,,,OPEN,")
        f.replace("sessions.csv", line: 4, with: "TERR,Territory,territory,role:rep,per_team,1,,,,B;C;E,PRAC,L1")
        let s = try f.scenario()
        let agenda = Agenda(s)
        let names = { (k: Int) in agenda.startSlots(of: k, in: s).map { agenda.slots[$0].id.rawValue } }
        #expect(names(0) == ["A"])
        #expect(names(1) == ["A", "C"])  // two consecutive slots: not B (lunch), not E (day 2 has one)
        #expect(names(3) == ["B", "C", "E"])
    }

    @Test("restaurant evenings default to every agenda day but the last")
    func evenings() throws {
        var f = Fixture()
        f.files["dinners.csv"] = "venue,id,name,capacity,cost_per_head,evenings\nCHI,R1,Chophouse,40,80,\nCHI,R2,Tavern,30,60,3\n"
        let s = try f.scenario()
        let r = try #require(s.restaurants)
        #expect(r[0].hostedEvenings(days: s.event.days) == [1, 2])
        #expect(r[1].hostedEvenings(days: s.event.days) == [3])
        #expect(
            Restaurant(
                venue: "V", id: "X", name: "X", capacity: 1, costPerHead: 0, evenings: nil,
                source: SourceLine(file: "dinners.csv", line: 2)
            ).hostedEvenings(days: 1) == [])
    }
}

@Suite("Trimming cell text")
struct TrimmingTests {
    @Test("visible ASCII at both ends is kept whole; Unicode spaces and line breaks at the ends go, inner ones stay")
    func trimmed() {
        #expect("ORD".trimmedSpaces == "ORD")
        #expect("a b".trimmedSpaces == "a b")
        #expect("  a b \t".trimmedSpaces == "a b")
        #expect("\u{00A0}Zoë\u{2003}".trimmedSpaces == "Zoë")  // no-break and em spaces
        #expect("é ".trimmedSpaces == "é")  // non-ASCII first byte, slow path
        #expect(" \r\n ".trimmedSpaces == "")
        #expect("".trimmedSpaces == "")
        #expect("x\u{0301} ".trimmedSpaces == "x\u{0301}")  // a combining mark stays with its letter
        #expect(Substring("  OR D  ").trimmedSpaces == "OR D")
    }
}
