import KickoffTestSupport
import Testing

@testable import KickoffReport

@Suite("The validate summary")
struct ScenarioSummaryTests {
    @Test("the fixture's summary, word for word")
    func fixtureSummary() throws {
        var f = Fixture()
        f.append("travel.csv", "SUN,BOS,ORD,,2027-01-10T09:00-05:00,2027-01-10T11:00-06:00,150,")
        let text = ScenarioSummary(try f.scenario()).text
        #expect(
            text == """
                Test SKO: 3 days, Tue 2027-01-12 to Thu 2027-01-14
                  attendees   4 in 2 teams, 1 with direct reports
                  sessions    3 defined (2 per team), 5 to place after expansion
                  slots       24 (8 a day, cut from event.csv)
                  enrollments 0
                  travel      3 legs
                  venues      1

                  venue CHI: Lakeshore (ORD)
                    rooms        2, largest seats 100
                    attendees    3 travel, 1 local
                    legs usable  1 inbound, 1 outbound
                    rejected     1 weekend
                    no round trip from SFO

                """)
    }

    @Test("counts get thousands separators")
    func thousands() {
        #expect(fmt(0) == "0")
        #expect(fmt(999) == "999")
        #expect(fmt(1_820) == "1,820")
        #expect(fmt(-1_234_567) == "-1,234,567")
    }
}
