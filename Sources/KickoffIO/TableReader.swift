import KickoffCore

/// Reads the typed columns of one CSV file, collecting a diagnostic for every bad value.
///
/// A bad value yields nil (the caller substitutes a default so later rows and checks can
/// still run), and the error names the file, the value's physical line and its column.
final class TableReader {
    let table: CSVTable
    var diagnostics: [Diagnostic] = []
    /// Lower-cased, trimmed header name → 0-based field index.
    private(set) var index: [String: Int] = [:]
    /// Required columns that are absent: rows cannot be read meaningfully.
    private(set) var missingRequired: [String] = []

    var file: String { table.file }

    init(_ table: CSVTable, known: [String], required: Set<String>) {
        self.table = table
        for (i, h) in table.header.enumerated() {
            let name = h.text.trimmedSpaces.lowercased()
            if name.isEmpty {
                diagnostics.append(.warning(.column, file, h.line, h.column, "empty column name; the column is ignored"))
                continue
            }
            if let first = index[name] {
                diagnostics.append(.error(.column, file, h.line, h.column, "duplicate column \(Diagnostic.quoted(name)) (first in column \(first + 1))"))
                continue
            }
            index[name] = i
            if !known.contains(name) {
                diagnostics.append(.warning(.column, file, h.line, h.column, "unknown column \(Diagnostic.quoted(name)) is ignored (known columns: \(known.joined(separator: ", ")))"))
            }
        }
        for name in known where required.contains(name) && index[name] == nil {
            missingRequired.append(name)
            diagnostics.append(.error(.column, file, 1, nil, "missing required column \(Diagnostic.quoted(name))"))
        }
    }

    /// Records the 1-based column of every known field into `map`.
    func recordColumns(into map: inout ColumnMap) {
        for (name, i) in index { map.set(file: file, field: name, column: i + 1) }
    }

    /// The data rows, after checking (once) that none has more fields than the header.
    lazy var rows: [CSVTable.Record] = {
        table.records.filter { r in
            if r.fields.count > table.header.count {
                let extra = r.fields[table.header.count]
                diagnostics.append(
                    .error(
                        .extraField, file, extra.line, extra.column,
                        "the row has \(r.fields.count) fields but the header has \(table.header.count)"))
                return false
            }
            return true
        }
    }()

    // MARK: Field access

    private func field(_ r: CSVTable.Record, _ name: String) -> CSVTable.Field? {
        guard let i = index[name] else { return nil }
        if i < r.fields.count { return r.fields[i] }
        // A short row: point just past its last field.
        return CSVTable.Field(text: "", line: r.fields.last?.line ?? r.line, column: i + 1)
    }

    /// An error at field `name` of row `r`: by default a value that does not parse or is out of range.
    func error(_ r: CSVTable.Record, _ name: String, _ message: String, code: Diagnostic.Code = .badValue) {
        let f = field(r, name)
        diagnostics.append(.error(code, file, f?.line ?? r.line, f?.column, "\(name): \(message)"))
    }

    func warning(_ r: CSVTable.Record, _ name: String, _ message: String, code: Diagnostic.Code = .advice) {
        let f = field(r, name)
        diagnostics.append(.warning(code, file, f?.line ?? r.line, f?.column, "\(name): \(message)"))
    }

    /// The trimmed text, or nil when the column is absent or the value empty.
    func text(_ r: CSVTable.Record, _ name: String) -> String? {
        guard let f = field(r, name) else { return nil }
        let t = f.text.trimmedSpaces
        return t.isEmpty ? nil : t
    }

    /// A required value: an error when empty (unless the whole column is missing, reported once).
    func required(_ r: CSVTable.Record, _ name: String) -> String? {
        if let t = text(r, name) { return t }
        if index[name] != nil { error(r, name, "a value is required") }
        return nil
    }

    /// Whole numbers are capped (default 100,000,000) so no count, capacity or length can make
    /// later arithmetic overflow or an allocation explode.
    func int(_ r: CSVTable.Record, _ name: String, min: Int = 0, max: Int = 100_000_000, required: Bool = false) -> Int? {
        guard let t = required ? self.required(r, name) : text(r, name) else { return nil }
        guard let v = Int(t) else {
            error(r, name, "expected a whole number, got \(Diagnostic.quoted(t))")
            return nil
        }
        guard v >= min else {
            error(r, name, "expected a whole number ≥ \(min), got \(v)")
            return nil
        }
        guard v <= max else {
            error(r, name, "expected a whole number up to \(max), got \(v)")
            return nil
        }
        return v
    }

    /// Money and rates above this are taken for a typo (and would make sums overflow to infinity).
    static let largestDecimal = 1e12

    func decimal(_ r: CSVTable.Record, _ name: String, required: Bool = false, percent: Bool = false) -> Double? {
        guard var t = required ? self.required(r, name) : text(r, name) else { return nil }
        if percent, t.hasSuffix("%") { t = String(t.dropLast()).trimmedSpaces }
        guard isPlainDecimal(t), let v = Double(t), v.isFinite else {
            error(r, name, "expected a number like 129.50, got \(Diagnostic.quoted(t))")
            return nil
        }
        guard v >= 0 else {
            error(r, name, "expected a number ≥ 0, got \(t)")
            return nil
        }
        guard v <= TableReader.largestDecimal else {
            error(r, name, "expected a number up to 1000000000000, got \(t)")
            return nil
        }
        return v
    }

    func date(_ r: CSVTable.Record, _ name: String, required: Bool = false) -> CivilDate? {
        guard let t = required ? self.required(r, name) : text(r, name) else { return nil }
        guard let d = CivilDate(parsing: t) else {
            error(r, name, "expected a date YYYY-MM-DD, got \(Diagnostic.quoted(t))")
            return nil
        }
        return d
    }

    func time(_ r: CSVTable.Record, _ name: String) -> TimeOfDay? {
        guard let t = text(r, name) else { return nil }
        guard let v = TimeOfDay(parsing: t) else {
            error(r, name, "expected a time HH:MM (24-hour), got \(Diagnostic.quoted(t))")
            return nil
        }
        return v
    }

    func requiredTime(_ r: CSVTable.Record, _ name: String) -> TimeOfDay? {
        guard required(r, name) != nil else { return nil }
        return time(r, name)
    }

    func timestamp(_ r: CSVTable.Record, _ name: String) -> Timestamp? {
        guard let t = required(r, name) else { return nil }
        guard let v = Timestamp(parsing: t) else {
            error(r, name, "expected an ISO 8601 time with UTC offset like 2027-01-12T08:05-05:00, got \(Diagnostic.quoted(t))")
            return nil
        }
        return v
    }

    func airport(_ r: CSVTable.Record, _ name: String) -> String? {
        guard let t = required(r, name) else { return nil }
        let code = t.uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }) else {
            error(r, name, "expected a 3-letter IATA airport code, got \(Diagnostic.quoted(t))")
            return nil
        }
        return code
    }

    /// A `;`-separated list, items trimmed, empty items dropped.
    func list(_ r: CSVTable.Record, _ name: String) -> [String] {
        guard let t = text(r, name) else { return [] }
        return t.split(separator: ";").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }

    func source(_ r: CSVTable.Record) -> SourceLine { SourceLine(file: file, line: r.line) }

    private func isPlainDecimal(_ t: String) -> Bool {
        // Digits with at most one point; no exponents, signs other than a leading minus, or separators.
        var seenDigit = false, seenPoint = false
        for (k, c) in t.utf8.enumerated() {
            switch c {
            case 0x30...0x39: seenDigit = true
            case 0x2E where !seenPoint: seenPoint = true
            case 0x2D where k == 0: continue
            default: return false
            }
        }
        return seenDigit
    }
}
