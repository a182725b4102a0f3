import Airports
import KickoffCore
import Testing

/// The flight-emissions method, checked by hand against the published factors.
@Suite struct CarbonTests {
    @Test("two legs by hand: great circle × 1.08 × the haul's DESNZ 2025 factor")
    func legsByHand() throws {
        // ATL (33.6367, −84.4281) – ORD (41.9786, −87.9048): 976.3 km great circle (haversine,
        // R = 6,371 km); neither end in the UK → international, 0.14253 kg/pkm:
        // 976.3 × 1.08 × 0.14253 = 150.29 kg.
        let atlOrd = try #require(FlightEmissions.kgCO2e(from: "ATL", to: "ORD"))
        #expect(abs(atlOrd - 150.29) < 0.01)
        // LHR (51.4706, −0.4619) – JFK (40.6398, −73.7789): 5,539.6 km, to/from the UK and over
        // 3,700 km → long-haul, 0.15282: 5,539.6 × 1.08 × 0.15282 = 914.29 kg.
        let lhrJfk = try #require(FlightEmissions.kgCO2e(from: "LHR", to: "JFK"))
        #expect(abs(lhrJfk - 914.29) < 0.01)
        // Both ends in the UK → domestic, 0.22928: LHR–EDI 533.5 km → 132.11 kg.
        #expect(abs(try #require(FlightEmissions.kgCO2e(from: "LHR", to: "EDI")) - 132.11) < 0.01)
        // The direction does not matter; an airport outside the table has no estimate.
        #expect(FlightEmissions.kgCO2e(from: "ORD", to: "ATL") == atlOrd)
        #expect(FlightEmissions.kgCO2e(from: "ATL", to: "XXQ") == nil)
    }

    @Test("hauls follow DESNZ's definitions: UK ends and the 3,700 km boundary")
    func hauls() throws {
        let t = Airport.byCode
        let lhr = try #require(t["LHR"]), edi = try #require(t["EDI"]), jfk = try #require(t["JFK"])
        #expect(FlightEmissions.haul(lhr, edi, distanceKm: 533) == .domestic)
        #expect(FlightEmissions.haul(lhr, jfk, distanceKm: 3700) == .shortHaul)
        #expect(FlightEmissions.haul(jfk, lhr, distanceKm: 3700.1) == .longHaul)
        #expect(FlightEmissions.haul(jfk, jfk, distanceKm: 9000) == .international)
    }

    @Test("a carbon price turns each leg's kilograms into money; without one nothing is priced")
    func pricing() {
        let c = Carbon(legKg: [150, nil], pricePerTonne: 80)
        #expect(c.cost(0) == 12)
        #expect(c.cost(1) == 0 && c.kg(1) == nil && c.kg(7) == nil)
        #expect(Carbon(legKg: [150]).cost(0) == 0 && !Carbon(legKg: [150]).isPriced)
    }
}
