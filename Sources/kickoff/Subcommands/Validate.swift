import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffReport

/// `kickoff validate DIR`: read a scenario, print its summary, warnings and errors.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario folder and summarise it.",
        discussion: "Errors and warnings are printed compiler-style (file:line:column) on standard error. Exit 0 when valid, 65 when not."
    )

    @OptionGroup var folder: ScenarioArgument

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        let url = folder.url
        let result = ScenarioLoader.load(directory: url, limits: input.limits)
        if let scenario = result.scenario {
            print(ScenarioSummary(scenario).text, terminator: "")
        }
        try Report.finish(result)
    }
}
