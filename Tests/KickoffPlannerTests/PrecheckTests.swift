import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import Testing

/// One scenario per pre-check; each must name its culprit.
@Suite struct PrecheckTests {
    func reasons(_ fx: Fixture) throws -> [String] {
        Prechecks.run(try PlanningInstance(try fx.scenario()))
    }

    @Test func aSessionBiggerThanEveryRoom() throws {
        var fx = HandSolved.twoTravellers
        fx.replace("rooms.csv", line: 2, with: "CHI,R1,Room 1,2")
        #expect(
            try reasons(fx) == [
                "session S1 has 3 attendees, but the biggest room (R1) seats 2",
                "session S2 has 3 attendees, but the biggest room (R1) seats 2"
            ])
        fx.files["sessions.csv"] = "id,title,audience,needs\nS1,First,all,stage\n"
        fx.replace("rooms.csv", line: 2, with: "CHI,R1,Room 1,20")
        #expect(try reasons(fx) == ["session S1 needs a room with stage, and the venue has none"])
    }

    /// `solve --start-date` and `compare --start-dates` can move the agenda onto a weekend; the
    /// files themselves cannot (that is an input error).
    @Test func anAgendaMovedOntoAWeekend() throws {
        var scenario = try HandSolved.twoTravellers.scenario()
        scenario.event.startDate = CivilDate(year: 2027, month: 1, day: 15)!  // Fri: day 2 is a Saturday
        #expect(
            Prechecks.run(try PlanningInstance(scenario)) == [
                "starting Fri 2027-01-15, the agenda would run on Sat 2027-01-16; people meet and travel on weekdays only, so a 2-day agenda must start on a Mon–Thu"
            ])
    }

    /// Moved a week on, no leg fits: one sentence with the legs' dates, not one per airport.
    @Test func travelForAnotherWeekIsNamedOnce() throws {
        var fx = HandSolved.twoTravellers
        fx.replace("attendees.csv", line: 4, with: "L1,Lee,T,rep,SFO")
        fx.append("travel.csv", "I3,SFO,ORD,2027-01-12T08:00-08:00,2027-01-12T14:00-06:00,300")
        fx.append("travel.csv", "O3,ORD,SFO,2027-01-13T13:00-06:00,2027-01-13T15:30-08:00,300")
        var scenario = try fx.scenario()
        scenario.event.startDate = CivilDate(year: 2027, month: 1, day: 19)!
        #expect(
            Prechecks.run(try PlanningInstance(scenario)) == [
                "no traveller has a usable inbound leg: travel.csv's inbound legs for ORD run 2027-01-11 – 2027-01-12, and travel must stay within the event's week, Mon 2027-01-18 – Fri 2027-01-22, on weekdays in business hours",
                "no traveller has a usable outbound leg: travel.csv's outbound legs for ORD run 2027-01-12 – 2027-01-13, and travel must stay within the event's week, Mon 2027-01-18 – Fri 2027-01-22, on weekdays in business hours"
            ])
    }

    @Test func aFixedSlotThatCannotHoldTheSession() throws {
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,slots,fixed_slot\nS1,First,all,2,D1-1100\n"
        #expect(try reasons(fx) == ["session S1 needs 2 consecutive slots from its fixed slot D1-1100, and the day ends sooner"])
        fx.files["sessions.csv"] = "id,title,audience,slots,allowed_slots\nS1,First,all,2,D1-1100;D2-1100\n"
        #expect(try reasons(fx) == ["session S1 needs 2 consecutive slots starting in one of D1-1100, D2-1100, and none has them"])
    }

    @Test func aPrecedenceChainThatRunsPastTheAgenda() throws {
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,day,after,slots\nS1,First,all,2,,2\nS2,Second,all,,S1,1\nS3,Third,all,,S2,1\n"
        #expect(try reasons(fx) == ["session S3 cannot start after its predecessors end: the chain S1 → S2 → S3 does not fit in the agenda"])
    }

    @Test func moreSessionsThanSlotsForOnePerson() throws {
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience\n" + (1...7).map { "S\($0),Session \($0),all" }.joined(separator: "\n") + "\n"
        #expect(try reasons(fx) == ["A1, A2, L1 attend sessions spanning 7 slots; the agenda has 6"])
    }

    @Test func aTeamNoRestaurantSeats() throws {
        var fx = Fixture.plannable
        fx.files["dinners.csv"] = "venue,id,name,capacity,cost_per_head\nCHI,D1,Small,1,50\n"
        #expect(
            try reasons(fx) == [
                "team East has 2 members, but the biggest restaurant (D1) seats 1 an evening",
                "team West has 2 members, but the biggest restaurant (D1) seats 1 an evening"
            ])
    }

    @Test func aHotelBlockSmallerThanThoseWhoMustStay() throws {
        var fx = HandSolved.twoTravellers
        fx.replace("travel.csv", line: 4, with: "O1,ORD,BOS,2027-01-13T08:00-06:00,2027-01-13T11:00-05:00,200")
        fx.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,100,1")
        #expect(try reasons(fx) == ["on the night of 2027-01-12 at least 2 travellers must stay, and the hotel block is 1 room"])
    }

    @Test func aValidScenarioPassesEveryPrecheck() throws {
        #expect(try reasons(HandSolved.twoTravellers).isEmpty)
        #expect(try reasons(Fixture.plannable).isEmpty)
    }
}
