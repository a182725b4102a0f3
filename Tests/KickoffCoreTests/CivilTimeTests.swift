import Testing

@testable import KickoffCore

@Suite("Dates, times and offset timestamps")
struct CivilTimeTests {
    @Test("weekdays of known dates")
    func weekdays() {
        #expect(CivilDate(parsing: "2027-01-12")!.weekday == .tuesday)
        #expect(CivilDate(parsing: "2027-01-16")!.weekday == .saturday)
        #expect(CivilDate(parsing: "1970-01-01")!.weekday == .thursday)
        #expect(CivilDate(parsing: "1969-12-28")!.weekday == .sunday)
        #expect(CivilDate(parsing: "2027-01-14")!.mondayOfWeek == CivilDate(parsing: "2027-01-11"))
        #expect(CivilDate(parsing: "2027-01-17")!.mondayOfWeek == CivilDate(parsing: "2027-01-11"))
    }

    @Test("day numbers round-trip over four centuries and leap rules hold")
    func roundTrip() {
        for n in stride(from: -200_000, through: 200_000, by: 97) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(parsing: "2000-02-29") != nil)
        #expect(CivilDate(parsing: "1900-02-29") == nil)
        #expect(CivilDate(parsing: "2027-02-29") == nil)
        #expect(CivilDate(parsing: "2027-1-12") == nil)
        #expect(CivilDate(parsing: "2027-01-31")!.adding(days: 1).description == "2027-02-01")
    }

    @Test("times of day parse on the 24-hour clock only")
    func times() {
        #expect(TimeOfDay(parsing: "08:05")?.minutes == 485)
        #expect(TimeOfDay(parsing: "23:59")?.minutes == 1439)
        #expect(TimeOfDay(parsing: "24:00") == nil)
        #expect(TimeOfDay(parsing: "8:05") == nil)
        #expect(TimeOfDay(parsing: "08:60") == nil)
    }

    @Test("timestamps keep their wall clock and offset; instants compare across zones")
    func timestamps() {
        let dep = Timestamp(parsing: "2027-01-12T08:05-05:00")!
        #expect(dep.time == TimeOfDay(hour: 8, minute: 5))
        #expect(dep.offsetMinutes == -300)
        #expect(dep.description == "2027-01-12T08:05-05:00")
        let arr = Timestamp(parsing: "2027-01-12T09:35-06:00")!
        #expect(arr.instant - dep.instant == 150)
        #expect(Timestamp(parsing: "2027-01-12T13:05Z")!.instant == dep.instant)
        #expect(Timestamp(parsing: "2027-01-12T18:35:00+0530")!.instant == dep.instant)
        #expect(Timestamp(parsing: "2027-01-12T08:05") == nil)
        #expect(Timestamp(parsing: "2027-01-12T08:05:30-05:00") == nil)
        #expect(dep.converted(toOffset: 60).description == "2027-01-12T14:05+01:00")
        #expect(Timestamp(instant: dep.instant, offsetMinutes: -600).description == "2027-01-12T03:05-10:00")
    }

    @Test("a venue clock applies daylight saving by date")
    func venueClock() {
        let chicago = VenueClock(identifier: "America/Chicago")!
        #expect(chicago.offsetMinutes(on: CivilDate(parsing: "2027-01-12")!, at: TimeOfDay(hour: 9, minute: 0)) == -360)
        #expect(chicago.offsetMinutes(on: CivilDate(parsing: "2027-07-12")!, at: TimeOfDay(hour: 9, minute: 0)) == -300)
        let t = chicago.timestamp(CivilDate(parsing: "2027-01-12")!, TimeOfDay(minutes: 25 * 60))
        #expect(t.description == "2027-01-13T01:00-06:00")
        #expect(VenueClock(identifier: "Mars/Olympus") == nil)
    }
}
