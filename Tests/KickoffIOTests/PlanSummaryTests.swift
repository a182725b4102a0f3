import Foundation
import KickoffIO
import Testing

@Suite("summary.json as one Codable value")
struct PlanSummaryTests {
    static let sample = PlanSummary(
        status: "feasible", venue: "CHI", venueName: "Lakeshore", event: "Acme SKO", startDate: "2027-01-12", currency: "USD",
        objective: 5780.5, costs: .init(travel: 1000, hotel: 200.25, timeAway: 580.25, dinners: 0, venue: 4000, carbon: nil),
        bound: 5700, gap: 0.013838, solveSeconds: 1.25,
        counts: .init(
            attendees: 4, travellers: 3, locals: 1, teams: 2, sessions: 5, rooms: 2,
            plan: .init(roomsUsed: 2, legsBooked: 6, hotelNights: 6, teamDinners: 2)),
        model: .init(variables: 293, integerVariables: 293, constraints: 308, nonzeros: 2461, travelGroups: 3),
        reasons: [], agendaHealth: .object([("travel_rule_cost", .number(12.5))]),
        unplaced: nil, generatedAt: "2027-01-04T09:00+00:00")

    @Test("encoded in declaration order, unknown values as null, absent sections left out; decodes to the same value")
    func roundTrip() throws {
        var none = Self.sample
        none.objective = nil
        none.costs = nil
        none.counts.plan = nil
        let text = none.rendered()
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(
            keys == [
                "status", "venue", "venue_name", "event", "start_date", "currency", "objective", "costs", "bound", "gap",
                "solve_seconds", "counts", "model", "reasons", "agenda_health", "generated_at"
            ])
        #expect(text.contains("\"objective\": null,\n  \"costs\": null,"))
        #expect(!text.contains("rooms_used") && !text.contains("\"carbon\""))
        #expect(try PlanSummary.decode(Data(text.utf8)) == none)
        #expect(try PlanSummary.decode(Data(Self.sample.rendered().utf8)) == Self.sample)
    }

    @Test("a summary that does not decode says which key, in the file's own names")
    func readErrors() {
        #expect(throws: PlanSummary.ReadError.self) { try PlanSummary.decode(Data("[1]".utf8)) }
        var missing = Self.sample.rendered()
        missing = missing.replacingOccurrences(of: "\"integer_variables\": 293,\n", with: "")
        do {
            _ = try PlanSummary.decode(Data(missing.utf8))
            Issue.record("decoded a summary without model.integer_variables")
        } catch {
            #expect(error.description == "missing key \"model.integer_variables\"")
        }
        let wrong = Self.sample.rendered().replacingOccurrences(of: "\"venue\": \"CHI\"", with: "\"venue\": 3")
        do {
            _ = try PlanSummary.identity(Data(wrong.utf8))
            Issue.record("decoded a numeric venue")
        } catch {
            #expect(error.description == "\"venue\" is not a string")
        }
    }
}
