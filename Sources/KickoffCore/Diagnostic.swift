/// Where a value came from: a file of the scenario folder and a physical line (header = line 1).
public struct SourceLine: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public static func < (a: SourceLine, b: SourceLine) -> Bool {
        (a.file, a.line) < (b.file, b.line)
    }
}

/// One finding about the input, printed compiler-style:
/// `attendees.csv:14:1: error: id: duplicate attendee id "P0005" (first on line 9)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// File name inside the scenario folder (`rooms.csv`), or nil for the folder itself.
    public var file: String?
    public var line: Int?
    /// 1-based field number in the row.
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ file: String?, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message)
    }

    public static func warning(_ file: String?, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        var place = ""
        if let file {
            place = file
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            place += ": "
        }
        return "\(place)\(severity.rawValue): \(message)"
    }

    /// Orders by file, then line, then column; findings without a place come first.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file ?? "", a.line ?? 0, a.column ?? 0, a.message) < (b.file ?? "", b.line ?? 0, b.column ?? 0, b.message)
    }
}

/// Quotes a user value for a message the way a compiler quotes source text.
public func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.append(ch)
        }
    }
    return out + "\""
}
