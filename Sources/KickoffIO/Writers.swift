import CKickoffSystem
import Foundation

/// Builds RFC 4180 CSV text: fields quoted only when they must be, LF line ends.
///
/// Output files for people (plans, comparisons) neutralise cells a spreadsheet would run as a
/// formula: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return — unless it is a
/// plain number such as `-12.50` — gets a leading `'`, which spreadsheets show as text (the OWASP
/// "CSV injection" advice). Scenario files Kickoff reads back (the generator's) keep cells as they are.
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    public let neutralizesFormulas: Bool

    public init(header: [String], neutralizesFormulas: Bool = true) {
        self.neutralizesFormulas = neutralizesFormulas
        row(header)
    }

    public mutating func row(_ fields: [String]) {
        text += fields.map { CSVWriter.escape(neutralizesFormulas ? CSVWriter.neutralize($0) : $0) }.joined(separator: ",")
        text += "\n"
    }

    /// `'` + the cell when a spreadsheet would take it for a formula; the cell otherwise.
    public static func neutralize(_ field: String) -> String {
        guard let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return field }
        return isPlainNumber(field) ? field : "'" + field
    }

    /// An optional sign, digits, and optionally a point and more digits.
    static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if let f = u.first, f == 0x2B || f == 0x2D { u = u.dropFirst() }
        let parts = u.split(separator: 0x2E, maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }

    /// Quotes a field containing a comma, quote, line break or edge spaces; doubles its quotes.
    public static func escape(_ field: String) -> String {
        let special =
            field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard special else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes a whole folder of files so that it appears complete or not at all.
///
/// The files go into a hidden temporary folder beside the destination, are flushed, and the
/// folder is renamed into place. An existing destination is replaced only when `replace` is set,
/// and only after the new folder is complete: it is first renamed aside, then removed.
public enum AtomicFolder {
    public struct WriteError: Error, LocalizedError, Sendable {
        public var message: String
        /// The destination exists and was not to be replaced (the caller may say how to allow it).
        public var destinationExists = false
        public var errorDescription: String? { message }
    }

    /// Writes `files` (relative path → contents; subfolders allowed) as the folder `destination`.
    public static func write(_ files: [(path: String, contents: Data)], to destination: URL, replace: Bool) throws(WriteError) {
        let temp = try staging(for: destination, replace: replace)
        do {
            try add(files, to: temp, for: destination)
            try commit(temp, to: destination, replace: replace)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// A new hidden, empty folder beside `destination` to fill and then `commit`. Fails early when
    /// the parent is missing or `destination` exists and may not be replaced.
    public static func staging(for destination: URL, replace: Bool) throws(WriteError) -> URL {
        let fm = FileManager.default
        let dest = destination.standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(message: "\(parent.path): no such folder to write \(dest.lastPathComponent) into")
        }
        if fm.fileExists(atPath: dest.path) && !replace {
            throw WriteError(message: "\(dest.path) already exists", destinationExists: true)
        }
        let temp = parent.appendingPathComponent(".\(dest.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            throw WriteError(message: "cannot write \(dest.path): \(error.localizedDescription)")
        }
        return temp
    }

    /// Writes `files` into the staging folder `temp` (paths must stay inside it), then flushes
    /// them to disk once for the whole folder.
    ///
    /// Each file is written plainly (no temporary file and rename of its own): the folder's
    /// rename in `commit` is what makes the plan appear whole, and one flush of the file system
    /// replaces ten thousand per-file ones (10,000 itineraries: seconds → a fraction).
    public static func add(_ files: [(path: String, contents: Data)], to temp: URL, for destination: URL) throws(WriteError) {
        let fm = FileManager.default
        var made = Set<String>()
        func fail(_ reason: String) -> WriteError {
            WriteError(message: "cannot write \(destination.standardizedFileURL.path): \(reason)")
        }
        for (path, contents) in files {
            guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw WriteError(message: "refusing to write \(quotedPath(path)) outside \(destination.standardizedFileURL.path)")
            }
            let url = temp.appendingPathComponent(path)
            let folder = url.deletingLastPathComponent().path
            if !made.contains(folder) {
                do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw fail(error.localizedDescription)
                }
                made.insert(folder)
            }
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw fail("\(path): \(String(cString: strerror(errno)))") }
            var written = 0
            let ok = contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
                while written < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    written += n
                }
                return true
            }
            let writeError = ok ? nil : String(cString: strerror(errno))
            if close(fd) != 0 || !ok { throw fail("\(path): \(writeError ?? String(cString: strerror(errno)))") }
        }
        try flush(temp, fail: fail)
    }

    /// Flushes everything written under `folder` to disk before it is renamed into place.
    private static func flush(_ folder: URL, fail: (String) -> WriteError) throws(WriteError) {
        let fd = open(folder.path, O_RDONLY)
        guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
        defer { close(fd) }
        // syncfs(2) through the CKickoffSystem shim: every file of the folder, then the folder itself.
        if kickoff_syncfs(fd) != 0 { throw fail(String(cString: strerror(errno))) }
    }

    /// Renames the complete staging folder `temp` into place. An existing destination is renamed
    /// aside first and removed only once the new folder is in place (restored if that fails).
    public static func commit(_ temp: URL, to destination: URL, replace: Bool) throws(WriteError) {
        let fm = FileManager.default
        let dest = destination.standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        do {
            if fm.fileExists(atPath: dest.path) {
                guard replace else { throw WriteError(message: "\(dest.path) already exists", destinationExists: true) }
                let old = parent.appendingPathComponent(".\(dest.lastPathComponent).old-\(UUID().uuidString.prefix(8))")
                try fm.moveItem(at: dest, to: old)
                do { try fm.moveItem(at: temp, to: dest) } catch {
                    try? fm.moveItem(at: old, to: dest)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temp, to: dest)
            }
        } catch let e as WriteError {
            throw e
        } catch {
            throw WriteError(message: "cannot write \(dest.path): \(error.localizedDescription)")
        }
    }

    private static func quotedPath(_ p: String) -> String { "\"\(p)\"" }
}
