import Foundation
import KickoffCore
import KickoffIO
import KickoffReport
import KickoffTestSupport
import Testing

/// The .ics writer and reader against each other, the reader's errors, and the UID domain rules.
@Suite struct CalendarTests {
    static let event = ICalendar.Event(
        uid: "P1.session.PRAC%40East@sko.example", start: 29_000_000, end: 29_000_120,
        summary: "Prácticas; roles, «objeciones» \\ cierre", location: "Salón 1, Chicago",
        description: String(repeating: "Línea larga con acentos é ", count: 8) + "\nsegunda línea",
        sequence: 3, cancelled: true)

    @Test func whatTheWriterWritesTheReaderReadsBack() throws {
        let cal = ICalendar(
            name: "SKO: Ana", events: [Self.event, ICalendar.Event(uid: "P1.dinner@sko.example", start: 29_000_600, end: 29_000_720, summary: "Dinner")],
            stamp: 28_990_000, organizer: "events@sko.example", attendee: ICalendar.Person(name: "Ana, R.", email: "ana@sko.example"))
        let text = cal.text
        #expect(text.split(separator: "\r\n").contains { $0.hasPrefix(" ") }, "the long DESCRIPTION is folded")
        let read = try ICSReader.read(Array(text.utf8))
        #expect(read.email == "ana@sko.example")
        #expect(read.cancelsAll == false)
        #expect(read.events.count == 2)
        let e = read.events[0]
        #expect(e.uid == Self.event.uid && e.sequence == 3 && e.cancelled)
        #expect(e.start == Self.event.start && e.end == Self.event.end)
        #expect(e.summary == Self.event.summary && e.location == Self.event.location && e.description == Self.event.description)
        #expect(read.events[1].sequence == 0 && !read.events[1].cancelled && read.events[1].location == nil)
        // A CANCEL says so, and names its attendee on each event.
        var cancel = cal
        cancel.method = .cancel
        #expect(try ICSReader.read(Array(cancel.text.utf8)).cancelsAll)
        #expect(cancel.text.contains("\r\nATTENDEE;CN=\"Ana, R.\":mailto:ana@sko.example\r\n"))
        #expect(!cal.text.contains("\r\nATTENDEE"), "a PUBLISH names no ATTENDEE (RFC 5546 §3.2.1)")
    }

    @Test func theReaderTakesLFLineEndsABOMAndSkipsAlarms() throws {
        let text =
            "\u{FEFF}BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a@b\nDTSTART:20270112T150000Z\nDTEND:20270112T160000Z\n"
            + "SUMMARY:Open\n ing\nBEGIN:VALARM\nSUMMARY:Reminder\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n"
        let read = try ICSReader.read(Array(text.utf8))
        #expect(read.events.map(\.summary) == ["Opening"])
        #expect(read.events[0].start == CivilDate(year: 2027, month: 1, day: 12)!.dayNumber * 1440 + 15 * 60)
        let notText = Array("BEGIN:VCALENDAR\r\nSUMMARY:".utf8) + [0xFF, 0x0D, 0x0A]
        #expect(throws: ICSReader.Failure(line: 2, message: "not UTF-8 text")) { try ICSReader.read(notText) }
    }

    @Test(arguments: [
        ("BEGIN:VEVENT\r\n", 1, "expected BEGIN:VCALENDAR"),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:2027-01-12 15:00\r\nDTEND:20270112T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            4, "DTSTART: expected a UTC date-time like 20270112T150000Z, got \"2027-01-12 15:00\""
        ),
        // A folded property's error is on the line it starts on.
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20270112T150000Z\r\nDTEND:20270112T16\r\n 0000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            5, "DTEND: expected a UTC date-time like 20270112T150000Z, got \"20270112T160000\""
        ),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20270112T150000Z\r\nDTEND:20270112T160000Z\r\nSEQUENCE:-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            6, "SEQUENCE: expected a whole number ≥ 0, got \"-1\""
        ),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270112T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 2, "VEVENT has no UID"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@b\r\n", 2, "VEVENT is not closed (END:VEVENT missing)")
    ])
    func theReaderSaysWhereAFileIsBroken(text: String, line: Int, message: String) {
        #expect(throws: ICSReader.Failure(line: line, message: message)) { try ICSReader.read(Array(text.utf8)) }
    }

    @Test func aBrokenOrStrayCalendarInABaselineIsNamedByFileAndLine() throws {
        let files = try PlanFilesTests.planFiles()
        var byPath = Dictionary(files.map { ($0.path, [UInt8]($0.contents)) }, uniquingKeysWith: { a, _ in a })
        byPath["itineraries/ZZ.ics"] = Array(ICalendar(name: "x", events: [], stamp: 0).text.utf8)
        var loaded = BaselineLoader.load(files: byPath, folder: "plan")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == ["plan/itineraries/ZZ.ics: warning: no itineraries.csv row has this calendar; ignored"])
        #expect(loaded.baseline?.calendars?["R1"]?.events.count == 7)
        // Someone an earlier re-plan took off: their CANCEL calendar is expected, not a warning.
        byPath["itineraries/ZZ.ics"] = Array(ICalendar(name: "x", events: [], stamp: 0, method: .cancel).text.utf8)
        #expect(BaselineLoader.load(files: byPath, folder: "plan").diagnostics.isEmpty)

        var broken = String(decoding: byPath["itineraries/R1.ics"]!, as: UTF8.self)
        broken = broken.replacingOccurrences(of: "DTEND:20270111T170000Z", with: "DTEND:tomorrow")
        byPath["itineraries/R1.ics"] = Array(broken.utf8)
        loaded = BaselineLoader.load(files: byPath, folder: "plan")
        #expect(loaded.baseline == nil)
        #expect(loaded.errors.map(\.description) == ["plan/itineraries/R1.ics:11: error: DTEND: expected a UTC date-time like 20270112T150000Z, got \"tomorrow\""])
    }

    @Test func noticesAreReadyForAMailMergeWithFormulaCellsNeutralised() {
        let csv = PlanFiles.notices([
            CalendarBook.Notice(
                attendee: "P1", name: "=HYPERLINK(\"http://evil\")", email: "p1@acme.example",
                what: ["Your flight in is now UA 1, Mon 11 Jan 09:00 from BOS.", "Opening moved to Tue 12 Jan 10:00, Salon 2."]),
            CalendarBook.Notice(attendee: "P2", name: "Bo", email: "", what: ["You are no longer on the plan for SKO."])
        ])
        #expect(
            csv == """
                attendee,name,email,what
                P1,"'=HYPERLINK(""http://evil"")",p1@acme.example,"Your flight in is now UA 1, Mon 11 Jan 09:00 from BOS. Opening moved to Tue 12 Jan 10:00, Salon 2."
                P2,Bo,,You are no longer on the plan for SKO.

                """)
    }

    @Test func theUIDDomainIsDerivedFromTheEventUnlessGiven() {
        var event = Event(
            name: "Acme — Sales Kickoff 2027!", startDate: CivilDate(year: 2027, month: 1, day: 12)!,
            source: SourceLine(file: "event.csv", line: 2))
        #expect(CalendarSettings.derivedDomain(event) == "acme-sales-kickoff-2027-20270112.kickoff.invalid")
        event.name = "ÉÉÉ"
        #expect(CalendarSettings.derivedDomain(event) == "event-20270112.kickoff.invalid")
        #expect(CalendarSettings.isDomain("sko.acme.example"))
        for bad in ["", ".acme", "acme.", "a..b", "a b", "a@b", "a/b"] { #expect(!CalendarSettings.isDomain(bad), "\(bad)") }
    }
}
