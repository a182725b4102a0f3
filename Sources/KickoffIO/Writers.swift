import Foundation

/// Builds RFC 4180 CSV text: fields quoted only when they must be, LF line ends.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) { row(header) }

    public mutating func row(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\n"
    }

    /// Quotes a field containing a comma, quote, line break or edge spaces; doubles its quotes.
    public static func escape(_ field: String) -> String {
        let special = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
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
        public var errorDescription: String? { message }
    }

    /// Writes `files` (relative path → contents; subfolders allowed) as the folder `destination`.
    public static func write(_ files: [(path: String, contents: Data)], to destination: URL, replace: Bool) throws(WriteError) {
        let fm = FileManager.default
        let dest = destination.standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(message: "\(parent.path): no such folder to write \(dest.lastPathComponent) into")
        }
        let exists = fm.fileExists(atPath: dest.path)
        if exists && !replace {
            throw WriteError(message: "\(dest.path) already exists; choose another folder or pass --force to replace it")
        }
        let token = UUID().uuidString.prefix(8)
        let temp = parent.appendingPathComponent(".\(dest.lastPathComponent).tmp-\(token)")
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
            for (path, contents) in files {
                guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw WriteError(message: "refusing to write \(quotedPath(path)) outside \(dest.path)")
                }
                let url = temp.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, options: .atomic)
            }
            if exists {
                let old = parent.appendingPathComponent(".\(dest.lastPathComponent).old-\(token)")
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
            try? fm.removeItem(at: temp)
            throw e
        } catch {
            try? fm.removeItem(at: temp)
            throw WriteError(message: "cannot write \(dest.path): \(error.localizedDescription)")
        }
    }

    private static func quotedPath(_ p: String) -> String { "\"\(p)\"" }
}
