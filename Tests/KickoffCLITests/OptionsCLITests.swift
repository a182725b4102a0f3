import Foundation
import KickoffTestSupport
import Testing

/// Typed option values: a bad date, timestamp or format is a usage error (64) naming the option,
/// before anything is read.
@Suite("Typed options of the built binary")
struct OptionsCLITests {
    let sample = repositoryRoot.appendingPathComponent("data/sample").path

    @Test("a date, a timestamp and a model format that do not parse are usage errors")
    func badValues() throws {
        let date = try Run("solve", sample, "--start-date", "2027-13-01")
        #expect(date.status == 64)
        #expect(date.stderr.contains("The value '2027-13-01' is invalid for '--start-date <date>'"))
        let now = try Run("compare", sample, "--now", "yesterday")
        #expect(now.status == 64)
        #expect(now.stderr.contains("The value 'yesterday' is invalid for '--now <timestamp>'"))
        let help = try Run("export-model", "--help")
        #expect(help.stdout.contains("(values: mps, lp; default: mps)"))
    }
}
