import ArgumentParser
import Foundation
import KickoffCore
import KickoffIO
import KickoffReport

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
