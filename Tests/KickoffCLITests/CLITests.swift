import Foundation
import KickoffTestSupport
import Testing

/// Runs the built `kickoff` binary (the test target depends on it, so `swift test` builds it).
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["KICKOFF_BIN"] { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("kickoff")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("kickoff")
    }

    init(_ arguments: String..., cwd: URL? = nil) throws {
        let r = try runProcess(Run.binary, arguments, cwd: cwd)
        status = r.status
        stdout = String(decoding: r.stdout, as: UTF8.self)
        stderr = String(decoding: r.stderr, as: UTF8.self)
    }
}

func temporaryFolder() throws -> URL {
    try Scratch.folder("cli")
}

@Suite("The kickoff binary, end to end")
struct CLITests {
    let sample = repositoryRoot.appendingPathComponent("data/sample")

    @Test("validate data/sample: summary on stdout, exit 0")
    func validateSample() throws {
        let r = try Run("validate", sample.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(r.stdout.hasPrefix("Acme Sales Kickoff 2027: 3 days, Tue 2027-01-12 to Thu 2027-01-14\n"))
        #expect(r.stdout.contains("  attendees   250 in 18 teams"))
        #expect(r.stdout.contains("  venue CHI: Lakeshore Conference Hotel Chicago (ORD)"))
        #expect(r.stdout.contains("rejected     304 outside business hours, 173 outside the event's week, 108 weekend"))
        #expect(!r.stdout.contains("no round trip"))
        #expect(r.stdout.hasSuffix("valid: 0 errors, 0 warnings\n"))
    }

    @Test("validate a broken copy: compiler-style errors on stderr, exit 65, no summary")
    func validateBroken() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let rooms = dir.appendingPathComponent("rooms.csv")
        var text = try String(contentsOf: rooms, encoding: .utf8)
        text = text.replacingOccurrences(of: "CHI,BR01,Breakout 1,", with: "CHI,BR01,Breakout 1,twelve;")
        try text.write(to: rooms, atomically: true, encoding: .utf8)
        let attendees = dir.appendingPathComponent("attendees.csv")
        try (try String(contentsOf: attendees, encoding: .utf8) + "P00009,Dup Licate,x@y,Atlas,rep,P00404,ORD,Acme,\n")
            .write(to: attendees, atomically: true, encoding: .utf8)

        let r = try Run("validate", dir.path)
        #expect(r.status == 65)
        #expect(r.stdout == "")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                #"attendees.csv:252:1: error: id: duplicate attendee id "P00009" (first on line 10)"#,
                #"attendees.csv:252:6: error: manager_id: unknown attendee id "P00404""#,
                #"rooms.csv:5:4: error: capacity: expected a whole number, got "twelve;27""#,
                "invalid scenario: 3 errors, 0 warnings"
            ])
    }

    @Test("usage errors exit 64 with a message, not a stack trace")
    func usage() throws {
        let missing = try Run("validate", "/no/such/folder")
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Error: no such scenario folder: /no/such/folder"))
        // Checked while parsing, so the usage shown is the subcommand's, not the root's.
        #expect(missing.stderr.contains("Usage: kickoff validate <directory>"), "\(missing.stderr)")
        let solveMissing = try Run("solve", "/no/such/folder")
        #expect(solveMissing.status == 64)
        #expect(solveMissing.stderr.contains("Usage: kickoff solve [<options>] <directory>"), "\(solveMissing.stderr)")
        let noArgs = try Run("validate")
        #expect(noArgs.status == 64)
        #expect(noArgs.stderr.contains("Missing expected argument '<directory>'"))
        let bad = try Run("generate", "/tmp/x", "--attendees", "2")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--attendees must be between 12 and 200000"))
    }

    @Test("generate writes a valid scenario, deterministically, and never overwrites without --force")
    func generate() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        #expect(try Run("generate", a.path, "--attendees", "120", "--seed", "5").status == 0)
        #expect(try Run("generate", b.path, "--attendees", "120", "--seed", "5").status == 0)
        for name in ["event.csv", "attendees.csv", "travel.csv", "sessions.csv", "enrollments.csv"] {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name) differs between runs")
        }
        #expect(try Run("validate", a.path).status == 0)

        let again = try Run("generate", a.path, "--attendees", "30", "--seed", "6")
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists; choose another folder or pass --force to replace it"))
        // The libraries state a limit; the command line names the option that raises it.
        let capped = try Run("validate", a.path, "--max-rows", "20", "--max-field-bytes", "8")
        #expect(capped.status == 65)
        #expect(capped.stderr.contains("enrollments.csv:22: error: more than 20 rows, the limit (raise it with --max-rows)"), "\(capped.stderr)")
        #expect(capped.stderr.contains("bytes, the limit (raise it with --max-field-bytes)"), "\(capped.stderr)")
        let kept = try String(contentsOf: a.appendingPathComponent("attendees.csv"), encoding: .utf8)
        #expect(kept.split(separator: "\n").count == 121, "the existing folder must be untouched")

        #expect(try Run("generate", a.path, "--attendees", "30", "--seed", "6", "--force").status == 0)
        let replaced = try String(contentsOf: a.appendingPathComponent("attendees.csv"), encoding: .utf8)
        #expect(replaced.split(separator: "\n").count == 31)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [], "no temporary folders left behind")
    }

    @Test("--version names the linked GLPK")
    func version() throws {
        let r = try Run("--version")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("kickoff 0.1.0 (GLPK 5."))
    }
}
