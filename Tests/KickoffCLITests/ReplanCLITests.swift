import Foundation
import KickoffTestSupport
import Testing

@Suite("kickoff solve --baseline, end to end")
struct ReplanCLITests {
    static let now = "2027-01-04T09:00+00:00"

    /// A published plan of `Fixture.plannable` in `parent/plan`, and the scenario folder `parent/sko`.
    static func published() throws -> (parent: URL, scenario: URL, plan: URL) {
        let parent = try temporaryFolder()
        let scenario = parent.appendingPathComponent("sko")
        try FileManager.default.copyItem(at: try Fixture.plannable.write(), to: scenario)
        let plan = parent.appendingPathComponent("plan")
        let r = try Run("solve", scenario.path, "--out", plan.path, "--quiet", "--now", now)
        #expect(r.status == 0, "\(r.stderr)")
        return (parent, scenario, plan)
    }

    @Test("a new attendee: the re-plan lands beside the baseline with changes.csv and the changes sections")
    func newAttendee() throws {
        let (parent, scenario, plan) = try Self.published()
        let attendees = scenario.appendingPathComponent("attendees.csv")
        try (String(contentsOf: attendees, encoding: .utf8) + "R3,Ria Rep,East,rep,M1,BOS,Acme,\n").write(to: attendees, atomically: true, encoding: .utf8)
        let r = try Run("solve", scenario.path, "--baseline", plan.path, "--quiet", "--now", Self.now)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  changes from the baseline (changes.csv): 1 joined, 0 left\n"))
        let out = parent.appendingPathComponent("plan-replan")
        let changes = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
        #expect(changes.hasPrefix("what,id,change,from,to,why\n"))
        #expect(changes.contains("\nattendee,R3,added,,T1 / "))
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        let section = try #require(summary["changes"] as? [String: Any])
        #expect(section["joined"] as? Int == 1)
        #expect(section["left"] as? Int == 0)
        #expect((section["sessions"] as? [String: Any])?["compared"] as? Int == 5)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Changes from the baseline</h2>"))
        // The baseline is untouched.
        #expect(!FileManager.default.fileExists(atPath: plan.appendingPathComponent("changes.csv").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["plan", "plan-replan", "sko"])
    }

    @Test("a broken baseline is an input error at its file, line and column; nothing is written")
    func brokenBaseline() throws {
        let (parent, scenario, plan) = try Self.published()
        let schedule = plan.appendingPathComponent("schedule.csv")
        var lines = try String(contentsOf: schedule, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "2027-01-1", with: "2027-13-1")
        try lines.joined(separator: "\n").write(to: schedule, atomically: true, encoding: .utf8)
        let r = try Run("solve", scenario.path, "--baseline", plan.path, "--quiet")
        #expect(r.status == 65)
        #expect(r.stderr.contains("plan/schedule.csv:3:5: error: date: expected a date YYYY-MM-DD, got \"2027-13-1"), "\(r.stderr)")
        #expect(r.stderr.contains("invalid baseline: 1 error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["plan", "sko"])
    }

    @Test("a scenario folder is no baseline; nor is a plan for another venue")
    func wrongBaselines() throws {
        let (_, scenario, plan) = try Self.published()
        let r = try Run("solve", scenario.path, "--baseline", scenario.path, "--quiet")
        #expect(r.status == 65)
        #expect(r.stderr.contains("sko/summary.json: error: missing: the baseline must be a plan folder written by kickoff solve"), "\(r.stderr)")
        let v = try Run("solve", scenario.path, "--baseline", plan.path, "--venue", "NYC", "--quiet")
        #expect(v.status == 64)
        #expect(v.stderr.contains("the baseline was planned at CHI"), "\(v.stderr)")
        let p = try Run("solve", scenario.path, "--baseline", plan.path, "--rebook-penalty=-1")
        #expect(p.status == 64)
        #expect(p.stderr.contains("--rebook-penalty must be a number from 0 to 1000000000"))
    }
}

@Suite("kickoff export-model, end to end")
struct ExportModelCLITests {
    @Test("writes the model file; no possible plan means no file and exit 1; a bad format is a usage error")
    func export() throws {
        let dir = try Fixture.plannable.write()
        let file = dir.appendingPathComponent("chi.lp")
        let r = try Run("export-model", dir.path, "--format", "lp", "--out", file.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("wrote \(file.path): "))
        #expect(try String(contentsOf: file, encoding: .utf8).contains("Minimize"))

        let infeasible = try Fixture().write()  // R2 (SFO) has no legs
        let none = infeasible.appendingPathComponent("x.mps")
        let n = try Run("export-model", infeasible.path, "--out", none.path)
        #expect(n.status == 1)
        #expect(n.stdout.contains("no plan is possible, so no model is written: R2 (from SFO) has no usable inbound leg"))
        #expect(!FileManager.default.fileExists(atPath: none.path))

        let bad = try Run("export-model", dir.path, "--format", "xls", "--out", file.path)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("is invalid for '--format <format>'. Please provide one of 'mps' and 'lp'."))
    }
}
