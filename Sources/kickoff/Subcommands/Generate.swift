import ArgumentParser
import Foundation
import KickoffGenerate
import KickoffIO

/// `kickoff generate OUT --attendees N --seed S`: write a realistic scenario folder.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic scenario of any size (deterministic for a seed).",
        discussion: "Airports are real (OpenFlights, ODbL). The folder is written whole or not at all."
    )

    @Argument(help: "The scenario folder to create.", completion: .directory)
    var out: String

    @Option(help: "Number of attendees.")
    var attendees: Int = 250

    @Option(help: "Random seed; the same seed and options give byte-identical files.")
    var seed: UInt64 = 1

    @Option(help: "Number of sales teams (default: about √attendees).")
    var teams: Int?

    @Option(help: "Number of candidate venues (1–8).")
    var venues: Int = 3

    @Option(help: "Number of distinct home airports (default grows with attendees, 300 at 10,000).")
    var airports: Int?

    @Option(help: "Number of elective sessions with sign-ups (default grows with attendees).")
    var electives: Int?

    @Option(help: "Weeks of bookable legs from the event's week on, so compare --start-dates can try later weeks (1–8).")
    var weeks: Int = 1

    @Flag(help: "Let slots be cut from event.csv instead of writing slots.csv with a lunch break.")
    var cutSlots = false

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    func validate() throws {
        guard (12...200_000).contains(attendees) else { throw ValidationError("--attendees must be between 12 and 200000") }
        guard (1...8).contains(venues) else { throw ValidationError("--venues must be between 1 and 8") }
        if let teams, teams < 2 { throw ValidationError("--teams must be at least 2") }
        if let airports, airports < 1 { throw ValidationError("--airports must be at least 1") }
        guard (1...8).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 8") }
        if let electives, electives < 0 { throw ValidationError("--electives must be 0 or more") }
    }

    func run() throws {
        var options = GeneratorOptions(attendees: attendees, seed: seed)
        options.teams = teams
        options.venues = venues
        options.homeAirports = airports
        options.electives = electives
        options.slotsFile = !cutSlots
        options.weeks = weeks
        var generator = ScenarioGenerator(options)
        let files = generator.files().map { (path: $0.name, contents: Data($0.text.utf8)) }
        do {
            try AtomicFolder.write(files, to: URL(fileURLWithPath: out), replace: force)
        } catch {
            throw Failure.cannotWrite(error)
        }
        print("wrote \(out): \(attendees) attendees, \(files.count) files")
    }
}
