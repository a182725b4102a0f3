import Foundation
import KickoffReport
import Testing

@Suite struct CompareReportTests {
    static func option(
        _ venue: String, _ parts: [Double], status: String = "optimal", date: String = "2027-01-12",
        co2Kg: Double = 1234.56
    ) -> CompareOption {
        var o = CompareOption(venue: venue, venueName: "Hall <\(venue)>", startDate: date, folder: venue, status: status)
        o.travel = parts[0]; o.hotel = parts[1]; o.timeAway = parts[2]; o.dinners = parts[3]; o.venueCost = parts[4]
        o.hotelNights = 10; o.solveSeconds = 1.5; o.gap = status == "feasible" ? 0.012 : 0
        o.co2Kg = co2Kg
        return o
    }

    static let options = [
        option("B", [400, 300, 200, 50, 50], co2Kg: 800),  // 1,000
        CompareOption(
            venue: "C", startDate: "2027-01-12", folder: "C", status: "infeasible",
            reasons: ["session <script>X</script> needs a room", "second reason"]),
        option("A", [300, 100, 100, 0, 0], status: "feasible", co2Kg: 2500)  // 500
    ]

    @Test func rankedCheapestFirstWithNoPlanLast() {
        let r = CompareReport(event: "SKO", currency: "USD", options: Self.options)
        #expect(r.ranked.map(\.venue) == ["A", "B", "C"])
        #expect(!r.byDate)
        #expect(
            r.csv == """
                venue,status,total,travel,hotel,time_away,dinners,venue_cost,hotel_nights,solve_seconds,gap,reason,co2_kg
                A,feasible,500.00,300.00,100.00,100.00,0.00,0.00,10,1.500,0.012000,,2500.0
                B,optimal,1000.00,400.00,300.00,200.00,50.00,50.00,10,1.500,0.000000,,800.0
                C,infeasible,,,,,,,,,,session <script>X</script> needs a room | second reason,

                """)
        #expect(r.text.contains("   1 A         feasible               500.00        2.5\n"))
        #expect(r.text.contains("   2 B         optimal              1,000.00        0.8  +500.00\n"))
        // 500 more for 1.7 t less: cheaper above 500 / 1.7 = 294.12 per tonne (the test below prices 300).
        #expect(
            r.text.contains(
                "B emits least: 0.8 t CO2e, 1.7 t less than A for 500.00 USD more; "
                    + "a carbon price above 294.12 USD per tonne would make it cheaper\n"))
        #expect(r.text.contains("   – C         infeasible            no plan\n"))
        #expect(r.text.contains("A is cheapest, 500.00 USD (50.00 %) below B; a feasible plan's cost may still fall by up to its gap\n"))
        #expect(r.text.contains("C: infeasible: session <script>X</script> needs a room (and 1 more reason in C/summary.json)\n"))
    }

    @Test func severalDatesAddAStartDateColumn() {
        var later = Self.option("A", [1, 1, 1, 1, 1], date: "2027-01-19")
        later.folder = "A-2027-01-19"
        let r = CompareReport(event: "SKO", currency: "USD", options: [Self.option("A", [2, 2, 2, 2, 2]), later])
        #expect(r.byDate)
        #expect(
            r.csv.hasPrefix(
                "venue,status,total,travel,hotel,time_away,dinners,venue_cost,hotel_nights,solve_seconds,gap,reason,co2_kg,start_date\n"
                    + "A,optimal,5.00,1.00,1.00,1.00,1.00,1.00,10,1.500,0.000000,,1234.6,2027-01-19\n"))
        #expect(r.text.contains("A 2027-01-19 is cheapest"))
    }

    @Test func chartBarsAreProportionalAndTextIsEscaped() throws {
        let html = CompareReport(event: "SKO & <Co>", currency: "USD", options: Self.options).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("session &lt;script&gt;X&lt;/script&gt; needs a room"))
        #expect(html.contains("<title>SKO &amp; &lt;Co&gt; — venues and dates compared</title>"))
        #expect(html.contains("Hall &lt;B&gt;"))
        // Bar widths: each part over the largest total (B, 1,000) × 640 px, stacked left to right.
        let costChart = try #require(html.components(separatedBy: "<h2>CO2e by option</h2>").first)
        let widths = costChart.matches(of: /<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"/).map { (Double($0.1)!, Double($0.2)!) }
        // A (first row): 300, 100, 100 → 192, 64, 64 px; B: 400, 300, 200, 50, 50 → 256, 192, 128, 32, 32 px.
        #expect(widths.map(\.1) == [192, 64, 64, 256, 192, 128, 32, 32])
        #expect(widths[1].0 == widths[0].0 + 192 && widths[2].0 == widths[1].0 + 64)
        // No bar for the option without a plan; its reasons are in the table; plans are linked.
        #expect(html.contains("<a href=\"A/report.html\">A</a>"))
        #expect(!html.contains("href=\"C/report.html\""))
        try #require(html.firstRange(of: "Cost by part") != nil)
    }

    @Test func aCarbonPriceIsACostPartAndCanChangeTheRanking() throws {
        // At 0 A (500) is cheaper than B (1,000). At 300 per tonne A's 2.5 t add 750 and B's 0.8 t 240: B wins.
        var a = Self.option("A", [300, 100, 100, 0, 0], co2Kg: 2500), b = Self.option("B", [400, 300, 200, 50, 50], co2Kg: 800)
        a.carbonCost = 750; b.carbonCost = 240
        let r = CompareReport(event: "SKO", currency: "USD", options: [a, b])
        #expect(r.ranked.map(\.venue) == ["B", "A"])
        #expect(r.ranked.map(\.total) == [1240, 1250])
        #expect(r.csv.contains("\nB,optimal,1240.00,400.00,300.00,200.00,50.00,50.00,10,1.500,0.000000,,800.0\n"))
        #expect(!r.text.contains("emits least"), "the cheapest option also emits least")
        let html = r.html
        #expect(html.contains("<th>Carbon</th>"))
        #expect(html.contains("<i style=\"background:#3f8f8a\"></i>Carbon</span>"))
        // The CO2e chart: bars over the largest (A, 2,500 kg) × 246 units, in the ranking's order.
        let carbon = try #require(html.components(separatedBy: "<h2>CO2e by option</h2>").last)
        let widths = carbon.matches(of: /<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)"/).map { Double($0.1)! }
        #expect(widths == [78.7, 246])
        #expect(carbon.contains(">0.8 t</text>") && carbon.contains(">2.5 t</text>"))
    }
}
