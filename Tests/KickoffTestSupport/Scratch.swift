import Foundation

/// Every temporary file and folder a test makes lives under one folder per test process,
/// removed when the process exits, so a test run leaves nothing behind in the system's
/// temporary folder.
package enum Scratch {
    /// `<tmp>/kickoff-tests-<pid>`, created on first use and removed at exit.
    package static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kickoff-tests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A new, empty folder under `root`.
    package static func folder(_ prefix: String = "kickoff") throws -> URL {
        let dir = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A path under `root` for a file not yet written.
    package static func file(_ prefix: String, extension ext: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString).\(ext)")
    }
}

/// A summary.json (or any JSON object file) as a dictionary; throws when it is not one.
package func jsonObject(_ url: URL) throws -> [String: Any] {
    guard let o = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
        throw FixtureError(diagnostics: ["\(url.path) is not a JSON object"])
    }
    return o
}
