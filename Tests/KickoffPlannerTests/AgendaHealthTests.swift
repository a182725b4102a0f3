import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import PlannerTestSupport
import Testing

/// The agenda-health figures on agendas small enough to add up by hand.
@Suite struct AgendaHealthTests {
    /// Tue 12 – Wed 13 Jan 2027, 09:00–12:00 in 60-minute slots, everyone local (Chicago).
    /// - K1 keynote, all 4 people, 1 slot: 240 attendee-minutes.
    /// - I1 info, all 4, 1 slot: 240.
    /// - P1 practice, team T1 (A1, A2, M1), 2 slots: 360.
    /// - R1 territory, M2 alone, 1 slot: 60.
    /// Total 900: keynote 26.67 %, info 26.67 % (together 53.33 % > 30 %: flagged), practice 40 %,
    /// territory 6.67 %. comp_plan_date Mon 18 Jan is 5 days after the last agenda day: flagged.
    /// The call window is 21–27 Jan without the weekend: 21, 22, 25, 26, 27.
    /// A2's manager M2 is in team T2, so dines elsewhere; A1 (130 %) is chairmans_club, A2 (100 %)
    /// presidents_club, M2 (90 %) neither. M1 reports to M2 too but hosts T1's dinner: not listed.
    static let fixture = Fixture(files: [
        "event.csv": """
        name,start_date,days,day_start,day_end,slot_minutes,comp_plan_date
        Health SKO,2027-01-12,2,09:00,12:00,60,2027-01-18

        """,
        "attendees.csv": """
        id,name,team,role,manager_id,home,attainment
        A1,Ann,T1,rep,M1,ORD,130
        A2,Ben,T1,rep,M2,ORD,100%
        M1,Mia,T1,manager,M2,ORD,
        M2,Max,T2,manager,,ORD,90

        """,
        "venues.csv": """
        id,name,city,airport,timezone,daily_rate,hotel_rate,hotel_rooms
        CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,100,

        """,
        "rooms.csv": """
        venue,id,name,capacity
        CHI,R1,Room 1,10

        """,
        "sessions.csv": """
        id,title,kind,audience,slots
        K1,Welcome,keynote,all,1
        I1,Benefits update,info,all,1
        P1,Discovery practice,practice,team:T1,2
        R1,Territory plan,territory,id:M2,1

        """,
        "travel.csv": """
        id,origin,destination,depart,arrive,price

        """,
        "dinners.csv": """
        venue,id,name,capacity,cost_per_head,evenings
        CHI,D1,Grill,10,50,

        """
    ])

    @Test func handComputedAgenda() throws {
        let (inst, out) = try solve(Self.fixture)
        let plan = try #require(out.plan)
        let h = AgendaHealth(inst, plan: plan)
        let minutes = Dictionary(uniqueKeysWithValues: h.shares.map { ($0.kind, $0.attendeeMinutes) })
        #expect(minutes == [.keynote: 240, .info: 240, .practice: 360, .territory: 60])
        #expect(abs(h.talkShare - 480.0 / 900) < 1e-12)
        #expect(h.tooMuchTalk)
        #expect(h.infoSessions == ["I1"])
        #expect(h.compPlanClash.map(\.description) == ["2027-01-12", "2027-01-13"])
        #expect(h.compCallWindow.map(\.description) == ["2027-01-21", "2027-01-22", "2027-01-25", "2027-01-26", "2027-01-27"])
        #expect(h.managerExceptions == [.init(attendee: "A2", team: "T1", manager: "M2", managerTeam: "T2")])
        #expect(h.chairmansClub == ["A1"])
        #expect(h.presidentsClub == ["A2"])
        #expect(h.ruleCosts == [])
        // Without a plan the shares come from each session's earliest run: the same here.
        #expect(AgendaHealth(inst, plan: nil).shares == h.shares)
    }

    @Test func aPracticeHeavyAgendaIsNotFlagged() throws {
        var fx = Self.fixture
        fx.replace("sessions.csv", line: 3, with: "I1,Benefits update,practice,all,1")
        fx.replace("event.csv", line: 2, with: "Health SKO,2027-01-12,2,09:00,12:00,60,2027-01-29")
        let (inst, out) = try solve(fx)
        let h = AgendaHealth(inst, plan: out.plan)
        // Keynote 240 of 900 = 26.67 %: under 30 %. Comp plans 16 days after the event: fine.
        #expect(!h.tooMuchTalk)
        #expect(h.infoSessions.isEmpty)
        #expect(h.compPlanClash.isEmpty)
    }

    /// HandSolved.weekendRule: the Sunday flight W1 (100) + a night (100) + O1 (150) = 350 is
    /// excluded; the cheapest allowed trip M1 (400) + O1 (150) = 550. The rule costs 200.
    @Test func theWeekendRuleCostIsNamed() throws {
        let (inst, out) = try solve(HandSolved.weekendRule)
        let plan: Plan = try #require(out.plan)
        let h = AgendaHealth(inst, plan: plan)
        let rc = try #require(h.ruleCosts?.first)
        #expect(h.ruleCosts?.count == 1)
        #expect(rc.attendee == "A1")
        #expect(rc.allowed == 550)
        #expect(rc.withoutRules == 350)
        #expect(rc.cost == 200)
        #expect(rc.excludedLegs.map(\.id) == ["W1"])
        #expect(rc.excludedLegs[0].why.contains("Sun"))
        #expect(h.ruleCostTotal == 200)
        // No dinners.csv: the manager check does not apply.
        #expect(h.managerExceptions == nil)
    }
}
