import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import Testing

/// Follow-up placement across three home time zones, worked out by hand.
///
/// The event runs Tue 12 – Thu 14 Jan 2027 in Chicago (UTC−6 in January), working day 09:00–17:00.
/// Homes: N1 New York (JFK, UTC−5), L1 London (LHR, UTC+0), T1–T3 Tokyo (NRT, UTC+9). Starts
/// inside the working day, in UTC: New York 14:00–15:00 for 60 minutes (09:00–16:00 local),
/// London 09:00–16:00, Tokyo 00:00–07:00 of its own weekday.
///
/// - WEEKLY (everyone, 60 min, 8 days after: Fri 22 Jan): venue Friday is 22 Jan 06:00Z – 23 Jan
///   06:00Z. At 06:00Z Tokyo's Friday (15:00 JST) holds 3; at 14:00Z New York and London hold 2;
///   23 Jan 00:00Z is Saturday in Tokyo. Best 3 at 22 Jan 06:00Z, N1 and L1 outside.
/// - PAIR (New York and London only, 60 min, 8–11 days: Fri 22 and Mon 25 Jan): both inside from
///   14:00Z to 16:00Z; the earliest is Fri 22 Jan 14:00Z, nobody outside.
/// - LONG (everyone, 90 min, 11 days: Mon 25 Jan): Tokyo's Monday ends at 17:00 JST = 08:00Z, so a
///   90-minute start fits 25 Jan 00:00Z–06:30Z, of which the venue's Monday (from 06:00Z) holds
///   06:00–06:30Z; Tokyo's Tuesday starts 26 Jan 00:00Z (Mon 18:00 in Chicago), also 3. Ties go
///   to the earliest: 25 Jan 06:00Z.
@Suite struct FollowUpTests {
    static func fixture(followups: String, compPlanDate: String = "") -> Fixture {
        var f = Fixture()
        f.files["event.csv"] = "name,start_date,days,comp_plan_date\nTest SKO,2027-01-12,3,\(compPlanDate)\n"
        f.files["attendees.csv"] = """
            id,name,team,role,manager_id,home
            N1,Nia NY,East,rep,,JFK
            L1,Leo London,East,rep,,LHR
            T1,Tae Tokyo,Asia,rep,,NRT
            T2,Tomo Tokyo,Asia,rep,,NRT
            T3,Taro Tokyo,Asia,manager,,NRT

            """
        f.files["sessions.csv"] = "id,title,audience\nOPEN,Opening,all\n"
        f.files["travel.csv"] = "id,origin,destination,depart,arrive,price\n"
        f.files["followups.csv"] = followups
        return f
    }

    static let zonesByAirport = ["JFK": "America/New_York", "LHR": "Europe/London", "NRT": "Asia/Tokyo", "ORD": "America/Chicago"]

    func place(_ f: Fixture) throws -> (Scenario, [FollowUpPlacement]) {
        let sc = try f.scenario()
        let zones = HomeZone.of(sc, venue: sc.venues[0]) { Self.zonesByAirport[$0] }
        return (sc, FollowUpPlanner.place(sc, venue: sc.venues[0], zones: zones))
    }

    func utc(_ text: String) -> Int { Timestamp(parsing: text)!.instant }

    @Test("three zones: the most audience members inside their working day, ties to the earliest")
    func threeZones() throws {
        let (sc, placed) = try place(
            Self.fixture(
                followups: """
                    id,title,kind,audience,minutes,earliest_days_after,latest_days_after
                    WEEKLY,Weekly check-in,reinforcement,all,60,8,8
                    PAIR,Atlantic pair,reinforcement,id:N1|id:L1,60,8,11
                    LONG,Long review,reinforcement,all,90,11,11

                    """))
        let ids = sc.attendees.map(\.id.rawValue)
        #expect(placed.map(\.followUp) == ["WEEKLY", "PAIR", "LONG"])
        let weekly = placed[0], pair = placed[1], long = placed[2]
        #expect(weekly.start == utc("2027-01-22T06:00+00:00"))
        #expect(weekly.date == CivilDate(parsing: "2027-01-22"))
        #expect(weekly.outsideHours.map { ids[$0] } == ["N1", "L1"])
        #expect(pair.start == utc("2027-01-22T14:00+00:00"))
        #expect(pair.audience.map { ids[$0] } == ["N1", "L1"] && pair.outsideHours.isEmpty)
        #expect(long.start == utc("2027-01-25T06:00+00:00"))
        #expect(long.end == long.start + 90)
        #expect(long.date == CivilDate(parsing: "2027-01-25"))
        #expect(long.outsideHours.map { ids[$0] } == ["N1", "L1"])
    }

    @Test("comp_plan_date adds the compensation call for everyone 8–14 days after, unless one is given")
    func compCall() throws {
        let (sc, placed) = try place(
            Self.fixture(
                followups: "id,title,audience,earliest_days_after,latest_days_after\n",
                compPlanDate: "2027-02-01"))
        #expect(sc.effectiveFollowUps.map(\.kind) == [FollowUp.compCall])
        let call = try #require(placed.first)
        // Fri 22 Jan (8 days after) is the first weekday of the window; the same 06:00Z start as WEEKLY.
        #expect(call.followUp == "COMP-CALL" && call.start == utc("2027-01-22T06:00+00:00") && call.audience.count == 5)
        let given = try Self.fixture(
            followups: """
                id,title,kind,audience,minutes,earliest_days_after,latest_days_after
                CALL,Comp call,comp_call,role:rep,30,11,11

                """, compPlanDate: "2027-02-01"
        ).scenario()
        #expect(given.effectiveFollowUps.map(\.id) == ["CALL"])
        let none = try Self.fixture(followups: "id,title,audience,earliest_days_after,latest_days_after\n").scenario()
        #expect(none.effectiveFollowUps.isEmpty)
    }

    @Test("an airport the table lacks takes a leg's offset, else the venue's zone")
    func fallbackZones() throws {
        var f = Self.fixture(followups: "id,title,audience,earliest_days_after,latest_days_after\n")
        f.files["travel.csv"] = "id,origin,destination,depart,arrive,price\nX1,LHR,ORD,2027-01-11T09:00+00:00,2027-01-11T12:00-06:00,500\n"
        let sc = try f.scenario()
        let zones = HomeZone.of(sc, venue: sc.venues[0]) { $0 == "NRT" ? "Asia/Tokyo" : nil }
        #expect(zones.map(\.description) == ["America/Chicago", "UTC+00:00", "Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo"])
    }

    @Test("followups.csv errors name the file, line and column")
    func errors() {
        let f = Self.fixture(
            followups: """
                id,title,kind,audience,minutes,earliest_days_after,latest_days_after
                A,Window backwards,other,all,60,9,8
                B,Weekend only,other,all,60,2,3
                C,Too long,other,all,600,8,9
                A,Twice,other,all,60,8,9
                D,Nobody,other,team:Nobody,60,8,9
                E,Bad rule,other,colour:red,60,8,9
                F,Bad day,other,all,60,0,9

                """)
        let m = f.messages()
        #expect(m.contains("followups.csv:2:7: error: latest_days_after: the window ends 8 days after the event, before it starts (9)"))
        #expect(m.contains("followups.csv:3:7: error: latest_days_after: the window 2027-01-16 to 2027-01-17 holds no weekday; widen it"))
        #expect(m.contains("followups.csv:4:5: error: minutes: 600 minutes do not fit the working day day_start–day_end (09:00–17:00, 480 minutes)"))
        #expect(m.contains("followups.csv:5:1: error: id: duplicate follow-up id \"A\" (first on line 2)"))
        #expect(m.contains { $0.hasPrefix("followups.csv:6:4: warning: audience: the rule \"team:Nobody\" matches no attendee") })
        #expect(m.contains { $0.hasPrefix("followups.csv:7:4: error: audience:") })
        #expect(m.contains { $0.hasPrefix("followups.csv:8:6: error: earliest_days_after:") })
    }
}
