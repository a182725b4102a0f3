/// Tiny scenarios whose optimum was worked out by hand; the arithmetic is in each comment.
package enum HandSolved {
    /// Two Boston travellers and one local, two one-hour sessions (S1 on day 1, S2 after it),
    /// no dinners. Agenda hours 09:00–12:00 on Tue 12 and Wed 13 Jan 2027, time away 10/h.
    ///
    /// Per Boston traveller (times UTC; Boston −05:00, Chicago −06:00):
    /// - I2 (Tue 08:00→08:30, 250) + O1 (Tue 14:00→17:00, 200): 0 nights, 13:00Z→22:00Z = 9 h → 90.
    ///   Ready at 09:30 and gone by 13:00, so S1 at D1-1000 and S2 at D1-1100. Total 540.
    /// - I1 (Mon 09:00, 300) + O1: 1 night (100), Mon 14:00Z → Tue 22:00Z = 32 h → 320. Total 920.
    /// - I2 + O2 (Wed 14:00, 150): 1 night (100), 33 h → 330. Total 830.
    /// - I1 + O2: 300 + 150 + 200 + 560 = 1,210.
    /// Optimum: 2 × 540 + venue 2 × 1,000 = **3,080**, with S1 at D1-1000 and S2 at D1-1100.
    package static let twoTravellers = Fixture(files: [
        "event.csv": """
        name,start_date,days,day_start,day_end,slot_minutes,time_away_cost_per_hour
        Hand SKO,2027-01-12,2,09:00,12:00,60,10

        """,
        "attendees.csv": """
        id,name,team,role,home
        A1,Ann,T,rep,BOS
        A2,Ben,T,rep,BOS
        L1,Lee,T,rep,ORD

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
        id,title,audience,day,after
        S1,First,all,1,
        S2,Second,all,,S1

        """,
        "travel.csv": """
        id,origin,destination,depart,arrive,price
        I1,BOS,ORD,2027-01-11T09:00-05:00,2027-01-11T10:30-06:00,300
        I2,BOS,ORD,2027-01-12T08:00-05:00,2027-01-12T08:30-06:00,250
        O1,ORD,BOS,2027-01-12T14:00-06:00,2027-01-12T17:00-05:00,200
        O2,ORD,BOS,2027-01-13T14:00-06:00,2027-01-13T17:00-05:00,150

        """
    ])

    /// One Boston traveller, a one-day event on Monday 11 Jan 2027 (slot 11:00–12:00), no time-away cost.
    ///
    /// The cheapest trip would fly in on Sunday: W1 (100) + one night (100) + O1 (150) = 350. The
    /// weekend rule forbids it, so the plan takes M1 (400) + O1 (150), no night: 550, plus the
    /// venue's 1,000: **1,550**.
    package static let weekendRule = Fixture(files: [
        "event.csv": """
        name,start_date,days,day_start,day_end,slot_minutes
        Monday SKO,2027-01-11,1,11:00,12:00,60

        """,
        "attendees.csv": """
        id,name,team,role,home
        A1,Ann,T,rep,BOS

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
        id,title,audience
        S1,Only,all

        """,
        "travel.csv": """
        id,origin,destination,depart,arrive,price
        W1,BOS,ORD,2027-01-10T12:00-05:00,2027-01-10T13:30-06:00,100
        M1,BOS,ORD,2027-01-11T08:00-05:00,2027-01-11T08:45-06:00,400
        O1,ORD,BOS,2027-01-11T15:00-06:00,2027-01-11T18:00-05:00,150

        """
    ])
}

extension Fixture {
    /// The validation fixture made plannable: legs for the San Francisco rep, Wednesday
    /// departures and two restaurants, so every plan file has content. Used by golden-file tests.
    package static var plannable: Fixture {
        var fx = Fixture()
        fx.append("travel.csv", "T3,ORD,BOS,UA 3,2027-01-13T09:00-06:00,2027-01-13T12:10-05:00,190,")
        fx.append("travel.csv", "S1,SFO,ORD,UA 11,2027-01-11T09:00-08:00,2027-01-11T15:10-06:00,320,")
        fx.append("travel.csv", "S2,ORD,SFO,UA 12,2027-01-14T12:00-06:00,2027-01-14T14:30-08:00,300,")
        fx.append("travel.csv", "S3,ORD,SFO,UA 13,2027-01-13T10:00-06:00,2027-01-13T12:30-08:00,280,")
        fx.files["dinners.csv"] = """
            venue,id,name,capacity,cost_per_head,evenings
            CHI,D1,"Deep Dish, Inc.",10,50,
            CHI,D2,Steakhouse <Prime>,3,90,1

            """
        return fx
    }
}
