import Foundation
import KickoffFuzz

// kickoff-fuzz: the long fuzz run of the scenario reader and validator (a release-build tool, not a test).
//
//   swift run -c release kickoff-fuzz [--iterations N] [--seed S] [--corpus DIR] [--findings DIR]
//
// Mutates the corpus scenarios (Fuzz/corpus/*/), runs each input through ScenarioLoader, the
// validator, PlanningInstance and the pre-checks, and stops at the first finding (an error without
// a location, or a rejection without an error), which it writes as a scenario folder. A crash is
// the process dying, with the seed and iteration printed just before. Prints a table at the end.

var iterations = 1_000_000
var seed: UInt64 = 1
var corpusPath = "Fuzz/corpus"
var findingsPath = "Fuzz/findings"
// --dump-at I writes input I as a scenario folder and stops (to reproduce a crash at iteration I).
var dumpAt: Int?
// --trace prints each iteration's number before running it, so a crash names its input.
var trace = false
var args = CommandLine.arguments.dropFirst()
while let flag = args.popFirst() {
    if flag == "--trace" { trace = true; continue }
    guard let value = args.popFirst() else { fatalError("\(flag) needs a value") }
    switch flag {
    case "--iterations": iterations = Int(value)!
    case "--seed": seed = UInt64(value)!
    case "--corpus": corpusPath = value
    case "--findings": findingsPath = value
    case "--dump-at": dumpAt = Int(value)!
    default: fatalError("unknown flag \(flag)")
    }
}

let corpus = try ScenarioFuzzer.corpus(at: URL(fileURLWithPath: corpusPath))
var fuzzer = ScenarioFuzzer(corpus: corpus, seed: seed)
let started = Date()
var lastReport = started
for i in 0..<iterations {
    let input = fuzzer.mutate()
    func save() throws -> URL {
        let dir = URL(fileURLWithPath: findingsPath).appendingPathComponent("seed\(seed)-\(i)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in input { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }
    if i == dumpAt {
        print("input \(i) written to \(try save().path)")
        exit(0)
    }
    if trace { FileHandle.standardError.write(Data("\(i)\n".utf8)) }
    if let finding = fuzzer.run(input) {
        print("finding at iteration \(i) (seed \(seed)): \(finding.problem)\ninput written to \(try save().path)")
        exit(1)
    }
    if Date().timeIntervalSince(lastReport) > 30 {
        lastReport = Date()
        FileHandle.standardError.write(Data("\(i + 1) inputs, \(Int(Date().timeIntervalSince(started))) s\n".utf8))
    }
}
let s = fuzzer.stats
let seconds = Date().timeIntervalSince(started)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("| inputs | accepted | rejected | errors reported | slowest input | inputs/s | total | peak RSS | findings |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(
    String(
        format: "| %d | %d | %d | %d | %.1f ms | %.0f | %.0f s | %d MiB | 0 |", s.inputs, s.accepted, s.rejected, s.errors,
        s.slowestSeconds * 1000, Double(s.inputs) / seconds, seconds, usage.ru_maxrss / 1024))
