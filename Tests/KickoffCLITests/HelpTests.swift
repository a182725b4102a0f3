import Foundation
import KickoffTestSupport
import Testing

/// Every `--help` of the built binary, byte for byte against Tests/KickoffCLITests/Help/
/// (`Golden`: a line diff on a mismatch). A change to an option's help is deliberate: re-record
/// with `SNAPSHOT_TESTING_RECORD=all swift test --filter HelpTests` (recording fails the run, so a
/// recorded file is always looked at), then read the diff.
@Suite("Every --help, exactly")
struct HelpTests {
    static let dir = repositoryRoot.appendingPathComponent("Tests/KickoffCLITests/Help")
    static let commands = ["", "solve", "compare", "explain", "validate", "generate", "export-model"]

    @Test("--help of each command matches its recorded text", arguments: commands)
    func help(_ command: String) throws {
        let r = command.isEmpty ? try Run("--help") : try Run(command, "--help")
        #expect(r.status == 0)
        let failure = Golden.verify(r.stdout, kind: "help", name: command.isEmpty ? "kickoff" : command, pathExtension: "txt", in: Self.dir)
        #expect(failure == nil, Comment(rawValue: failure ?? ""))
    }
}
