import Foundation
import KickoffTestSupport
import Testing

/// Every `--help` of the built binary, byte for byte against Tests/KickoffCLITests/Help/. A change
/// to an option's help is deliberate: re-record with `KICKOFF_RECORD_HELP=1 swift test --filter HelpTests`
/// (recording fails the run, so a recorded file is always looked at), then read the diff.
@Suite("Every --help, exactly")
struct HelpTests {
    static let dir = repositoryRoot.appendingPathComponent("Tests/KickoffCLITests/Help")
    static let commands = ["", "solve", "compare", "explain", "validate", "generate", "export-model"]

    @Test("--help of each command matches its recorded text", arguments: commands)
    func help(_ command: String) throws {
        let r = command.isEmpty ? try Run("--help") : try Run(command, "--help")
        #expect(r.status == 0)
        let file = Self.dir.appendingPathComponent("\(command.isEmpty ? "kickoff" : command).txt")
        if ProcessInfo.processInfo.environment["KICKOFF_RECORD_HELP"] == "1" {
            try Data(r.stdout.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); re-run without KICKOFF_RECORD_HELP")
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        if r.stdout != recorded {
            let a = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let b = recorded.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                \(file.lastPathComponent) differs from line \(first + 1):
                  now:      \(first < a.count ? a[first] : "(end)")
                  recorded: \(first < b.count ? b[first] : "(end)")
                """)
        }
    }
}
