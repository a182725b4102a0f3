import KickoffCore

/// An RFC 4180 reader that remembers where every field came from.
///
/// Kickoff writes its own reader rather than using a CSV package because every error must name
/// the physical line and column of the offending field, and a quoted field may span lines; the
/// packages available here (CSV.swift, SwiftCSV) report neither. It accepts a UTF-8 BOM, CRLF,
/// LF or lone CR line ends, quoted fields with `""` escapes, commas and line breaks, and blank
/// lines anywhere (they are skipped but still counted).
///
/// Complexity: one pass over the bytes; O(n) time, and memory for the fields only.
///
/// Hostile input is bounded by `CSVLimits`: a field, a row's field count and the row count each
/// have a ceiling, and crossing one is an error at the field or row where it happens.
public struct CSVTable: Sendable {
    /// One field: its text and the physical line and 1-based column where it starts.
    public struct Field: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public struct Record: Sendable {
        /// Physical line where the record starts.
        public var line: Int
        public var fields: [Field]
    }

    public let file: String
    /// The header row, as written.
    public let header: [Field]
    /// The data rows; blank lines are not records.
    public let records: [Record]

    /// Parses `bytes` (the whole file) as CSV; `file` names it in diagnostics.
    public init(file: String, bytes: [UInt8], limits: CSVLimits = CSVLimits()) throws(CSVError) {
        self.file = file
        var rows = try CSVTable.parse(file: file, bytes: bytes, limits: limits)
        guard !rows.isEmpty else { throw CSVError(file: file, line: 1, column: nil, message: "the file is empty; expected a header row") }
        self.header = rows.removeFirst().fields
        self.records = rows
    }

    static func parse(file: String, bytes: [UInt8], limits: CSVLimits) throws(CSVError) -> [Record] {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var records: [Record] = []
        var fields: [Field] = []
        var line = 1
        var recordLine = 1
        var field: [UInt8] = []
        var fieldLine = 1
        var column = 1
        var quoted = false
        var atFieldStart = true
        var fieldWasQuoted = false

        func text(_ b: [UInt8], line: Int, column: Int) throws(CSVError) -> String {
            guard let s = String(validating: b, as: UTF8.self) else {
                throw CSVError(file: file, line: line, column: column, message: "the text is not valid UTF-8")
            }
            return s
        }
        func endField() throws(CSVError) {
            guard fields.count < limits.maxColumns else {
                throw CSVError(
                    file: file, line: fieldLine, column: column,
                    message: "more than \(limits.maxColumns) fields in one row")
            }
            fields.append(Field(text: try text(field, line: fieldLine, column: column), line: fieldLine, column: column))
            field.removeAll(keepingCapacity: true)
            column += 1
            atFieldStart = true
            quoted = false
        }
        func endRecord() throws(CSVError) {
            try endField()
            // A line with nothing on it is blank, not a record with one empty field.
            if !(fields.count == 1 && fields[0].text.isEmpty && !fieldWasQuoted) {
                // The header is a row too.
                guard records.count <= limits.maxRows else {
                    throw CSVError(
                        file: file, line: recordLine, column: nil,
                        message: "more than \(limits.maxRows) rows, the limit", code: .tooManyRows)
                }
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            column = 1
        }

        func tooLong() -> CSVError {
            CSVError(
                file: file, line: fieldLine, column: column,
                message: "a field longer than \(limits.maxFieldBytes) bytes, the limit", code: .fieldTooLong)
        }

        while i < n {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    // After a closing quote only a delimiter, a line end or the end may follow.
                    if i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        throw CSVError(
                            file: file, line: line, column: column,
                            message: "unexpected text after a closing quote; a quote inside a quoted field is written as two quotes (\"\")")
                    }
                    continue
                }
                if b == 0x0A || (b == 0x0D && !(i + 1 < n && bytes[i + 1] == 0x0A)) { line += 1 }
                field.append(b)
                if field.count > limits.maxFieldBytes { throw tooLong() }
                i += 1
                continue
            }
            switch b {
            case 0x22 where atFieldStart:
                quoted = true
                fieldWasQuoted = true
                atFieldStart = false
                fieldLine = line
                i += 1
            case 0x2C:
                if atFieldStart { fieldLine = line }
                try endField()
                fieldWasQuoted = false
                i += 1
            case 0x0D, 0x0A:
                if atFieldStart { fieldLine = line }
                try endRecord()
                fieldWasQuoted = false
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                line += 1
                recordLine = line
            default:
                if atFieldStart { fieldLine = line; atFieldStart = false }
                field.append(b)
                if field.count > limits.maxFieldBytes { throw tooLong() }
                i += 1
            }
        }
        if quoted {
            throw CSVError(file: file, line: fieldLine, column: column, message: "a quoted field is never closed (missing \")")
        }
        if !(fields.isEmpty && field.isEmpty && atFieldStart && !fieldWasQuoted) {
            if atFieldStart { fieldLine = line }
            try endRecord()
        }
        return records
    }
}

/// A CSV syntax error at a place in a file.
public struct CSVError: Error, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String
    /// `.syntax`, or the input limit the file exceeds.
    public var code: Diagnostic.Code = .syntax

    public var diagnostic: Diagnostic { .error(code, file, line, column, message) }
}

/// Ceilings on what a scenario file may hold, so hostile or broken input is rejected with a
/// location instead of exhausting memory. The defaults are far above a 10,000-attendee SKO with
/// 200,000 travel rows.
public struct CSVLimits: Sendable, Equatable {
    /// Largest file read, in bytes.
    public var maxFileBytes = 512 << 20
    /// Longest field, in bytes (UTF-8).
    public var maxFieldBytes = 64 << 10
    /// Most data rows in one file.
    public var maxRows = 5_000_000
    /// Most fields in one row.
    public var maxColumns = 256

    public init() {}
}
