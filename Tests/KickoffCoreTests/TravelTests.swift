import KickoffTestSupport
import Testing

@testable import KickoffCore

@Suite("Travel legs classified per venue: weekends, business hours in local time, event week, airports")
struct TravelTests {
    /// Classifies the fixture's legs plus `rows` at venue CHI (ORD, America/Chicago).
    func classify(_ rows: [String]) throws -> [String: [LegRejection]] {
        var f = Fixture()
        for r in rows { f.append("travel.csv", r) }
        let s = try f.scenario()
        let options = TravelOptions(s, venue: s.venues[0])
        return Dictionary(uniqueKeysWithValues: options.legs.map { (s.travel[$0.leg].id.rawValue, $0.rejections) })
    }

    @Test("each leg is usable or rejected with its reasons")
    func reasons() throws {
        let r = try classify([
            "EARLY,SFO,ORD,,2027-01-11T07:30-08:00,2027-01-11T13:40-06:00,300,",
            "LATE,SFO,ORD,,2027-01-11T12:00-08:00,2027-01-11T18:10-06:00,300,",
            "EDGE,SFO,ORD,,2027-01-11T12:00-08:00,2027-01-11T18:00-06:00,300,",
            "SUN,BOS,ORD,,2027-01-10T09:00-05:00,2027-01-10T11:00-06:00,150,",
            "FRI-EVE,ORD,BOS,,2027-01-15T17:00-06:00,2027-01-15T20:10-05:00,150,",
            "FRI,ORD,BOS,,2027-01-15T09:00-06:00,2027-01-15T12:10-05:00,150,",
            "NEXT-MON,ORD,BOS,,2027-01-18T09:00-06:00,2027-01-18T12:10-05:00,150,",
            "PREV-FRI,BOS,ORD,,2027-01-08T09:00-05:00,2027-01-08T11:00-06:00,150,",
            "OTHER,SFO,BOS,,2027-01-11T09:00-08:00,2027-01-11T17:30-05:00,400,",
            "NOBODY,LAX,ORD,,2027-01-11T09:00-08:00,2027-01-11T15:00-06:00,400,",
            "THU-LATE,BOS,ORD,,2027-01-14T16:00-05:00,2027-01-14T17:00-06:00,150,",
            "TUE-DAWN-OUT,ORD,BOS,,2027-01-12T08:00-06:00,2027-01-12T11:10-05:00,150,"
        ])
        #expect(r["T1"] == [])
        #expect(r["T2"] == [])
        #expect(r["EARLY"] == [.outsideBusinessHours(.departure, TimeOfDay(hour: 7, minute: 30))])
        #expect(r["LATE"] == [.outsideBusinessHours(.arrival, TimeOfDay(hour: 18, minute: 10))])
        #expect(r["EDGE"] == [], "business hours are inclusive at both ends")
        #expect(r["SUN"] == [.weekend(.departure, .sunday), .weekend(.arrival, .sunday)])
        #expect(r["FRI-EVE"] == [.outsideBusinessHours(.arrival, TimeOfDay(hour: 20, minute: 10))])
        #expect(r["FRI"] == [])
        #expect(r["NEXT-MON"] == [.outsideEventWeek(.arrival, CivilDate(parsing: "2027-01-18")!)])
        #expect(r["PREV-FRI"] == [.outsideEventWeek(.departure, CivilDate(parsing: "2027-01-08")!)])
        #expect(r["OTHER"] == [.otherAirport])
        #expect(r["NOBODY"] == [.noAttendeeHome("LAX")])
        #expect(r["THU-LATE"] == [.arrivesTooLate])
        #expect(r["TUE-DAWN-OUT"] == [.departsTooEarly])
    }

    @Test("business hours read each end's own wall clock, not the venue's")
    func localClocks() throws {
        let r = try classify([
            // 15:00 in Chicago, landing 17:30 in San Francisco (19:30 Chicago time): fine.
            "WEST,ORD,SFO,,2027-01-14T15:00-06:00,2027-01-14T17:30-08:00,300,",
            // Landing 18:30 San Francisco time: outside, although the departure was 16:00.
            "WEST-LATE,ORD,SFO,,2027-01-14T16:00-06:00,2027-01-14T18:30-08:00,300,",
            // Leaving Boston at 07:45 local is early even though it is 06:45 in Chicago... and vice versa.
            "EAST-EARLY,BOS,ORD,,2027-01-11T07:45-05:00,2027-01-11T09:00-06:00,150,"
        ])
        #expect(r["WEST"] == [])
        #expect(r["WEST-LATE"] == [.outsideBusinessHours(.arrival, TimeOfDay(hour: 18, minute: 30))])
        #expect(r["EAST-EARLY"] == [.outsideBusinessHours(.departure, TimeOfDay(hour: 7, minute: 45))])
    }

    @Test("usable legs are indexed by home airport and rejected ones counted by first reason")
    func summaryCounts() throws {
        var f = Fixture()
        f.append("travel.csv", "SUN,BOS,ORD,,2027-01-10T09:00-05:00,2027-01-10T11:00-06:00,150,")
        f.append("travel.csv", "SAT,ORD,BOS,,2027-01-16T09:00-06:00,2027-01-16T12:10-05:00,150,")
        f.append("travel.csv", "EARLY,SFO,ORD,,2027-01-11T07:30-08:00,2027-01-11T13:40-06:00,300,")
        let s = try f.scenario()
        let o = TravelOptions(s, venue: s.venues[0])
        #expect(o.inbound == ["BOS": [0]])
        #expect(o.outbound == ["BOS": [1]])
        #expect(o.rejectedByCategory.map { "\($0.count) \($0.category)" } == ["2 weekend", "1 outside business hours"])
    }
}
