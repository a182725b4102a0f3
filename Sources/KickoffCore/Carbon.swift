/// The carbon side of a plan: each travel leg's estimated kg CO2e and the organiser's internal
/// carbon price, which turns those kilograms into a cost the planner minimises with the rest.
///
/// The estimates come from outside the core (the bundled airport table and a published method,
/// `FlightEmissions` in the Airports module); here they are just numbers per leg.
public struct Carbon: Sendable, Equatable {
    /// kg CO2e per passenger of each leg of `Scenario.travel`, by index; nil where no estimate
    /// exists (an airport without coordinates).
    public let legKg: [Double?]
    /// The internal carbon price in the event's currency per tonne CO2e; 0 leaves every cost as it was.
    public let pricePerTonne: Double

    public init(legKg: [Double?], pricePerTonne: Double = 0) {
        self.legKg = legKg
        self.pricePerTonne = pricePerTonne
    }

    /// No estimates and no price.
    public static let none = Carbon(legKg: [])

    /// kg CO2e of leg `l`, nil when unknown.
    public func kg(_ l: Int) -> Double? { legKg.indices.contains(l) ? legKg[l] : nil }

    /// What leg `l` costs at the carbon price (0 without a price or an estimate).
    public func cost(_ l: Int) -> Double {
        guard pricePerTonne > 0, let kg = kg(l) else { return 0 }
        return pricePerTonne * kg / 1000
    }

    /// Whether the carbon price is part of the objective and of `total`.
    public var isPriced: Bool { pricePerTonne > 0 }
}
