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

    /// What kind of finding it is, for code that must tell findings apart (the fuzzer, a UI):
    /// never classify a finding by its message.
    public enum Code: String, Sendable, CaseIterable {
        /// A required file is absent.
        case missingFile = "missing-file"
        /// A file is larger than the input limit.
        case fileTooLarge = "file-too-large"
        /// A file cannot be read at all.
        case unreadableFile = "unreadable-file"
        /// A file is not what it must be as a whole (a baseline's summary.json without a plan).
        case malformedFile = "malformed-file"
        /// A file that is not read (not a scenario file, a calendar without an attendee).
        case ignoredFile = "ignored-file"
        /// CSV or iCalendar syntax or encoding.
        case syntax
        /// More rows in a file than the input limit allows.
        case tooManyRows = "too-many-rows"
        /// A field longer than the input limit allows.
        case fieldTooLong = "field-too-long"
        /// The header: an empty, duplicate, unknown or missing column.
        case column
        /// A row with more fields than the header.
        case extraField = "extra-field"
        /// The wrong number of rows (event.csv has exactly one).
        case rowCount = "row-count"
        /// A value that does not parse or is out of range.
        case badValue = "bad-value"
        /// An id that names nothing (an unknown venue, attendee, session, slot, team).
        case unknownReference = "unknown-reference"
        /// An id or a row given twice.
        case duplicate
        /// Values that contradict each other (a cycle, a leg to itself, a slot on another day).
        case inconsistent
        /// Allowed, but probably not meant (a comp plan date near the event, a long shuttle).
        case advice

        /// Findings about a file as a whole, which have no line to point at.
        public var isAboutWholeFile: Bool {
            switch self {
            case .missingFile, .fileTooLarge, .unreadableFile, .malformedFile, .ignoredFile: return true
            default: return false
            }
        }
    }

    public var severity: Severity
    public var code: Code
    /// File name inside the scenario folder (`rooms.csv`), or nil for the folder itself.
    public var file: String?
    public var line: Int?
    /// 1-based field number in the row.
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, _ code: Code, file: String?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ code: Code, _ file: String?, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, file: file, line: line, column: column, message)
    }

    public static func warning(_ code: Code, _ file: String?, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, file: file, line: line, column: column, message)
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

extension Diagnostic {
    /// Quotes a user value for a message the way a compiler quotes source text.
    public static func quoted(_ s: String) -> String {
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
}
