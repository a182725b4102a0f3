import KickoffCore

/// CO2e of a flight leg by the UK government's method for business travel by air: the
/// great-circle distance between the two airports, uplifted by 8 % for indirect routes and
/// holding, times the conversion factor of the flight's haul.
///
/// Factors: UK Department for Energy Security and Net Zero (DESNZ), *Greenhouse gas reporting:
/// conversion factors 2025*, "Business travel – air", average passenger, **with radiative forcing**,
/// kg CO2e per passenger-km (Open Government Licence v3.0). Hauls as DESNZ defines them:
/// domestic (both ends in the UK), short-haul (to or from the UK, up to 3,700 km), long-haul (to or
/// from the UK, over 3,700 km), international (neither end in the UK). docs/CARBON.md states the
/// method, every factor and worked examples.
package enum FlightEmissions {
    /// The publication the factors come from.
    package static let source = "UK DESNZ greenhouse gas conversion factors 2025, business travel by air, average passenger, with radiative forcing; great-circle distance + 8 %"

    /// DESNZ's distance uplift for indirect routes and holding.
    package static let distanceUplift = 1.08
    /// The short-haul / long-haul boundary for flights to or from the UK, in kilometres.
    package static let shortHaulLimitKm = 3700.0

    /// DESNZ's haul categories with their 2025 factor (kg CO2e per passenger-km, with RF).
    package enum Haul: String, Sendable, CaseIterable {
        case domestic, shortHaul = "short-haul", longHaul = "long-haul", international

        package var kgPerPassengerKm: Double {
            switch self {
            case .domestic: return 0.22928  // Domestic, to/from UK
            case .shortHaul: return 0.12786  // Short-haul, to/from UK
            case .longHaul: return 0.15282  // Long-haul, to/from UK
            case .international: return 0.14253  // International, to/from non-UK
            }
        }
    }

    /// The haul of a flight between two airports `distanceKm` apart (great circle).
    package static func haul(_ a: Airport, _ b: Airport, distanceKm: Double) -> Haul {
        let uk = "United Kingdom"
        switch (a.country == uk, b.country == uk) {
        case (true, true): return .domestic
        case (false, false): return .international
        default: return distanceKm <= shortHaulLimitKm ? .shortHaul : .longHaul
        }
    }

    /// kg CO2e per passenger of a flight between two IATA codes; nil when either is not in the
    /// bundled airport table. A leg that goes nowhere emits nothing.
    package static func kgCO2e(from origin: String, to destination: String) -> Double? {
        guard let a = Airport.byCode[origin], let b = Airport.byCode[destination] else { return nil }
        let km = a.distance(to: b)
        return km * distanceUplift * haul(a, b, distanceKm: km).kgPerPassengerKm
    }

    /// Every leg's estimate, by index into `travel`, priced at `pricePerTonne`.
    package static func carbon(of travel: [TravelLeg], pricePerTonne: Double = 0) -> Carbon {
        var memo: [String: Double?] = [:]
        let kg = travel.map { leg -> Double? in
            let key = leg.origin + ">" + leg.destination
            if let known = memo[key] { return known }
            let v = kgCO2e(from: leg.origin, to: leg.destination)
            memo[key] = v
            return v
        }
        return Carbon(legKg: kg, pricePerTonne: pricePerTonne)
    }
}
