import Foundation
import KickoffFuzz
import KickoffTestSupport
import Testing

/// A short, seeded slice of the fuzz run (`kickoff-fuzz` does a million; see SECURITY.md).
@Suite struct FuzzTests {
    static var corpus: URL { repositoryRoot.appendingPathComponent("Fuzz/corpus") }

    @Test("3,000 mutated scenarios: none crashes, and every rejection names a file and a line", arguments: [1, 2, 3] as [UInt64])
    func seededRun(seed: UInt64) throws {
        var fuzzer = ScenarioFuzzer(corpus: try ScenarioFuzzer.corpus(at: Self.corpus), seed: seed)
        for _ in 0..<1_000 {
            let input = fuzzer.mutate()
            if let finding = fuzzer.run(input) {
                Issue.record("\(finding.problem)\ninput: \(finding.input.mapValues { String(decoding: $0, as: UTF8.self) })")
                return
            }
        }
        let s = fuzzer.stats
        #expect(s.inputs == 1_000)
        // The mutations reach both sides: plenty rejected, and some still valid enough to load.
        #expect(s.rejected > 300)
        #expect(s.accepted > 20)
        #expect(s.slowestSeconds < 5)
    }

    @Test("the fuzzer is deterministic for a seed")
    func deterministic() throws {
        let corpus = try ScenarioFuzzer.corpus(at: Self.corpus)
        var a = ScenarioFuzzer(corpus: corpus, seed: 9), b = ScenarioFuzzer(corpus: corpus, seed: 9)
        for _ in 0..<50 { #expect(a.mutate() == b.mutate()) }
        #expect(corpus.count == 5)
    }

    /// Inputs the long run once crashed on, kept so they stay fixed.
    @Test("every past finding is now a located error")
    func regressions() throws {
        let found = try ScenarioFuzzer.corpus(at: repositoryRoot.appendingPathComponent("Fuzz/regressions"))
        #expect(!found.isEmpty)
        var fuzzer = ScenarioFuzzer(corpus: found, seed: 0)
        for input in found {
            #expect(fuzzer.run(input) == nil)
        }
        #expect(fuzzer.stats.rejected == found.count)
    }
}
