/// transfers.csv: the shuttle between a venue's airport and the venue (FORMATS, "Settled since").
public struct Transfer: Sendable, Equatable {
    public var venue: VenueID
    /// Riders a run holds at most.
    public var seats: Int
    public var costPerRun: Double
    /// Driving time one way.
    public var minutes: Int
    /// The longest anyone waits: at the airport after landing, or there before take-off.
    public var maxWaitMinutes: Int
    public var source: SourceLine

    public init(venue: VenueID, seats: Int, costPerRun: Double, minutes: Int, maxWaitMinutes: Int, source: SourceLine) {
        self.venue = venue; self.seats = seats; self.costPerRun = costPerRun; self.minutes = minutes
        self.maxWaitMinutes = maxWaitMinutes; self.source = source
    }
}
