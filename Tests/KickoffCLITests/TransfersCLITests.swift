import Foundation
import KickoffTestSupport
import Testing

/// data/sample's shuttle (transfers.csv: CHI, 50 seats, 30 min, 60 min wait, 250 a run), checked
/// from the plan folder's own files by rules restated here, not by the planner's code.
@Suite("Airport transfers on data/sample, end to end")
struct TransfersCLITests {
    /// `2027-01-11T13:35-06:00` → minutes since the epoch.
    func minutes(_ iso: String) throws -> Int {
        var s = iso
        if s.count == 22 { s.insert(contentsOf: ":00", at: s.index(s.startIndex, offsetBy: 16)) }
        let d = try #require(ISO8601DateFormatter().date(from: s), "\(iso)")
        return Int(d.timeIntervalSince1970 / 60)
    }

    @Test("every traveller rides one run each way, inside their window, at most 50 a run; the cost is apart from the total")
    func sampleTransfers() throws {
        let out = try temporaryFolder().appendingPathComponent("plan")
        let r = try Run("solve", repositoryRoot.appendingPathComponent("data/sample").path, "--out", out.path, "--quiet", "--now", "2027-01-04T09:00+00:00")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  total        1,100,787.00 USD\n"), "the shuttle changes no figure of the contract's total")

        let runs = try csvRecords(out.appendingPathComponent("transfers.csv"))
        #expect(try String(contentsOf: out.appendingPathComponent("transfers.csv"), encoding: .utf8).hasPrefix("run,direction,date,leaves,arrives,riders,attendees\n"))
        // Commitments per attendee from schedule.csv and dinners.csv (venue time, UTC−6 in January).
        var sessionTimes: [String: (Int, Int)] = [:]
        for s in try csvRecords(out.appendingPathComponent("schedule.csv")) {
            sessionTimes[s["session"]!] = (try minutes("\(s["date"]!)T\(s["start"]!)-06:00"), try minutes("\(s["date"]!)T\(s["end"]!)-06:00"))
        }
        let travellers = try csvRecords(out.appendingPathComponent("itineraries.csv")).filter { $0["inbound"] != "local" }
        var rode: [String: [String: Int]] = ["arrival": [:], "departure": [:]]
        for (i, run) in runs.enumerated() {
            #expect(run["run"] == String(i + 1))
            let riders = run["attendees"]!.split(separator: ";").map(String.init)
            #expect(riders.count == Int(run["riders"]!) && riders.count <= 50 && !riders.isEmpty)
            let leaves = try minutes(run["leaves"]!), arrives = try minutes(run["arrives"]!)
            #expect(arrives - leaves == 30)
            for id in riders { rode[run["direction"]!]![id, default: 0] += 1 }
            for id in riders {
                let t = try #require(travellers.first { $0["attendee"] == id }, "\(id) is not a traveller")
                let times = t["sessions"]!.split(separator: ";").compactMap { sessionTimes[String($0)] }
                let dinner = try minutes("\(t["dinner_date"]!)T19:00-06:00")
                let first = min(times.map(\.0).min()!, dinner), last = max(times.map(\.1).max()!, dinner + 120)
                if run["direction"] == "arrival" {
                    let landing = try minutes(t["arrive"]!)
                    #expect(leaves >= landing && leaves - landing <= 60 && arrives <= first, "\(id) on run \(i + 1)")
                } else {
                    let takeOff = try minutes(t["depart"]!)
                    #expect(leaves >= last && arrives <= takeOff && takeOff - arrives <= 60, "\(id) on run \(i + 1)")
                }
            }
        }
        for direction in ["arrival", "departure"] {
            #expect(rode[direction]!.count == travellers.count && rode[direction]!.values.allSatisfy { $0 == 1 }, "\(direction)")
            // 243 travellers in 50-seat runs need at least 5 each way.
            #expect(runs.filter { $0["direction"] == direction }.count >= (travellers.count + 49) / 50)
        }
        let summary = try jsonObject(out.appendingPathComponent("summary.json"))
        let ground = try #require(summary["ground"] as? [String: Any])
        #expect(ground["runs"] as? Int == runs.count)
        #expect(ground["cost"] as? Double == Double(runs.count) * 250)
        #expect(ground["in_total"] as? Bool == false)
        #expect(summary["objective"] as? Double == 1_100_787)
        // The fewest runs (the batching is exact): 6 each way for this plan.
        #expect(r.stdout.contains("  ground           3,000.00  (transfers.csv: 6 arrival and 6 departure shuttle runs of 50 seats; not in the total)\n"), "\(r.stdout)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Airport transfers</h2>"))
        #expect(html.contains("ground cost, not part of the total above"))
    }
}
