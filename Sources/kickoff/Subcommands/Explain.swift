import ArgumentParser
import Foundation
import GLPKBackend
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner
import MIP

/// `kickoff explain DIR --venue V`: why a venue has no plan, in the user's words.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain why a venue has no plan, and what to relax.",
        discussion: """
            Runs the pre-checks (rooms, slots, precedence chains, overbooked attendees, travel legs, \
            restaurants, hotel block), then, if they pass, solves an elastic version of the program in \
            which every requirement may be broken at a cost, and reports the fewest broken ones. \
            Exit 0 when the venue has a plan, 1 when it has none.
            """
    )

    @OptionGroup var folder: ScenarioArgument

    @Option(help: "The venue id (default: the first in venues.csv).")
    var venue: String?

    @Option(help: "Seconds for the elastic solve.")
    var timeLimit: Double = 60

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        let scenario = try ScenarioFolder.loadOrExit(folder.directory, limits: input.limits)
        let instance = try ScenarioFolder.instance(scenario, venue: venue)
        switch Explainer.explain(instance, solver: DecomposingSolver(GLPKSolver()), timeLimit: timeLimit) {
        case .feasible:
            print("\(instance.venue.id): a plan exists; `kickoff solve` will find it")
        case .reasons(let reasons):
            print("\(instance.venue.id): no plan, because")
            for r in reasons { print("  - \(r.sentence(in: instance))") }
            throw ExitCode.noPlan
        case .undetermined(let seconds, let ended):
            let why = Reason.undetermined(seconds: seconds, ended: ended).sentence(in: instance)
            print("\(instance.venue.id): undetermined: \(why); try a longer --time-limit")
            throw ExitCode.noPlan
        }
    }
}
