import Foundation
import KickoffIO

/// A CSV file's records as column → value, read by Kickoff's own RFC 4180 reader (quoted fields too).
package func csvRecords(_ url: URL) throws -> [[String: String]] {
    let table = try CSVTable(file: url.lastPathComponent, bytes: [UInt8](Data(contentsOf: url)))
    let header = table.header.map(\.text)
    return table.records.map { r in
        Dictionary(zip(header, r.fields.map(\.text)), uniquingKeysWith: { a, _ in a })
    }
}

/// Runs a program to its end and returns its exit status and everything it wrote.
package func runProcess(_ executable: URL, _ arguments: [String], cwd: URL? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes fully before waiting, so a large output cannot block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, o, e)
}
