import ArgumentParser
import Foundation

/// The scenario folder every planning subcommand takes, checked while parsing: a missing folder
/// is that subcommand's usage error (exit 64, with its usage), before any work starts.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    func validate() throws {
        _ = try ScenarioFolder.url(directory)
    }

    /// The folder, checked by `validate()`.
    var url: URL { URL(fileURLWithPath: directory, isDirectory: true) }
}
