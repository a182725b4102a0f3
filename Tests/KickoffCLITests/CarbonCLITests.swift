import Foundation
import KickoffTestSupport
import Testing

/// Carbon through the built binary: itineraries.csv's `co2_kg`, summary.json's `carbon`, and an
/// internal carbon price that changes which venue `kickoff compare` ranks first.
@Suite("Carbon per leg, attendee and option, end to end")
struct CarbonCLITests {
    static let now = "2027-01-04T09:00+00:00"

    /// The hand-solved fixture with a second venue, Denver: cheaper (a tenth of Chicago's day rate,
    /// half its hotel rate) but farther for the two Boston travellers and not local for L1.
    static var twoVenues: Fixture {
        var fx = Fixture.plannable
        fx.append("venues.csv", "DEN,Front Range,Denver,DEN,America/Denver,100,100,")
        fx.append("rooms.csv", "DEN,BALL,Ballroom,100,stage;av")
        fx.append("rooms.csv", "DEN,B1,Breakout 1,10,")
        fx.append("dinners.csv", "DEN,D3,Mile High Grill,10,50,")
        for row in [
            "B1D,BOS,DEN,UA 21,2027-01-11T09:00-05:00,2027-01-11T11:30-07:00,250,",
            "B2D,DEN,BOS,UA 22,2027-01-14T12:00-07:00,2027-01-14T17:00-05:00,250,",
            "S1D,SFO,DEN,UA 23,2027-01-11T09:00-08:00,2027-01-11T12:30-07:00,150,",
            "S2D,DEN,SFO,UA 24,2027-01-14T13:00-07:00,2027-01-14T14:30-08:00,150,",
            "O1D,ORD,DEN,UA 25,2027-01-11T09:00-06:00,2027-01-11T10:30-07:00,150,",
            "O2D,DEN,ORD,UA 26,2027-01-14T13:00-07:00,2027-01-14T16:00-06:00,150,"
        ] {
            fx.append("travel.csv", row)
        }
        return fx
    }

    func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("itineraries.csv's co2_kg is each traveller's two legs by the stated method; summary.json adds them up")
    func perAttendeeAndTotal() throws {
        let dir = try Fixture.plannable.write()
        let out = dir.appendingPathComponent("plan")
        let r = try Run("solve", dir.path, "--out", out.path, "--now", Self.now, "--quiet")
        #expect(r.status == 0, "\(r.stderr)")
        let people = try rows(out.appendingPathComponent("itineraries.csv"))
        // By hand (data/airports.csv's coordinates, haversine on a 6,371 km sphere): BOS–ORD 1,391.1 km
        // great circle, × 1.08 uplift × 0.14253 kg/pkm (neither end in the UK) = 214.13 kg each way;
        // SFO–ORD 2,964.0 km → 456.25 kg each way. The local pays nothing.
        let kg = Dictionary(uniqueKeysWithValues: people.map { ($0["attendee"]!, $0["co2_kg"]!) })
        #expect(kg == ["M1": "428.3", "R1": "428.3", "R2": "912.5", "L1": "0.0"])
        let summary = try json(out.appendingPathComponent("summary.json"))
        let carbon = try #require(summary["carbon"] as? [String: Any])
        #expect(carbon["co2_kg"] as? Double == 1769.0)
        #expect(carbon["legs_without_estimate"] as? Int == 0)
        #expect((carbon["method"] as? String)?.contains("DESNZ") == true)
        // Unpriced: the cost parts are the contract's five and the total is exactly their sum.
        let costs = try #require(summary["costs"] as? [String: Any])
        #expect(Set(costs.keys) == ["travel", "hotel", "time_away", "dinners", "venue"])
        #expect(r.stdout.contains("  CO2e                1.8 t  (589.7 kg per traveller)\n"))
    }

    @Test("a carbon price at which the cheapest venue changes: totals grow by exactly price × tonnes")
    func priceChangesTheCheapestVenue() throws {
        let dir = try Self.twoVenues.write()
        let base = dir.appendingPathComponent("cmp0")
        let r0 = try Run("compare", dir.path, "--out", base.path, "--now", Self.now, "--jobs", "2", "--quiet")
        #expect(r0.status == 0, "\(r0.stderr)")
        let unpriced = try rows(base.appendingPathComponent("compare.csv"))
        #expect(unpriced.map { $0["venue"]! } == ["DEN", "CHI"], "Denver is cheaper without a carbon price")
        func figures(_ rows: [[String: String]]) -> [String: (total: Double, co2: Double)] {
            Dictionary(uniqueKeysWithValues: rows.map { ($0["venue"]!, (Double($0["total"]!)!, Double($0["co2_kg"]!)!)) })
        }
        let f0 = figures(unpriced)
        let (den, chi) = (f0["DEN"]!, f0["CHI"]!)
        #expect(den.co2 > chi.co2, "…but its flights are longer")
        // The ranking names the break-even price: what Chicago costs more over the tonnes it saves.
        let breakEven = (chi.total - den.total) / ((den.co2 - chi.co2) / 1000)
        let said = try #require(
            r0.stdout.firstMatch(of: /CHI emits least: .* a carbon price above ([0-9,.]+) USD per tonne would make it cheaper\n/),
            "\(r0.stdout)")
        let named = try #require(Double(said.1.replacingOccurrences(of: ",", with: "")))
        #expect(abs(named - breakEven) < 0.01 * breakEven)
        // 5 % above it, Chicago must come first.
        let price = (named * 1.05).rounded()
        let priced = dir.appendingPathComponent("cmpP")
        let r1 = try Run(
            "compare", dir.path, "--out", priced.path, "--now", Self.now, "--jobs", "2", "--quiet",
            "--carbon-price", String(price))
        #expect(r1.status == 0, "\(r1.stderr)")
        let ranked = try rows(priced.appendingPathComponent("compare.csv"))
        #expect(ranked.map { $0["venue"]! } == ["CHI", "DEN"])
        let f1 = figures(ranked)
        for v in ["CHI", "DEN"] {
            // Every traveller's legs run between the same airports whatever is booked, so the plan is
            // the same and its total grows by the price of its tonnes.
            #expect(f1[v]!.co2 == f0[v]!.co2)
            // compare.csv rounds co2_kg to 0.1 kg, so allow that much carbon cost besides a cent.
            #expect(abs(f1[v]!.total - (f0[v]!.total + price * f0[v]!.co2 / 1000)) <= 0.011 + price * 0.1 / 1000)
        }
        // The option's own summary names the carbon part, and it is in the total.
        let s = try json(priced.appendingPathComponent("CHI/summary.json"))
        let costs = try #require(s["costs"] as? [String: Any])
        let parts = ["travel", "hotel", "time_away", "dinners", "venue", "carbon"].map { (costs[$0] as? Double) ?? .nan }
        #expect(abs(parts.reduce(0, +) - (s["objective"] as? Double ?? 0)) < 0.02)
        #expect((s["carbon"] as? [String: Any])?["price_per_tonne"] as? Double == price)
        let html = try String(contentsOf: priced.appendingPathComponent("compare.html"), encoding: .utf8)
        #expect(html.contains("<h2>CO2e by option</h2>") && html.contains("<th>Carbon</th>"))
    }

    @Test("--carbon-price must be a price per tonne")
    func badPrice() throws {
        let r = try Run("solve", repositoryRoot.appendingPathComponent("data/sample").path, "--carbon-price=-5")
        #expect(r.status == 64)
        #expect(r.stderr.contains("--carbon-price must be a number from 0 to 1000000 (per tonne CO2e)"))
    }
}
