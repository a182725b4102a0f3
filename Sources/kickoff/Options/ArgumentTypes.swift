import ArgumentParser
import GLPKBackend
import KickoffCore

// Typed option values: parsed once by ArgumentParser (with its usage error on a bad value),
// never again with `!` in `run()`.

extension CivilDate: ExpressibleByArgument {
    /// `2027-01-11`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Timestamp: ExpressibleByArgument {
    /// `2027-01-04T09:00+00:00`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ModelFileFormat: ExpressibleByArgument {}

/// An option value that may list several, comma-separated (`--venues CHI,DEN`); the option may
/// also be repeated (`--venues CHI --venues DEN`). Each item is parsed on its own, so a bad one is
/// a usage error that names it.
enum CommaList {
    static func parse<T>(_ argument: String, as what: String, _ parse: (String) -> T?) throws -> [T] {
        try argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { item in
            guard let value = parse(item) else { throw ValidationError("\"\(item)\" is not \(what)") }
            return value
        }
    }

    /// Every occurrence's items, in order, each once.
    static func flatten<T: Hashable>(_ lists: [[T]]) -> [T] {
        var seen = Set<T>()
        return lists.joined().filter { seen.insert($0).inserted }
    }
}
