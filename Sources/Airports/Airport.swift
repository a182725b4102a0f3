import Foundation
import KickoffIO

/// A real airport from the bundled OpenFlights subset (`data/airports.csv`, ODbL).
package struct Airport: Sendable, Hashable {
    package let iata: String
    package let name: String
    package let city: String
    package let country: String
    package let latitude: Double
    package let longitude: Double
    package let timezone: String
    /// Number of routes touching it in OpenFlights: a proxy for how busy it is.
    package let routes: Int

    /// Every bundled airport, sorted by IATA code.
    package static let all: [Airport] = {
        let table = try! CSVTable(file: "airports.csv", bytes: Array(tableCSV.utf8))
        return table.records.map { r in
            let f = r.fields.map(\.text)
            return Airport(
                iata: f[0], name: f[1], city: f[2], country: f[3], latitude: Double(f[4])!,
                longitude: Double(f[5])!, timezone: f[6], routes: Int(f[7])!)
        }
    }()

    package static let byCode: [String: Airport] = Dictionary(uniqueKeysWithValues: all.map { ($0.iata, $0) })

    /// Great-circle distance in kilometres.
    package func distance(to other: Airport) -> Double {
        let r = 6371.0
        let (la1, la2) = (latitude * .pi / 180, other.latitude * .pi / 180)
        let dla = la2 - la1, dlo = (other.longitude - longitude) * .pi / 180
        let h = sin(dla / 2) * sin(dla / 2) + cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }
}
