import Airports
import CustomDump
import Foundation
import GLPKBackend
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

@testable import KickoffPlanner
@testable import KickoffReport

/// Golden files: the plan folder of `Fixture.plannable`, byte for byte, rendered from a fixed
/// `Plan` value (not a live solve: a tie or a GLPK upgrade must not change them). Compared by
/// swift-snapshot-testing with a line diff (`Golden`); a missing golden file is recorded and fails
/// the test. Re-record deliberately with `SNAPSHOT_TESTING_RECORD=all swift test --filter
/// PlanFilesTests`, then read the diff.
@Suite struct PlanFilesTests {
    static let goldenDir = repositoryRoot.appendingPathComponent("Tests/KickoffReportTests/Golden")
    /// 2027-01-04T09:00Z, so DTSTAMP and generated_at are fixed.
    static let now = Timestamp(parsing: "2027-01-04T09:00+00:00")!.instant

    /// `Fixture.plannable`'s optimum (5,780): the five sessions' slots and rooms, both teams at
    /// restaurant 0 on the evening of day 1, and the three travellers' legs (L1 is local).
    static let fixedPlan = Plan(
        placements: [
            Placement(slot: 0, room: 0), Placement(slot: 1, room: 1), Placement(slot: 1, room: 0),
            Placement(slot: 3, room: 1), Placement(slot: 3, room: 0)
        ],
        dinners: ["East": DinnerBooking(restaurant: 0, evening: 1), "West": DinnerBooking(restaurant: 0, evening: 1)],
        trips: [Trip(inbound: 0, outbound: 2), Trip(inbound: 0, outbound: 2), Trip(inbound: 3, outbound: 5), nil])

    static func instance() throws -> PlanningInstance {
        let scenario = try Fixture.plannable.scenario()
        // With every leg's estimate, as `kickoff solve` plans.
        return try PlanningInstance(scenario, carbon: FlightEmissions.carbon(of: scenario.travel))
    }

    /// The outcome `Planner` gives for `fixedPlan`, built without solving anything.
    static func fixedOutcome(_ instance: PlanningInstance) throws -> PlanOutcome {
        let check = PlanChecker.check(fixedPlan, instance)
        try #require(check.isValid, "\(check.violations)")
        var out = PlanOutcome(termination: .optimal)
        out.plan = fixedPlan
        out.check = check
        out.objective = check.costs.total
        out.bound = check.costs.total
        out.heuristicObjective = check.costs.total
        out.stats = Planner.stats(Formulation(instance))
        out.health = AgendaHealth(instance, plan: fixedPlan)
        return out
    }

    static func planFiles() throws -> [(path: String, contents: Data)] {
        let instance = try instance()
        return PlanFiles(instance, try fixedOutcome(instance), now: now).files
    }

    @Test("the planner finds a plan as cheap as the fixed one, which its checker accepts")
    func theFixedPlanIsOptimal() throws {
        let instance = try Self.instance()
        let outcome = PlannerTestSupport.plan(instance, timeLimit: 60)
        #expect(outcome.termination == .optimal)
        let fixed = try Self.fixedOutcome(instance)
        #expect(outcome.objective == fixed.objective)
        #expect(fixed.objective == 5780)
        expectNoDifference(outcome.stats, fixed.stats)
    }

    @Test func everyPlanFileMatchesItsGoldenCopy() throws {
        let files = try Self.planFiles()
        let names = files.map(\.path).sorted()
        #expect(
            names == [
                "dinners.csv", "followups.csv", "itineraries.csv", "itineraries/L1.ics", "itineraries/M1.ics", "itineraries/R1.ics",
                "itineraries/R2.ics", "report.html", "schedule.csv", "summary.json"
            ])
        for (path, data) in files {
            let url = Self.goldenDir.appendingPathComponent(path)
            let failure = Golden.verify(
                String(decoding: data, as: UTF8.self), kind: "plan", name: url.deletingPathExtension().lastPathComponent,
                pathExtension: url.pathExtension, in: url.deletingLastPathComponent())
            #expect(failure == nil, Comment(rawValue: failure ?? ""))
        }
    }

    @Test func calendarsFollowRFC5545Structure() throws {
        let files = try Self.planFiles()
        let ics = files.filter { $0.path.hasSuffix(".ics") }
        #expect(ics.count == 4)
        for (path, data) in ics {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(path): bare LF")
            let lines = text.components(separatedBy: "\r\n").dropLast()
            for line in lines { #expect(line.utf8.count <= 75, "\(path): line over 75 octets") }
            // Unfold, then check the component structure.
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
            #expect(unfolded.first == "BEGIN:VCALENDAR")
            #expect(unfolded.last == "END:VCALENDAR")
            #expect(unfolded.contains("VERSION:2.0"))
            #expect(unfolded.contains { $0.hasPrefix("PRODID:") })
            let begins = unfolded.filter { $0 == "BEGIN:VEVENT" }.count
            #expect(begins == unfolded.filter { $0 == "END:VEVENT" }.count)
            #expect(begins >= 2)
            for key in ["UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SUMMARY:"] {
                #expect(unfolded.filter { $0.hasPrefix(key) }.count == begins, "\(path): every VEVENT needs \(key)")
            }
            let uids = unfolded.filter { $0.hasPrefix("UID:") }
            #expect(Set(uids).count == uids.count, "\(path): UIDs must be unique")
            for stamp in unfolded where stamp.hasPrefix("DTSTART:") || stamp.hasPrefix("DTSTAMP:") {
                #expect(stamp.range(of: #"^DT(START|STAMP):\d{8}T\d{6}Z$"#, options: .regularExpression) != nil, "\(stamp)")
            }
        }
        // The local attendee has no travel events; the travellers have two.
        let local = String(decoding: ics.first { $0.path == "itineraries/L1.ics" }!.contents, as: UTF8.self)
        #expect(!local.contains("SUMMARY:Travel"))
        let rep = String(decoding: ics.first { $0.path == "itineraries/R2.ics" }!.contents, as: UTF8.self)
        #expect(rep.components(separatedBy: "SUMMARY:Travel").count - 1 == 2)
    }

    @Test func icsTextIsEscapedAndFoldedWithoutSplittingCharacters() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendar.escape("x\r\ny") == "x\\ny")
        let long = "SUMMARY:" + String(repeating: "é", count: 60)  // 8 + 120 octets
        let folded = ICalendar.fold(long)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[1].hasPrefix(" "))
        #expect(parts[0] + parts[1].dropFirst() == long)
        #expect(ICalendar.utc(Timestamp(parsing: "2027-01-12T09:00-06:00")!.instant) == "20270112T150000Z")
    }

    @Test func reportAndJSONEscapeWhatTheScenarioSays() throws {
        var fx = Fixture.plannable
        fx.files["attendees.csv"] = fx.files["attendees.csv"]!.replacingOccurrences(of: ",West,", with: ",\"R&D <West>, \"\"2\"\"\",")
        let instance = try PlanningInstance(try fx.scenario())
        let outcome = PlannerTestSupport.plan(instance, timeLimit: nil)
        #expect(outcome.termination == .optimal)
        let files = PlanFiles(instance, outcome, now: Self.now).files
        func text(_ p: String) -> String { String(decoding: files.first { $0.path == p }!.contents, as: UTF8.self) }
        let html = text("report.html")
        #expect(html.contains("R&amp;D &lt;West&gt;, &quot;2&quot;"))
        #expect(!html.contains("<West>"))
        #expect(text("dinners.csv").contains("\"R&D <West>, \"\"2\"\"\",2027-01-12,D1,2"))
        #expect(text("itineraries/R2.ics").contains("SUMMARY:Team dinner: R&D <West>\\, \"2\""))
        #expect(esc(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(JSON.string("a\"b\\c\nd\u{1}").rendered() == #""a\"b\\c\nd\u0001""#)
    }

    @Test("report.html's charts: the shuttle waves by hour, hotel rooms against the block, each team's cost and CO2e")
    func reportCharts() throws {
        var fx = Fixture.plannable
        fx.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,200,3")
        let scenario = try fx.scenario()
        let instance = try PlanningInstance(scenario, carbon: FlightEmissions.carbon(of: scenario.travel))
        let outcome = PlannerTestSupport.plan(instance, timeLimit: nil)
        let plan = try #require(outcome.plan)
        let html = HTMLReport(instance, outcome, plan: plan).html
        // Each column's tooltip is its figure: M1 and R1 land at 11:00 on T1, R2 at 15:10 on S1.
        let tips = html.matches(of: /<title>([^<]*)<\/title><\/rect>/).map { String($0.1) }
        #expect(tips.contains("Mon 2027-01-11 11:00 — arriving: 2"))
        #expect(tips.contains("Mon 2027-01-11 15:00 — arriving: 1"))
        let arriving = tips.filter { $0.contains("— arriving: ") }.map { Int($0.split(separator: " ").last!)! }
        let departing = tips.filter { $0.contains("— departing: ") }.map { Int($0.split(separator: " ").last!)! }
        #expect(arriving.reduce(0, +) == 3 && departing.reduce(0, +) == 3, "every traveller once each way")
        // Three travellers stay two nights against a block of three: full columns at the dashed line.
        #expect(html.contains("<h3>Hotel rooms per night against the block of 3</h3>"))
        #expect(tips.contains("night of 2027-01-11 — rooms: 3") && tips.contains("night of 2027-01-12 — rooms: 3"))
        #expect(html.contains("stroke-dasharray=\"6 4\"/><text") && html.contains(">block 3</text>"))
        // Per team: East is M1 and R1 (BOS), West is R2 (SFO) and the local L1, whose 0 kg halves West's mean.
        func kg(_ a: Int) throws -> Double {
            let t = try #require(plan.trips[a])
            return try #require(instance.carbon.kg(t.inbound)) + (try #require(instance.carbon.kg(t.outbound)))
        }
        let east = try kg(0)
        #expect(tips.contains("East: \(String(format: "%.0f", east)) kg"))
        let r2 = try kg(2)
        #expect(tips.contains("West: \(String(format: "%.0f", r2 / 2)) kg"))
    }

    @Test("agenda health read back from summary.json prints exactly as solve printed it (compare reads the file, not stdout)")
    func healthRoundTrip() throws {
        for fx in [Fixture.plannable, HandSolved.twoTravellers] {
            let scenario = try fx.scenario()
            let instance = try PlanningInstance(scenario)
            let outcome = PlannerTestSupport.plan(instance, timeLimit: nil)
            try #require(outcome.plan != nil && outcome.health != nil)
            let solveText = PlanSummaryText(instance, outcome).text
            let lines = solveText.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.firstIndex(of: "  agenda health:"))
            let printed = lines[(start + 1)...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(2)) + "\n" }.joined()
            let summary = Data(PlanFiles(instance, outcome, now: Self.now).summary.rendered().utf8)
            let option = try CompareOption(summary: summary, folder: "X")
            #expect(option.healthText == printed)
            #expect(!printed.isEmpty)
        }
    }

    @Test func fileNamesFromIDsStayInsideTheFolder() {
        #expect(PlanFiles.fileSafe("../../etc/passwd") == "_.._.._etc_passwd")
        #expect(PlanFiles.fileSafe(".hidden") == "_.hidden")
        #expect(PlanFiles.fileSafe("") == "_")
        #expect(PlanFiles.fileSafe("P-001_a.b") == "P-001_a.b")
    }
}
