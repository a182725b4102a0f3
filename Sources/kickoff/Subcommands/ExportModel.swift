import ArgumentParser
import Foundation
import GLPKBackend
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffReport

/// `kickoff export-model DIR --venue V --format mps|lp --out FILE`: the whole integer program of
/// one venue as a file other solvers read.
struct ExportModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write one venue's complete integer program as an MPS or LP file.",
        discussion: """
            The file is the monolithic program of docs/FORMULATION.md — every session, dinner and travel \
            group in one model, without the block decomposition, the construction heuristic or the \
            probing that drops starts no agenda can use — so its \
            optimum is the objective `kickoff solve` reports for the same venue (cost, minimised). \
            The objective constant (the venue's hire) is a column `objective_constant` fixed at 1; names are \
            made portable. Use it to check Kickoff against another solver, e.g. HiGHS or CBC.
            """
    )

    @OptionGroup var folder: ScenarioArgument

    @Option(help: "The venue id (default: the first in venues.csv).")
    var venue: String?

    @Option(help: "mps (free MPS, minimisation) or lp (CPLEX LP).")
    var format: ModelFileFormat = .mps

    @Option(help: "The file to write.", completion: .file())
    var out: String

    @Option(help: ArgumentHelp("Move the agenda to start on this date (YYYY-MM-DD).", valueName: "date"))
    var startDate: CivilDate?

    @OptionGroup(title: "Cost")
    var cost: CostOptions

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        var scenario = try ScenarioFolder.loadOrExit(folder.directory, limits: input.limits)
        if let startDate { scenario.event.startDate = startDate }
        let instance = try ScenarioFolder.instance(scenario, venue: venue, carbonPrice: cost.carbonPrice)
        let reasons = Prechecks.run(instance)
        let f = reasons.isEmpty ? Formulation(instance) : nil
        if let why = reasons.first ?? f?.obstacles.first {
            print("\(instance.venue.id): no plan is possible, so no model is written: \(why)")
            throw ExitCode.noPlan
        }
        let model = f!.model
        do {
            try ModelFileWriter.write(model, format: format, to: URL(fileURLWithPath: out))
        } catch {
            throw Failure.cannotCreate(error.description)
        }
        print(
            "wrote \(out): \(Figures.count(model.variables.count)) variables (\(Figures.count(model.integerCount)) integer), "
                + "\(Figures.count(model.constraints.count)) constraints, \(Figures.count(model.nonzeroCount)) nonzeros; minimise, constant \(model.objectiveConstant)")
    }
}
