import ArgumentParser
import GLPKBackend

/// `kickoff`: plans a sales kickoff from a folder of CSV files.
@main
struct Kickoff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kickoff",
        abstract: "Plan a sales kickoff: sessions, rooms, travel, hotel nights and team dinners.",
        discussion: """
            A scenario is a folder of CSV files (event, attendees, venues, rooms, sessions, travel, \
            and optionally slots, dinners, enrollments, followups, transfers); docs/FORMATS.md describes every file.

            Exit codes: 0 success, 1 no plan, 64 usage error, 65 invalid input data, 70 internal error, 73 output folder cannot be written, 130/143 interrupted.
            """,
        version: "kickoff 0.1.0 (GLPK \(GLPK.version))",
        subcommands: [Validate.self, Solve.self, Compare.self, Explain.self, Generate.self, ExportModel.self]
    )

    /// Parses and runs the subcommand; a `Failure` is printed here, the one place, with one prefix.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as Failure {
            Console.error("error: \(failure.message)")
            exit(withError: failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
