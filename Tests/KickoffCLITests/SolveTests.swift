import Foundation
import KickoffTestSupport
import Testing

@Suite("kickoff solve, end to end")
struct SolveTests {
    let sample = repositoryRoot.appendingPathComponent("data/sample")

    @Test("data/sample solves to proven optimality and writes the whole plan folder")
    func solveSample() throws {
        let tmp = try temporaryFolder()
        let out = tmp.appendingPathComponent("plan")
        let r = try Run("solve", sample.path, "--out", out.path, "--quiet", "--now", "2027-01-04T09:00+00:00")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(r.stdout.hasPrefix("Acme Sales Kickoff 2027 at Lakeshore Conference Hotel Chicago (CHI): optimal\n"))
        #expect(r.stdout.contains("  total        1,100,787.00 USD\n"))
        #expect(r.stdout.contains("243 travellers, 7 local, 740 hotel nights, 41 sessions"))
        let fm = FileManager.default
        for name in ["schedule.csv", "itineraries.csv", "dinners.csv", "summary.json", "report.html", "itineraries/P00001.ics"] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        #expect(try fm.contentsOfDirectory(atPath: out.appendingPathComponent("itineraries").path).count == 250)
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["objective"] as? Double == 1_100_787)
        #expect(summary["gap"] as? Double == 0)
        let itineraries = try String(contentsOf: out.appendingPathComponent("itineraries.csv"), encoding: .utf8)
        #expect(itineraries.split(separator: "\n").count == 251)
        // Nothing is left behind but the plan folder.
        #expect(try fm.contentsOfDirectory(atPath: tmp.path) == ["plan"])

        // Solving again replaces the plan folder with a complete new one.
        let again = try Run("solve", sample.path, "--out", out.path, "--quiet", "--now", "2027-01-04T09:00+00:00")
        #expect(again.status == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("itineraries.csv")) == Data(itineraries.utf8))
    }

    @Test("no plan: exit 1, the reason printed, summary.json alone")
    func infeasible() throws {
        let fx = Fixture()  // R2 lives in San Francisco, and no leg serves SFO
        let dir = try fx.write()
        let out = dir.appendingPathComponent("plan")
        let r = try Run("solve", dir.path, "--out", out.path, "--quiet")
        #expect(r.status == 1)
        #expect(r.stdout.contains(": infeasible\n"))
        #expect(r.stdout.contains("  reason: R2 (from SFO) has no usable inbound leg: travel.csv has no SFO→ORD leg\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["summary.json"])
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "infeasible")
        #expect(
            summary["reasons"] as? [String] == [
                "R2 (from SFO) has no usable inbound leg: travel.csv has no SFO→ORD leg",
                "R2 (from SFO) has no usable outbound leg: travel.csv has no ORD→SFO leg"
            ])
    }

    @Test("no plan in time is not infeasible: exit 1, time_limit, summary.json and unplaced.csv with what blocks each session")
    func unplacedWhenTimeRunsOut() throws {
        // 47 one-hour sessions in 5 hours (`Fixture.hardTimetable`): the greedy orders give up, the
        // repair search cannot place them all, and nothing proves in 3 s that no timetable exists.
        // This used to report "no plan" with nothing to act on.
        let dir = try Fixture.hardTimetable.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("plan")
        let r = try Run("solve", dir.path, "--out", out.path, "--quiet", "--time-limit", "3")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains(": time_limit\n"))
        #expect(r.stdout.contains("see unplaced.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["summary.json", "unplaced.csv"])
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "time_limit")
        let unplaced = try #require(summary["unplaced"] as? [String: Any])
        let rows = try String(contentsOf: out.appendingPathComponent("unplaced.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["session", "title", "kind", "attendees", "tried_day", "tried_start", "tried_room", "blocked_by"])
        let body = rows.dropFirst()
        #expect(!body.isEmpty)
        #expect(unplaced["sessions"] as? Int == body.count)
        let affected = try #require(unplaced["attendees_affected"] as? Int)
        #expect(affected >= body.map { Int($0[3])! }.max()! && affected <= 236)
        for row in body {
            #expect(row.count == 8)
            #expect(row[0].hasPrefix("E") && row[4] == "1" && row[6].hasPrefix("R"), "\(row)")
            #expect(row[7].contains("also in E") || row[7].contains("room R"), "no reason: \(row)")
        }
    }

    @Test("the default plan folder is plan-<venue> beside the scenario; --venue picks the venue")
    func defaultOutput() throws {
        let parent = try temporaryFolder()
        let dir = parent.appendingPathComponent("sko")
        try FileManager.default.copyItem(at: try Fixture.plannable.write(), to: dir)
        let r = try Run("solve", dir.path, "--venue", "CHI", "--quiet")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("plan-CHI/schedule.csv").path))
    }

    @Test("usage errors: unknown venue (64); an --out folder that is not a plan folder is never replaced (73)")
    func refusals() throws {
        let dir = try Fixture.plannable.write()
        let bad = try Run("solve", dir.path, "--venue", "NYC")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("no venue \"NYC\" in venues.csv (venues: CHI)"))
        let precious = try temporaryFolder()
        try Data("keep me".utf8).write(to: precious.appendingPathComponent("notes.txt"))
        let r = try Run("solve", dir.path, "--out", precious.path, "--quiet")
        #expect(r.status == 73)
        #expect(r.stderr.contains("is not a plan folder (no summary.json)"))
        #expect(try String(contentsOf: precious.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test("invalid input: exit 65 with the location, nothing written")
    func invalidInput() throws {
        var fx = Fixture.plannable
        fx.replace("rooms.csv", line: 2, with: "CHI,BALL,Ballroom,lots,stage;av")
        let dir = try fx.write()
        let out = dir.appendingPathComponent("plan")
        let r = try Run("solve", dir.path, "--out", out.path)
        #expect(r.status == 65)
        #expect(r.stderr.contains("rooms.csv:2:4: error: capacity: expected a whole number, got \"lots\""))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

@Suite("kickoff explain, end to end")
struct ExplainTests {
    @Test("names the culprit and exits 1; a plannable venue exits 0")
    func explain() throws {
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\nS1,For Ann,id:A1,D1-1000\nS2,For Ben,id:A2,D1-1000\n"
        let r = try Run("explain", try fx.write().path, "--venue", "CHI")
        #expect(r.status == 1)
        #expect(r.stdout == "CHI: no plan, because\n  - room R1 is needed by two sessions at D1-1000; add a room or allow the sessions other slots\n")
        let ok = try Run("explain", try HandSolved.twoTravellers.write().path)
        #expect(ok.status == 0)
        #expect(ok.stdout == "CHI: a plan exists; `kickoff solve` will find it\n")
    }

    @Test("solve prints the explanation when the program is infeasible")
    func solvePrintsIt() throws {
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\nS1,For Ann,id:A1,D1-1000\nS2,For Ben,id:A2,D1-1000\n"
        let dir = try fx.write()
        let r = try Run("solve", dir.path, "--out", dir.appendingPathComponent("plan").path, "--quiet")
        #expect(r.status == 1)
        #expect(r.stdout.contains("  reason: room R1 is needed by two sessions at D1-1000; add a room or allow the sessions other slots\n"))
    }
}

@Suite("Hostile scenario text, end to end")
struct InjectionTests {
    @Test("formula cells are neutralised, HTML and ICS escaped, and an id like ../../x never becomes a path outside the plan")
    func hostileText() throws {
        var fx = Fixture.plannable
        fx.files["attendees.csv"] = fx.files["attendees.csv"]!
            .replacingOccurrences(of: ",West,", with: ",<script>alert(1)</script>,")
            .replacingOccurrences(of: "L1,Lou Local,", with: "../../x,\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",")
        fx.files["sessions.csv"] = fx.files["sessions.csv"]!
            .replacingOccurrences(of: "OPEN,Opening,", with: "OPEN,\"@SUM(1+1);x,y\",")
            .replacingOccurrences(of: "PRAC,L1", with: "PRAC,../../x")
        // The plan goes two folders down, so "itineraries/../../x" would land in `root`.
        let root = try fx.write()
        let out = root.appendingPathComponent("plans/plan")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: root.path))
        let r = try Run("solve", root.path, "--out", out.path, "--quiet", "--now", "2027-01-04T09:00+00:00")
        #expect(r.status == 0, "\(r.stderr)")

        // Nothing outside the plan folder; the hostile id's calendar is a plain file inside it.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["plan"])
        let calendars = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("itineraries").path).sorted()
        #expect(calendars == ["M1.ics", "R1.ics", "R2.ics", "_.._.._x.ics"])

        let itineraries = try String(contentsOf: out.appendingPathComponent("itineraries.csv"), encoding: .utf8)
        #expect(itineraries.contains("\n../../x,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",<script>alert(1)</script>,"))
        let schedule = try String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8)
        #expect(schedule.contains("\nOPEN,\"'@SUM(1+1);x,y\",keynote,"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let ics = try String(contentsOf: out.appendingPathComponent("itineraries/_.._.._x.ics"), encoding: .utf8)
        #expect(ics.contains("SUMMARY:@SUM(1+1)\\;x\\,y\r\n"))
        // The UID percent-encodes the id ("." and "/" too), so it cannot run into the UID's own dots or the domain.
        #expect(ics.range(of: #"\r\nUID:%2E%2E%2F%2E%2E%2Fx\.session\.OPEN@[a-z0-9-]+\.kickoff\.invalid\r\n"#, options: .regularExpression) != nil, "\(ics)")
    }
}

@Suite("Signals during a long solve")
struct SignalTests {
    /// Starts `kickoff solve` on a 2,000-attendee scenario (minutes to prove optimal), waits for
    /// its first progress line — the search is running — sends `sig`, and returns the exit status.
    func interrupt(with sig: Int32, out: URL, scenario: URL? = nil) throws -> (status: Int32, stdout: String) {
        let dir: URL
        if let scenario {
            dir = scenario
        } else {
            dir = try temporaryFolder().appendingPathComponent("big")
            try #require(try Run("generate", dir.path, "--attendees", "2000", "--seed", "11").status == 0)
        }
        let p = Process()
        p.executableURL = Run.binary
        p.arguments = ["solve", dir.path, "--out", out.path, "--now", "2027-01-04T09:00+00:00"]
        let errPipe = Pipe(), outPipe = Pipe()
        p.standardError = errPipe
        p.standardOutput = outPipe
        try p.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains(" s  "), Date() < deadline {
            let chunk = errPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains(" s  "), "no progress line: \(seen)")
        kill(p.processIdentifier, sig)
        let stdout = String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, stdout)
    }

    @Test("SIGINT stops the search and writes the best plan so far, complete, as feasible with its gap; exit 130")
    func sigint() throws {
        let root = try temporaryFolder()
        let out = root.appendingPathComponent("plan")
        // An earlier plan folder is there: it must be replaced by a complete new one.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("{\"status\":\"old\"}".utf8).write(to: out.appendingPathComponent("summary.json"))
        let r = try interrupt(with: SIGINT, out: out)
        #expect(r.status == 130)
        #expect(r.stdout.contains(": feasible, gap "))
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "feasible")
        #expect((summary["gap"] as? Double).map { $0 >= 0 && $0 < 0.05 } == true)
        for name in ["schedule.csv", "itineraries.csv", "dinners.csv", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("itineraries").path).count == 2000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["plan"], "no staging folder left")
    }

    @Test("SIGINT before any plan (the repair search and GLPK still racing): exit 130, nothing written, the earlier folder stays")
    func sigintWithoutPlan() throws {
        let dir = try Fixture.hardTimetable.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("{\"status\":\"old\"}".utf8).write(to: out.appendingPathComponent("summary.json"))
        let r = try interrupt(with: SIGINT, out: out, scenario: dir)
        #expect(r.status == 130)
        #expect(r.stdout.contains(": time_limit\n"))
        #expect(r.stdout.hasSuffix("stopped before any plan was found; nothing written\n"))
        #expect(!r.stdout.contains("unplaced.csv"), "promises a file it does not write: \(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["summary.json"])
        #expect(try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8) == "{\"status\":\"old\"}")
    }

    @Test("SIGTERM does the same with exit 143")
    func sigterm() throws {
        let out = try temporaryFolder().appendingPathComponent("plan")
        let r = try interrupt(with: SIGTERM, out: out)
        #expect(r.status == 143)
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "feasible")
    }

    @Test("SIGTERM to compare stops every option and writes nothing; an existing comparison stays as it was")
    func compareInterrupted() throws {
        let root = try temporaryFolder()
        let dir = root.appendingPathComponent("big")
        try #require(try Run("generate", dir.path, "--attendees", "2000", "--seed", "11").status == 0)
        let out = root.appendingPathComponent("cmp")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("venue\n".utf8).write(to: out.appendingPathComponent("compare.csv"))
        let p = Process()
        p.executableURL = Run.binary
        p.arguments = ["compare", dir.path, "--out", out.path, "--jobs", "2", "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let started = Date()
        try p.run()
        Thread.sleep(forTimeInterval: 6)
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(p.terminationStatus == 143)
        #expect(Date().timeIntervalSince(started) < 60, "the children stopped too")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["compare.csv"])
        #expect(try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8) == "venue\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["big", "cmp"], "no staging folder left")
    }
}

@Suite("Faults and determinism")
struct FaultTests {
    func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in e where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test("the same input and flags give byte-identical plan files; only summary.json's solve_seconds may differ")
    func byteIdenticalReruns() throws {
        let dir = try Fixture.plannable.write()
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        for out in [a, b] {
            #expect(try Run("solve", dir.path, "--out", out.path, "--quiet", "--now", "2027-01-04T09:00+00:00").status == 0)
        }
        let ta = try tree(a), tb = try tree(b)
        #expect(ta.count == 10)  // 6 files (followups.csv: comp_plan_date is set) and 4 calendars
        #expect(ta.keys.sorted() == tb.keys.sorted())
        for (name, data) in ta where name != "/summary.json" { #expect(tb[name] == data, "\(name) differs") }
        func masked(_ d: Data?) -> String {
            String(decoding: d ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: #""solve_seconds": [0-9.e-]+"#, with: "", options: .regularExpression)
        }
        #expect(masked(ta["/summary.json"]) == masked(tb["/summary.json"]))
    }

    @Test("an output folder that cannot be written: a clear error, exit 73, nothing half-written")
    func unwritableOutput() throws {
        let dir = try Fixture.plannable.write()
        let blocker = dir.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let r = try Run("solve", dir.path, "--out", blocker.appendingPathComponent("plan").path, "--quiet")
        #expect(r.status == 73)
        // The whole error block, exactly: one line, one prefix.
        #expect(r.stderr == "error: \(blocker.standardizedFileURL.path): no such folder to write plan into\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before)
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "x")
        // An output path that is an existing file is refused the same way.
        let file = try Run("solve", dir.path, "--out", blocker.path, "--quiet")
        #expect(file.status == 73)
        #expect(file.stderr == "error: \(blocker.path) exists and is not a folder; choose another --out\n")
    }
}
