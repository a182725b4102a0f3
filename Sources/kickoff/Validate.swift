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

    @OptionGroup(title: "Input limits")
    var input: LimitOptions

    func run() throws {
        let url = try ScenarioFolder.url(directory)
        let result = ScenarioLoader.load(directory: url, limits: input.limits)
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

/// `--max-file-mb`, `--max-field-bytes`, `--max-rows`: the reader's ceilings (`CSVLimits`).
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest scenario file read, in MB.")
    var maxFileMb: Int = CSVLimits().maxFileBytes >> 20

    @Option(help: "Longest field, in bytes.")
    var maxFieldBytes: Int = CSVLimits().maxFieldBytes

    @Option(help: "Most data rows in one file.")
    var maxRows: Int = CSVLimits().maxRows

    func validate() throws {
        guard maxFileMb >= 1, maxFileMb <= 1 << 20 else { throw ValidationError("--max-file-mb must be between 1 and 1048576") }
        guard maxFieldBytes >= 1 else { throw ValidationError("--max-field-bytes must be at least 1") }
        guard maxRows >= 1 else { throw ValidationError("--max-rows must be at least 1") }
    }

    var limits: CSVLimits {
        var l = CSVLimits()
        l.maxFileBytes = maxFileMb << 20
        l.maxFieldBytes = maxFieldBytes
        l.maxRows = maxRows
        return l
    }

    /// The same flags, for a child `kickoff` process.
    var arguments: [String] {
        ["--max-file-mb", String(maxFileMb), "--max-field-bytes", String(maxFieldBytes), "--max-rows", String(maxRows)]
    }
}
