import Foundation
import KickoffTestSupport
import Testing

/// The issue's "must show": data/sample is planned and published, then a leg is cancelled, a
/// room is withdrawn, an attendee gives up an elective and another leaves; the re-plan's
/// calendars are read back by Python's `icalendar` and compared with the published ones.
@Suite("Calendars across a re-plan of data/sample, read by a real iCalendar parser")
struct CalendarReplanTests {
    static let published = "2027-01-04T09:00+00:00"
    static let replanned = "2027-01-06T09:00+00:00"

    struct Replan {
        var parent: URL, scenario: URL, plan: URL, replan: URL
        var before: [String: RealICalendar.Calendar], after: [String: RealICalendar.Calendar]
        var cancelledLeg: String, roomSessions: [String], elective: (attendee: String, session: String)
        var leaver: (id: String, email: String)
        var stdout: String, stderr: String
    }

    static func replan() throws -> Replan {
        let parent = try temporaryFolder()
        let scenario = parent.appendingPathComponent("sko"), plan = parent.appendingPathComponent("plan")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("data/sample"), to: scenario)
        let first = try Run("solve", scenario.path, "--out", plan.path, "--quiet", "--now", published)
        try #require(first.status == 0, "\(first.stderr)")

        // What changes: the first traveller's inbound leg is cancelled; Salon 1 is withdrawn;
        // the first sign-up is dropped; the last attendee who manages, presents and signs up
        // for nothing leaves.
        let itineraries = try csvRecords(plan.appendingPathComponent("itineraries.csv"))
        let leg = try #require(itineraries.first { $0["inbound"] != "local" }?["inbound"])
        let schedule = try csvRecords(plan.appendingPathComponent("schedule.csv"))
        let roomSessions = schedule.filter { $0["room"] == "SALON1" }.compactMap { $0["session"] }
        try #require(!roomSessions.isEmpty)
        let enrollments = try csvRecords(scenario.appendingPathComponent("enrollments.csv"))
        let elective = (attendee: enrollments[0]["attendee"]!, session: enrollments[0]["session"]!)
        let attendees = try csvRecords(scenario.appendingPathComponent("attendees.csv"))
        let sessions = try csvRecords(scenario.appendingPathComponent("sessions.csv"))
        let busy = Set(
            attendees.compactMap { $0["manager_id"] } + enrollments.compactMap { $0["attendee"] }
                + sessions.flatMap { ($0["presenters"] ?? "").split(separator: ";").map(String.init) })
        let leaver = try #require(attendees.last { !busy.contains($0["id"]!) && $0["email"]?.isEmpty == false })

        try edit(scenario.appendingPathComponent("travel.csv")) { !$0.hasPrefix("\(leg),") }
        try edit(scenario.appendingPathComponent("rooms.csv")) { !$0.hasPrefix("CHI,SALON1,") }
        try edit(scenario.appendingPathComponent("enrollments.csv")) { $0 != "\(elective.attendee),\(elective.session)" }
        try edit(scenario.appendingPathComponent("attendees.csv")) { !$0.hasPrefix("\(leaver["id"]!),") }

        let r = try Run("solve", scenario.path, "--baseline", plan.path, "--quiet", "--now", replanned)
        try #require(r.status == 0, "\(r.stderr)")
        let replan = parent.appendingPathComponent("plan-replan")
        return Replan(
            parent: parent, scenario: scenario, plan: plan, replan: replan,
            before: try RealICalendar.parse(plan.appendingPathComponent("itineraries")),
            after: try RealICalendar.parse(replan.appendingPathComponent("itineraries")),
            cancelledLeg: leg, roomSessions: roomSessions, elective: elective,
            leaver: (leaver["id"]!, leaver["email"]!), stdout: r.stdout, stderr: r.stderr)
    }

    /// Keeps the header and the lines `keep` accepts.
    static func edit(_ url: URL, keep: (String) -> Bool) throws {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let kept = [lines[0]] + lines.dropFirst().filter { $0.isEmpty || keep($0) }
        #expect(kept.count < lines.count, "\(url.lastPathComponent): nothing removed")
        try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// One attendee's event whose description starts with `prefix`.
    static func event(_ cal: RealICalendar.Calendar?, _ prefix: String) -> RealICalendar.Event? {
        cal?.events.first { $0.description.hasPrefix(prefix) }
    }

    @Test("changed events keep their UIDs with SEQUENCE one higher; a left session is cancelled; a leaver's calendar cancels all; notices name exactly the affected")
    func replanUpdatesEveryCalendar() throws {
        let r = try Self.replan()

        // 1. The cancelled leg: everyone booked on it has the same inbound UID, rebooked, SEQUENCE 1.
        let booked = try csvRecords(r.plan.appendingPathComponent("itineraries.csv")).filter { $0["inbound"] == r.cancelledLeg }.map { $0["attendee"]! }
        #expect(!booked.isEmpty)
        for id in booked {
            let old = try #require(r.before["\(id).ics"]?.events.first { $0.uid.hasPrefix("\(id).inbound@") })
            let new = try #require(r.after["\(id).ics"]?.event(old.uid), "\(id): inbound UID \(old.uid) gone")
            #expect(old.description.contains("Booking \(r.cancelledLeg)."))
            #expect(!new.description.contains("Booking \(r.cancelledLeg)."))
            #expect(new.sequence == old.sequence + 1 && new.status == "CONFIRMED", "\(id)")
        }

        // 2. The withdrawn room: each of its sessions, for each attendee, is the same UID elsewhere, SEQUENCE 1.
        var roomEvents = 0
        for (file, cal) in r.before {
            for s in r.roomSessions {
                guard let old = Self.event(cal, "Session \(s) ("), old.status == "CONFIRMED", let after = r.after[file] else { continue }
                let new = try #require(after.event(old.uid), "\(file): \(old.uid) gone")
                #expect(old.location.hasPrefix("Salon 1,") && !new.location.hasPrefix("Salon 1,"), "\(file) \(s): \(new.location)")
                #expect(new.sequence == old.sequence + 1)
                roomEvents += 1
            }
        }
        #expect(roomEvents > 0)

        // 3. The elective given up: written as cancelled, at its old time, SEQUENCE one higher.
        let e = r.elective
        let left = try #require(Self.event(r.after["\(e.attendee).ics"], "Session \(e.session) ("))
        let was = try #require(r.before["\(e.attendee).ics"]?.event(left.uid))
        #expect(left.status == "CANCELLED" && was.status == "CONFIRMED")
        #expect(left.sequence == was.sequence + 1 && left.start == was.start)

        // 4. The leaver: METHOD:CANCEL, every published event cancelled with a higher SEQUENCE, addressed to them.
        let gone = try #require(r.after["\(r.leaver.id).ics"])
        let had = try #require(r.before["\(r.leaver.id).ics"])
        #expect(gone.method == "CANCEL")
        #expect(gone.for == "mailto:\(r.leaver.email)")
        #expect(gone.events.map(\.uid) == had.events.map(\.uid))
        for (g, h) in zip(gone.events, had.events) {
            #expect(g.status == "CANCELLED" && g.sequence == h.sequence + 1 && g.start == h.start)
            #expect(g.attendees == ["mailto:\(r.leaver.email)"])
        }

        // 5. Oracle over every calendar: an event that shows the same keeps its SEQUENCE, a
        //    changed one is one higher, none disappears; the attendees whose calendar shows
        //    anything different are exactly notices.csv's rows.
        var affected = Set<String>()
        for (file, old) in r.before {
            let id = String(file.dropLast(4))
            let new = try #require(r.after[file], "\(file) not written")
            #expect(new.events.count >= old.events.count)
            for o in old.events {
                let n = try #require(new.event(o.uid), "\(file): \(o.uid) gone")
                #expect(n.sequence == o.sequence + (n.showsSame(as: o) ? 0 : 1), "\(file): \(o.uid)")
                if !n.showsSame(as: o) { affected.insert(id) }
            }
            if new.events.count > old.events.count { affected.insert(id) }
        }
        #expect(r.after.count == r.before.count)
        let notices = try csvRecords(r.replan.appendingPathComponent("notices.csv"))
        #expect(try String(contentsOf: r.replan.appendingPathComponent("notices.csv"), encoding: .utf8).hasPrefix("attendee,name,email,what\n"))
        #expect(Set(notices.map { $0["attendee"]! }) == affected)
        #expect(notices.count == affected.count)
        #expect(affected.count < r.before.count / 2, "most of the 250 should be untouched, not \(affected.count)")
        let byID = Dictionary(uniqueKeysWithValues: notices.map { ($0["attendee"]!, $0) })
        #expect(byID[booked[0]]?["what"]?.contains("Your flight in is now ") == true, "\(byID[booked[0]] ?? [:])")
        #expect(byID[e.attendee]?["what"]?.contains("is cancelled for you.") == true)
        #expect(byID[r.leaver.id]?["email"] == r.leaver.email)
        #expect(byID[r.leaver.id]?["what"]?.hasPrefix("You are no longer on the plan for Acme Sales Kickoff 2027") == true)

        // 6. Every UID keeps the domain derived from the event.
        let domains = Set(r.after.values.flatMap(\.events).map { String($0.uid.split(separator: "@").last!) })
        #expect(domains == ["acme-sales-kickoff-2027-20270112.kickoff.invalid"])

        // 7. summary.json and stdout count the same.
        let summary = try jsonObject(r.replan.appendingPathComponent("summary.json"))
        let c = try #require(summary["calendars"] as? [String: Any])
        #expect(c["attendees_notified"] as? Int == notices.count)
        #expect(c["calendars_cancelled"] as? Int == 1)
        #expect(r.stdout.contains("notices.csv: \(notices.count) attendees to tell"), "\(r.stdout)")
    }

    @Test("a second re-plan with nothing changed: no notices, no SEQUENCE moves, the leaver's CANCEL file is not a warning")
    func replanOfAReplanIsQuiet() throws {
        let r = try Self.replan()
        let again = r.parent.appendingPathComponent("again")
        let run = try Run("solve", r.scenario.path, "--baseline", r.replan.path, "--out", again.path, "--quiet", "--now", "2027-01-07T09:00+00:00")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("warning"), "\(run.stderr)")
        #expect(try String(contentsOf: again.appendingPathComponent("notices.csv"), encoding: .utf8) == "attendee,name,email,what\n")
        let third = try RealICalendar.parse(again.appendingPathComponent("itineraries"))
        var expected = r.after
        expected["\(r.leaver.id).ics"] = nil  // told once; not written again
        #expect(third == expected)
    }

    @Test("--uid-domain and --organizer are checked, then written into every event")
    func calendarFlags() throws {
        let dir = try Fixture.plannable.write()
        let bad = try Run("solve", dir.path, "--uid-domain", "not a domain")
        #expect(bad.status == 64 && bad.stderr.contains("--uid-domain must be a domain name"), "\(bad.stderr)")
        let badMail = try Run("solve", dir.path, "--organizer", "events at acme")
        #expect(badMail.status == 64 && badMail.stderr.contains("--organizer must be an email address"), "\(badMail.stderr)")
        let out = dir.appendingPathComponent("plan")
        let ok = try Run("solve", dir.path, "--out", out.path, "--quiet", "--uid-domain", "sko.acme.example", "--organizer", "events@acme.example")
        #expect(ok.status == 0, "\(ok.stderr)")
        let cals = try RealICalendar.parse(out.appendingPathComponent("itineraries"))
        #expect(cals.count == 4)
        for (file, cal) in cals {
            #expect(cal.method == "PUBLISH")
            for e in cal.events {
                #expect(e.uid.hasSuffix("@sko.acme.example"), "\(file): \(e.uid)")
                #expect(e.organizer == "mailto:events@acme.example")
                #expect(e.attendees.isEmpty, "a PUBLISH names no ATTENDEE")
            }
        }
    }
}
