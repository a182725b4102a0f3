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

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    func run() throws {
        let url = try ScenarioFolder.url(directory)
        let result = ScenarioLoader.load(directory: url)
        if let scenario = result.scenario {
            print(ScenarioSummary(scenario).text, terminator: "")
        }
        try Report.finish(result)
    }
}

enum ScenarioFolder {
    /// The folder as a URL, or a usage error (exit 64) if it is not a folder.
    static func url(_ path: String) throws -> URL {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ValidationError("no such scenario folder: \(path)")
        }
        guard isDir.boolValue else { throw ValidationError("not a folder: \(path) (a scenario is a folder of CSV files)") }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

enum Report {
    /// Prints diagnostics to standard error and a closing count; exits 65 on errors.
    static func finish(_ result: LoadResult) throws {
        for d in result.diagnostics { Console.error(d.description) }
        let e = result.errors.count, w = result.warnings.count
        let counts = "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
        if e > 0 {
            Console.error("invalid scenario: \(counts)")
            throw ExitCode(65)
        }
        print("valid: \(counts)")
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
