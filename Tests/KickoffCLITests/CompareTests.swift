import Foundation
import KickoffTestSupport
import Testing

@Suite("kickoff compare, end to end")
struct CompareTests {
    static let now = "2027-01-04T09:00+00:00"

    /// A generated 3-venue, 60-attendee scenario with two weeks of legs.
    func scenario() throws -> URL {
        let dir = try temporaryFolder().appendingPathComponent("sko")
        let g = try Run("generate", dir.path, "--attendees", "60", "--seed", "3", "--weeks", "2")
        try #require(g.status == 0, "\(g.stderr)")
        return dir
    }

    func csvRows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            // The rows compared here have no quoted fields (reasons are empty or quote-free).
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    func summary(_ url: URL) throws -> [String: Any] {
        try jsonObject(url.appendingPathComponent("summary.json"))
    }

    @Test("every venue is ranked by total, and each total is what kickoff solve gives for that venue")
    func rankingMatchesSolve() throws {
        let dir = try scenario()
        let out = dir.deletingLastPathComponent().appendingPathComponent("cmp")
        let r = try Run("compare", dir.path, "--out", out.path, "--now", Self.now, "--jobs", "2")
        #expect(r.status == 0, "\(r.stderr)")
        let header = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8).split(separator: "\n")[0]
        #expect(header == "venue,status,total,travel,hotel,time_away,dinners,venue_cost,hotel_nights,solve_seconds,gap,reason,co2_kg")
        let rows = try csvRows(out.appendingPathComponent("compare.csv"))
        #expect(rows.map { $0["venue"]! }.sorted() == ["CHI", "DEN", "DFW"])
        let totals = rows.map { Double($0["total"]!)! }
        #expect(totals == totals.sorted(), "compare.csv is ranked cheapest first")
        #expect(Set(totals).count == 3)

        for row in rows {
            let venue = row["venue"]!
            // The parts add up to the total.
            let parts = ["travel", "hotel", "time_away", "dinners", "venue_cost"].map { Double(row[$0]!)! }
            #expect(abs(parts.reduce(0, +) - Double(row["total"]!)!) < 0.011)
            // A separate solve run gives the same status, total and hotel nights.
            let plan = dir.deletingLastPathComponent().appendingPathComponent("plan-\(venue)")
            let s = try Run("solve", dir.path, "--venue", venue, "--out", plan.path, "--now", Self.now, "--quiet")
            #expect(s.status == 0)
            let solo = try summary(plan)
            #expect(solo["status"] as? String == row["status"])
            #expect(String(format: "%.2f", try #require(solo["objective"] as? Double)) == row["total"])
            #expect((solo["counts"] as? [String: Any])?["hotel_nights"] as? Int == Int(row["hotel_nights"] ?? ""))
            // The option's full plan folder sits in the comparison folder, identical to solve's.
            for file in ["schedule.csv", "itineraries.csv", "dinners.csv", "report.html"] {
                #expect(
                    try Data(contentsOf: out.appendingPathComponent(venue).appendingPathComponent(file))
                        == Data(contentsOf: plan.appendingPathComponent(file)), "\(venue)/\(file)")
            }
        }
        // Stdout: the ranked table, cheapest first, and its margin over the next.
        let cheapest = rows[0]["venue"]!, next = rows[1]["venue"]!
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let ranked = lines.filter { $0.hasPrefix("   1 ") || $0.hasPrefix("   2 ") || $0.hasPrefix("   3 ") }
        #expect(ranked.map { $0.split(separator: " ")[1] } == rows.map { Substring($0["venue"]!) })
        #expect(r.stdout.contains("\(cheapest) is cheapest, "))
        #expect(r.stdout.contains(" below \(next)\n"))
        #expect(r.stdout.contains("Agenda health at \(cheapest):\n  time: "))
        // compare.html links each plan, holds one bar per option, and the folder holds nothing else.
        let html = try String(contentsOf: out.appendingPathComponent("compare.html"), encoding: .utf8)
        for v in ["CHI", "DEN", "DFW"] { #expect(html.contains("<a href=\"\(v)/report.html\">\(v)</a>")) }
        let costChart = html.components(separatedBy: "<h2>CO2e by option</h2>")
        #expect(costChart[0].components(separatedBy: "<rect ").count - 1 == 15)  // 3 options × 5 cost parts
        #expect(costChart.count == 2 && costChart[1].components(separatedBy: "<rect ").count - 1 == 3)  // one CO2e bar each
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["CHI", "DEN", "DFW", "compare.csv", "compare.html"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
                .filter { $0.hasPrefix(".") }.isEmpty, "no staging folder left behind")
    }

    /// Every file in a folder tree with the solve timings blanked (the only bytes that may differ).
    func tree(_ root: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in e where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            var text = try String(contentsOf: url, encoding: .utf8)
            let name = String(url.path.dropFirst(root.path.count))
            if name.hasSuffix("summary.json") {
                text = text.replacingOccurrences(of: #""solve_seconds": [0-9.e-]+"#, with: "T", options: .regularExpression)
            } else if name.hasSuffix("compare.html") {
                text = text.replacingOccurrences(of: #"<td class="n secs">[^<]*</td>"#, with: "T", options: .regularExpression)
            } else if name.hasSuffix("compare.csv") {
                text = text.split(separator: "\n").map { line in
                    var cells = line.split(separator: ",", omittingEmptySubsequences: false)
                    cells[9] = "T"
                    return cells.joined(separator: ",")
                }.joined(separator: "\n")
            }
            out[name] = text
        }
        return out
    }

    @Test("parallel and serial comparisons write identical files")
    func parallelEqualsSerial() throws {
        let dir = try scenario()
        let serial = dir.deletingLastPathComponent().appendingPathComponent("serial")
        let parallel = dir.deletingLastPathComponent().appendingPathComponent("parallel")
        let a = try Run(
            "compare", dir.path, "--out", serial.path, "--now", Self.now, "--jobs", "1", "--quiet",
            "--start-dates", "2027-01-12,2027-01-19")
        let b = try Run(
            "compare", dir.path, "--out", parallel.path, "--now", Self.now, "--jobs", "4", "--quiet",
            "--start-dates", "2027-01-12,2027-01-19")
        #expect(a.status == 0 && b.status == 0)
        let ta = try tree(serial), tb = try tree(parallel)
        #expect(ta.count > 6 * 60)  // 6 plan folders with 60 calendars each
        #expect(ta.keys.sorted() == tb.keys.sorted())
        for (name, text) in ta { #expect(tb[name] == text, "\(name) differs") }
        // Stdout too, but for its last line, which names the folder.
        let body = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("wrote ") } }
        #expect(body(a.stdout) == body(b.stdout))
        #expect(body(a.stdout).count > 8)
    }

    @Test("start dates: a weekend start is reported as such, a later week is planned with its own legs")
    func startDates() throws {
        let dir = try scenario()
        let out = dir.deletingLastPathComponent().appendingPathComponent("dates")
        let r = try Run(
            "compare", dir.path, "--venues", "CHI", "--start-dates", "2027-01-19, 2027-01-16,2027-01-12",
            "--out", out.path, "--now", Self.now, "--quiet")
        #expect(r.status == 0)
        let text = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
        #expect(text.hasPrefix("venue,status,total,travel,hotel,time_away,dinners,venue_cost,hotel_nights,solve_seconds,gap,reason,co2_kg,start_date\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[3].hasPrefix("CHI,infeasible,,,,,,,,"))
        #expect(lines[3].contains("the agenda would run on Sat 2027-01-16; people meet and travel on weekdays only"))
        #expect(lines[3].hasSuffix(",2027-01-16"))
        #expect(r.stdout.contains("CHI 2027-01-16: infeasible: starting Sat 2027-01-16, the agenda would run on Sat 2027-01-16"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["CHI-2027-01-12", "CHI-2027-01-16", "CHI-2027-01-19", "compare.csv", "compare.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("CHI-2027-01-16").path) == ["summary.json"])

        // The later week equals solve --start-date, whose legs are that week's.
        let plan = dir.deletingLastPathComponent().appendingPathComponent("later")
        let s = try Run("solve", dir.path, "--venue", "CHI", "--start-date", "2027-01-19", "--out", plan.path, "--now", Self.now, "--quiet")
        #expect(s.status == 0)
        let row = try #require(lines.first { $0.hasSuffix(",2027-01-19") })
        #expect(row.split(separator: ",")[2] == String(format: "%.2f", try #require(try summary(plan)["objective"] as? Double)))
        let itineraries = try String(contentsOf: plan.appendingPathComponent("itineraries.csv"), encoding: .utf8)
        #expect(itineraries.contains("2027-01-18T") || itineraries.contains("2027-01-19T"))
        #expect(!itineraries.contains("2027-01-12T"))
    }

    @Test("usage errors: unknown venue and bad date exit 64; a folder that is not a comparison is left alone (73)")
    func usage() throws {
        let dir = try scenario()
        let venue = try Run("compare", dir.path, "--venues", "CHI,XXX", "--quiet")
        #expect(venue.status == 64)
        #expect(venue.stderr.contains("unknown venue \"XXX\" (venues: CHI, DEN, DFW)"))
        let repeated = try Run("compare", dir.path, "--venues", "CHI", "--venues", "YYY", "--quiet")
        #expect(repeated.status == 64)
        #expect(repeated.stderr.contains("unknown venue \"YYY\""), "a repeated option adds to the list")
        let date = try Run("compare", dir.path, "--start-dates", "2027-02-30", "--quiet")
        #expect(date.status == 64)
        #expect(date.stderr.contains("\"2027-02-30\" is not a date"))
        let mine = dir.deletingLastPathComponent().appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let refused = try Run("compare", dir.path, "--out", mine.path, "--quiet")
        #expect(refused.status == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
    }
}
