import KickoffCore
import KickoffIO

/// Attendee churn for re-planning tests and benchmarks: a share of a scenario's attendees leaves
/// and as many join, seeded and deterministic.
///
/// Half of the churn (rounded down) leaves: reps who manage nobody and present nothing, so no
/// other row refers to them, with their enrollments. The rest joins: new reps (`NEW0`, `NEW1`, …)
/// copying a colleague's team, manager, home and company, without enrollments.
package struct AttendeeChurn: Sendable {
    package let files: [String: String]
    package let left: [String]
    package let joined: [String]

    /// - Parameters:
    ///   - files: scenario files by name (as `ScenarioGenerator.files()` or a folder gives them).
    ///   - share: the fraction of attendees that churns (at least 2 people).
    package init(_ files: [String: String], share: Double, seed: UInt64) throws(CSVError) {
        var rng = SplitMix64(seed: seed ^ 0x5EED_C0DE)
        let table = try CSVTable(file: "attendees.csv", bytes: Array((files["attendees.csv"] ?? "").utf8))
        let header = table.header.map(\.text)
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        let rows = table.records.map { $0.fields.map(\.text) }
        func value(_ row: [String], _ name: String) -> String { col(name).flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
        let managers = Set(rows.map { value($0, "manager_id") })
        let presenters = Set((files["sessions.csv"] ?? "").split(whereSeparator: { ",;\n\"".contains($0) }).map(String.init))
        let reps = rows.filter { value($0, "role") == "rep" && !managers.contains(value($0, "id")) && !presenters.contains(value($0, "id")) }
        let churn = max(2, Int((Double(rows.count) * share).rounded()))
        var leaving: [String] = []
        let leavers = min(churn / 2, reps.count)
        while leaving.count < leavers {
            let id = value(rng.pick(reps), "id")
            if !leaving.contains(id) { leaving.append(id) }
        }
        let gone = Set(leaving)
        var out = CSVWriter(header: header, neutralizesFormulas: false)
        for row in rows where !gone.contains(value(row, "id")) { out.row(row) }
        var joined: [String] = []
        for i in 0..<(reps.isEmpty ? 0 : churn - churn / 2) {
            var twin = rng.pick(reps)
            for (name, v) in [("id", "NEW\(i)"), ("name", "New Hire \(i)"), ("email", "new\(i)@acme.example")] {
                if let c = col(name), c < twin.count { twin[c] = v }
            }
            joined.append("NEW\(i)")
            out.row(twin)
        }
        var files = files
        files["attendees.csv"] = out.text
        if let text = files["enrollments.csv"] {
            let e = try CSVTable(file: "enrollments.csv", bytes: Array(text.utf8))
            let who = e.header.firstIndex { $0.text == "attendee" } ?? 0
            var w = CSVWriter(header: e.header.map(\.text), neutralizesFormulas: false)
            for r in e.records where !(who < r.fields.count && gone.contains(r.fields[who].text)) { w.row(r.fields.map(\.text)) }
            files["enrollments.csv"] = w.text
        }
        self.files = files
        self.left = leaving.sorted()
        self.joined = joined
    }
}
