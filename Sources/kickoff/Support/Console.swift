import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffReport

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
        for d in result.diagnostics { Console.diagnostic(d) }
        let e = result.errors.count, w = result.warnings.count
        let counts = "\(Figures.counted(e, "error")), \(Figures.counted(w, "warning"))"
        if e > 0 {
            Console.error("invalid scenario: \(counts)")
            throw ExitCode.dataError
        }
        print("valid: \(counts)")
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A finding, with the option that raises the limit it is about: the libraries state limits,
    /// only the command line names its flags.
    static func diagnostic(_ d: Diagnostic) {
        let flag: String? =
            switch d.code {
            case .fileTooLarge: "--max-file-mb"
            case .tooManyRows: "--max-rows"
            case .fieldTooLong: "--max-field-bytes"
            default: nil
            }
        error(d.description + (flag.map { " (raise it with \($0))" } ?? ""))
    }
}
