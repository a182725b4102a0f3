import Foundation
import SnapshotTesting

/// Golden text files compared by swift-snapshot-testing, with a line diff on a mismatch.
///
/// A file is `<folder>/<kind>.<name>.<extension>`. A missing one is recorded and reported as a
/// failure, so a recorded file is always looked at; re-record on purpose with
/// `SNAPSHOT_TESTING_RECORD=all swift test --filter …`, then read the diff.
package enum Golden {
    /// nil when `text` matches the golden file; otherwise what differs.
    package static func verify(
        _ text: String, kind: String, name: String, pathExtension: String, in folder: URL,
        file: StaticString = #filePath, line: UInt = #line
    ) -> String? {
        var format = Snapshotting<String, String>.lines
        format.pathExtension = pathExtension
        return verifySnapshot(
            of: text, as: format, named: name, snapshotDirectory: folder.path,
            file: file, testName: kind, line: line)
    }
}
