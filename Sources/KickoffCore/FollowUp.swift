/// followups.csv: a virtual session after the event — the compensation call, reinforcement
/// sessions — placed on a weekday in its window at the time that suits most of its audience
/// (`FollowUpPlacement` in KickoffPlan).
public struct FollowUp: Sendable, Equatable {
    /// The kind of the compensation call; when comp_plan_date is set and no follow-up has this
    /// kind, `Scenario.effectiveFollowUps` adds one for everyone.
    public static let compCall = "comp_call"

    public var id: String
    public var title: String
    /// Free text, lower-cased (`comp_call`, `reinforcement`, …); `other` when empty.
    public var kind = "other"
    public var audience: AudienceRule
    public var minutes = 60
    /// The window, in days after the event's last agenda day (both ends included).
    public var earliestDaysAfter: Int
    public var latestDaysAfter: Int
    public var source: SourceLine

    public init(
        id: String, title: String, kind: String = "other", audience: AudienceRule, minutes: Int = 60,
        earliestDaysAfter: Int, latestDaysAfter: Int, source: SourceLine
    ) {
        self.id = id; self.title = title; self.kind = kind; self.audience = audience; self.minutes = minutes
        self.earliestDaysAfter = earliestDaysAfter; self.latestDaysAfter = latestDaysAfter; self.source = source
    }

    /// The weekdays of the window as dates, for an event whose last agenda day is `last`.
    public func windowDates(after last: CivilDate) -> [CivilDate] {
        guard earliestDaysAfter <= latestDaysAfter else { return [] }
        return (earliestDaysAfter...latestDaysAfter).map { last.adding(days: $0) }.filter { !$0.weekday.isWeekend }
    }
}

extension Scenario {
    /// followups.csv's rows, plus the compensation call for everyone 8–14 days after the last
    /// agenda day (the window agenda health proposes) when comp_plan_date is set and no row has
    /// kind `comp_call`.
    public var effectiveFollowUps: [FollowUp] {
        guard event.compPlanDate != nil, !followUps.contains(where: { $0.kind == FollowUp.compCall }) else { return followUps }
        let taken = Set(followUps.map(\.id))
        var id = "COMP-CALL", n = 2
        while taken.contains(id) { id = "COMP-CALL-\(n)"; n += 1 }
        return followUps + [
            FollowUp(
                id: id, title: "Compensation plan call", kind: FollowUp.compCall, audience: .all, minutes: 60,
                earliestDaysAfter: 8, latestDaysAfter: 14, source: event.source)
        ]
    }
}
