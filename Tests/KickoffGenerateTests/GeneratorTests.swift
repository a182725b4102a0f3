import Airports
import Foundation
import KickoffCore
import KickoffIO
import KickoffTestSupport
import Testing

@testable import KickoffGenerate

@Suite("Scenario generator")
struct GeneratorTests {
    func generate(_ n: Int, seed: UInt64, configure: (inout GeneratorOptions) -> Void = { _ in }) -> [(name: String, text: String)] {
        var o = GeneratorOptions(attendees: n, seed: seed)
        configure(&o)
        var g = ScenarioGenerator(o)
        return g.files()
    }

    func load(_ files: [(name: String, text: String)]) -> LoadResult {
        ScenarioLoader.load(files: Dictionary(uniqueKeysWithValues: files.map { ($0.name, Array($0.text.utf8)) }))
    }

    @Test("the same seed gives byte-identical files; another seed gives other files")
    func determinism() {
        let a = generate(300, seed: 42), b = generate(300, seed: 42), c = generate(300, seed: 43)
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.text) != c.map(\.text))
    }

    @Test(
        "generated scenarios are valid at every size, with every traveller able to make a round trip",
        arguments: [(12, UInt64(1)), (100, 2), (250, 3), (1_000, 4), (3_000, 5)])
    func validAndReachable(size: Int, seed: UInt64) throws {
        let result = load(generate(size, seed: seed))
        #expect(result.diagnostics.map(\.description) == [])
        let s = try #require(result.scenario)
        #expect(s.attendees.count == size)
        for venue in s.venues {
            let options = TravelOptions(s, venue: venue)
            for home in Set(s.attendees.map(\.home)) where home != venue.airport {
                #expect(options.inbound[home] != nil, "no inbound leg from \(home) to \(venue.id)")
                #expect(options.outbound[home] != nil, "no outbound leg from \(venue.id) to \(home)")
            }
            // Some legs are there to be rejected: the filters must matter.
            let categories = Set(options.rejectedByCategory.map(\.category))
            #expect(categories.isSuperset(of: ["weekend", "outside business hours"]))
            // The largest room seats everyone; each team fits a breakout room.
            let agenda = Agenda(s)
            let rooms = s.rooms(at: venue.id)
            #expect(rooms.map(\.capacity).max()! >= s.attendees.count)
            for k in agenda.sessions.indices {
                let need = s.sessions[agenda.sessions[k].sessionIndex].needs
                #expect(
                    rooms.contains { $0.capacity >= agenda.sessions[k].audience.count && $0.features.isSuperset(of: need) },
                    "no room fits \(agenda.sessions[k].id) at \(venue.id)")
            }
        }
    }

    @Test("churn: 5 % leave or join, deterministically; the leavers vanish from every file; the result is valid")
    func churn() throws {
        let files = Dictionary(uniqueKeysWithValues: generate(400, seed: 9).map { ($0.name, $0.text) })
        let c = try AttendeeChurn(files, share: 0.05, seed: 3)
        #expect(c.left.count == 10 && c.joined == (0..<10).map { "NEW\($0)" })
        #expect(try AttendeeChurn(files, share: 0.05, seed: 3).files == c.files)
        #expect(try AttendeeChurn(files, share: 0.05, seed: 4).left != c.left)
        for id in c.left {
            #expect(files["attendees.csv"]!.contains("\n\(id),"))
            for (name, text) in c.files { #expect(!text.contains(id), "\(id) still in \(name)") }
        }
        #expect(c.files["attendees.csv"]!.split(separator: "\n").count == files["attendees.csv"]!.split(separator: "\n").count)
        let loaded = ScenarioLoader.load(files: c.files.mapValues { Array($0.utf8) })
        #expect(loaded.errors.isEmpty, "\(loaded.errors.prefix(3))")
        #expect(loaded.scenario?.attendees.filter { $0.id.rawValue.hasPrefix("NEW") }.allSatisfy { $0.role == "rep" } == true)
    }

    @Test("options shape the scenario: teams, venues, airports, electives, cut slots")
    func options() throws {
        let s = try #require(
            load(
                generate(400, seed: 9) {
                    $0.teams = 10; $0.venues = 2; $0.homeAirports = 12; $0.electives = 5; $0.slotsFile = false
                }
            ).scenario)
        #expect(Set(s.attendees.map(\.team)).subtracting(["Leadership", "Enablement"]).count == 10)
        #expect(s.venues.count == 2)
        #expect(Set(s.attendees.map(\.home)).count <= 12)
        #expect(s.sessions.filter { $0.id.rawValue.hasPrefix("EL") }.count == 5)
        #expect(s.slots == nil)
    }

    @Test("data/sample is exactly what `kickoff generate data/sample --attendees 250 --seed 2027 --weeks 2` writes")
    func sampleIsReproducible() throws {
        let dir = repositoryRoot.appendingPathComponent("data/sample")
        for file in generate(250, seed: 2027, configure: { $0.weeks = 2 }) {
            let committed = try String(contentsOf: dir.appendingPathComponent(file.name), encoding: .utf8)
            #expect(committed == file.text, "data/sample/\(file.name) differs from the generator's output")
        }
    }

    @Test("more weeks of legs leave the first week's legs, and every other file, as they were")
    func laterWeeks() throws {
        let one = Dictionary(uniqueKeysWithValues: generate(60, seed: 5).map { ($0.name, $0.text) })
        let three = Dictionary(uniqueKeysWithValues: generate(60, seed: 5, configure: { $0.weeks = 3 }).map { ($0.name, $0.text) })
        for (name, text) in one where name != "travel.csv" { #expect(three[name] == text, "\(name)") }
        let a = one["travel.csv"]!.split(separator: "\n"), b = three["travel.csv"]!.split(separator: "\n")
        #expect(b.count - 1 == 3 * (a.count - 1))
        #expect(Array(b.prefix(a.count)) == a)
        // Week 3's legs are week 1's schedule 14 days later.
        let first = a[1].split(separator: ","), later = b[1 + 2 * (a.count - 1)].split(separator: ",")
        #expect(first[4].prefix(10) == "2027-01-10" && later[4].prefix(10) == "2027-01-24")
        #expect(first[4].dropFirst(10) == later[4].dropFirst(10))
    }

    @Test("the compiled airport table is data/airports.csv, and its codes and zones are sound")
    func airportTable() throws {
        let csv = try String(contentsOf: repositoryRoot.appendingPathComponent("data/airports.csv"), encoding: .utf8)
        #expect(csv == Airport.tableCSV)
        #expect(Airport.all.count > 700)
        #expect(Set(Airport.all.map(\.iata)).count == Airport.all.count)
        for a in Airport.all { #expect(VenueClock(identifier: a.timezone) != nil, "\(a.iata): \(a.timezone)") }
        let ord = try #require(Airport.byCode["ORD"]), lga = try #require(Airport.byCode["LGA"])
        #expect(abs(ord.distance(to: lga) - 1180) < 30)  // Chicago–New York is about 1,180 km
    }

    @Test("the PRNG is SplitMix64: fixed outputs for a fixed seed")
    func prng() {
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        var u = SplitMix64(seed: 7)
        for _ in 0..<1000 { #expect((3...9).contains(u.int(3...9))) }
    }

    @Test("large events get the compact agenda; up to 2,000 attendees keep two-hour team blocks")
    func compactAgenda() throws {
        // 2,000 attendees by default: 45 teams, 20 electives, 20 breakouts: 200 of 352 breakout hours.
        #expect(!ScenarioGenerator.compactAgenda(teams: 45, electives: 20, breakouts: 20))
        #expect(ScenarioGenerator.compactAgenda(teams: 100, electives: 100, breakouts: 20))  // 10,000

        let compact = try #require(load(generate(600, seed: 3) { $0.teams = 60 }).scenario)
        #expect(compact.event.dayStart == TimeOfDay(hour: 8, minute: 0) && compact.event.dayEnd == TimeOfDay(hour: 18, minute: 0))
        #expect(compact.slots?.count == 27)
        #expect(!compact.sessions.contains { $0.id.rawValue == "BENEFITS" })
        #expect(compact.sessions.filter { ["PRACTICE", "TERR"].contains($0.id.rawValue) }.map(\.slots) == [1, 1])
        #expect(compact.sessions.first { $0.id.rawValue == "OPEN" }?.fixedSlot?.rawValue == "D1-0800")
        let signUps = Dictionary(grouping: compact.enrollments, by: \.session).mapValues(\.count)
        #expect(!signUps.isEmpty && signUps.values.allSatisfy { $0 <= 8 })
        #expect(compact.sessions.filter { !$0.allowedSlots.isEmpty }.count == 2)  // EL01, EL05 of 6

        let usual = try #require(load(generate(600, seed: 3)).scenario)
        #expect(usual.slots?.count == 21)
        #expect(usual.sessions.contains { $0.id.rawValue == "BENEFITS" })
        #expect(usual.sessions.filter { ["PRACTICE", "TERR"].contains($0.id.rawValue) }.map(\.slots) == [2, 2])
    }
}
