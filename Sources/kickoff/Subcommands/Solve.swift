import Airports
import ArgumentParser
import Foundation
import GLPKBackend
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner
import KickoffReport
import MIP

/// `kickoff solve DIR`: plan one venue and write the plan folder.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the event at one venue and write the plan folder.",
        discussion: """
            Builds one integer program (sessions → rooms and times, team dinners, every traveller's legs, \
            hotel nights) and solves it with GLPK, minimising travel + hotel + time away + dinners + venue \
            (+ carbon at a --carbon-price). \
            The plan is re-checked against every rule before it is written, and the folder appears whole or \
            not at all. Exit 0 with a plan; 1 with none (summary.json still says why); 70 on an internal error (a plan the checker rejects).
            """
    )

    @OptionGroup var folder: ScenarioArgument

    @Option(help: "The venue id to plan (default: the first in venues.csv).")
    var venue: String?

    @Option(help: "The plan folder to write (default: plan-<venue> beside the scenario). An existing plan folder is replaced.")
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Move the agenda to start on this date (YYYY-MM-DD); travel.csv's legs stay as written.",
            valueName: "date"))
    var startDate: CivilDate?

    @OptionGroup(title: "Search")
    var search: SearchOptions

    @OptionGroup(title: "Cost")
    var cost: CostOptions

    @OptionGroup(title: "Re-plan")
    var replan: ReplanOptions

    @OptionGroup(title: "Calendars")
    var calendars: CalendarOptions

    @Flag(help: "Show GLPK's own output.")
    var verbose = false

    @Flag(help: "Print no progress while solving.")
    var quiet = false

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        let began = Date()
        let url = folder.url
        var scenario = try ScenarioFolder.loadOrExit(folder.directory, limits: input.limits)
        if let startDate { scenario.event.startDate = startDate }
        let baseline = try replan.load(input.limits)
        if let baseline, let venue, venue != baseline.venue {
            throw ValidationError("the baseline was planned at \(baseline.venue); re-plan it there (omit --venue) or drop --baseline")
        }
        let instance = try ScenarioFolder.instance(scenario, venue: venue ?? baseline?.venue, carbonPrice: cost.carbonPrice)
        let destination =
            out.map { URL(fileURLWithPath: $0) }
            ?? replan.baseline.map { URL(fileURLWithPath: URL(fileURLWithPath: $0).standardizedFileURL.path + "-replan") }
            ?? url.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("plan-\(PlanFiles.fileSafe(instance.venue.id.rawValue))")
        try PlanFolder.checkReplaceable(destination)
        let match = baseline.map { BaselineMatch($0, instance: instance, penalties: replan.penalties) }

        var options = SolveOptions()
        options.timeLimit = search.searchSeconds(after: Date().timeIntervalSince(began), attendees: scenario.attendees.count)
        options.relativeGap = search.gap
        options.threads = ProcessInfo.processInfo.activeProcessorCount
        options.verbose = verbose
        let display = ProgressDisplay(enabled: !quiet && !verbose)
        options.progress = { display.update($0) }
        Interrupts.shared.install()
        options.shouldStop = { Interrupts.shared.requested }
        let outcome = Planner(solver: DecomposingSolver(GLPKSolver.racing)).plan(instance, baseline: match, options: options)
        display.finish()

        if let code = Interrupts.shared.exitCode {
            // Interrupted: the best plan so far is written whole, or nothing is (no unplaced.csv
            // either); the old folder stays.
            guard outcome.plan != nil else {
                print(PlanSummaryText(instance, outcome, pointsToFile: false).text, terminator: "")
                print("stopped before any plan was found; nothing written")
                throw ExitCode(code)
            }
        }
        let stamp = search.now?.instant ?? Int(Date().timeIntervalSince1970 / 60)
        let planFiles = PlanFiles(instance, outcome, now: stamp, baseline: baseline, calendar: calendars.settings)
        print(PlanSummaryText(instance, outcome, transfers: planFiles.transfers).text, terminator: "")
        if let baseline, baseline.calendars == nil {
            Console.error("warning: the baseline has no itineraries/*.ics; every calendar is written as new (SEQUENCE 0) and notices.csv is not written")
        }
        let files = planFiles.files
        do {
            try AtomicFolder.write(files, to: destination, replace: true)
        } catch {
            throw Failure.cannotWrite(error)
        }
        if outcome.plan != nil {
            print("wrote \(destination.relativePathForDisplay): \(files.count) files (open report.html)")
            if let book = planFiles.book, let notices = book.notices {
                print(
                    "calendars: \(Figures.counted(book.updatedEvents, "event")) updated, \(book.cancelledEvents) cancelled, "
                        + "\(Figures.counted(book.cancelledCalendars, "calendar")) cancelled; "
                        + "notices.csv: \(Figures.counted(notices.count, "attendee")) to tell")
            }
            if let code = Interrupts.shared.exitCode { throw ExitCode(code) }
        } else {
            print("no plan; wrote \(destination.relativePathForDisplay)/summary.json")
            // An internal error (a plan the checker rejects, a solver failure) is 70, not "no plan".
            if outcome.termination.reason == .error { throw ExitCode.internalError }
            throw ExitCode.noPlan
        }
    }
}
