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
