import Foundation
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffPlanner

/// A seeded mutation fuzzer for the scenario reader and validator.
///
/// Each input is a corpus scenario (every file's bytes) with a few mutations stacked: byte flips,
/// inserted CSV metacharacters and odd UTF-8, deleted or duplicated spans and lines, lines moved
/// between files, fields swapped for hostile values (huge numbers, impossible dates, `../` ids,
/// formulas), truncation, removed files. Every input must either load, or be rejected with errors
/// that each name a file and — unless the whole file is at fault — a line. A scenario that loads
/// also goes through `PlanningInstance` and the pre-checks for every venue. A crash is a crash
/// of this process; the caller sees it.
package struct ScenarioFuzzer {
    package struct Finding: Error, CustomStringConvertible {
        package let input: [String: [UInt8]]
        package let problem: String
        package var description: String { problem }
    }

    package struct Stats: Sendable {
        package var inputs = 0
        package var accepted = 0
        package var rejected = 0
        package var errors = 0
        package var slowestSeconds = 0.0
        package var totalBytes = 0
    }

    let corpus: [[String: [UInt8]]]
    var state: UInt64
    package private(set) var stats = Stats()

    package init(corpus: [[String: [UInt8]]], seed: UInt64) {
        precondition(!corpus.isEmpty)
        self.corpus = corpus
        self.state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// Loads a corpus folder: one sub-folder per seed scenario, holding its CSV files.
    package static func corpus(at url: URL) throws -> [[String: [UInt8]]] {
        let fm = FileManager.default
        return try fm.contentsOfDirectory(atPath: url.path).sorted().compactMap { name in
            let dir = url.appendingPathComponent(name)
            var files: [String: [UInt8]] = [:]
            for f in try fm.contentsOfDirectory(atPath: dir.path) where f.hasSuffix(".csv") {
                files[f] = [UInt8](try Data(contentsOf: dir.appendingPathComponent(f)))
            }
            return files.isEmpty ? nil : files
        }
    }

    // MARK: randomness (SplitMix64)

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    static let tokens: [[UInt8]] =
        [
            ",", "\"", "\"\"", "\n", "\r", "\r\n", "\u{FEFF}", ";", "|", ":", "%", "-", ".", " ", "\t", "=", "@",
            "é", "€", "𝄞", "\u{0}", "\u{202E}"
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    static let values: [String] = [
        "", " ", "0", "-1", "-0", "1e308", "nan", "inf", "99999999999999999999", "2147483648", "0.0000001",
        "2027-02-30", "2027-13-01", "0000-01-01", "9999-12-31", "2027-01-16", "24:00", "23:59", "-01:00", "9:5",
        "2027-01-12T25:00-06:00", "2027-01-12T09:00+14:00", "2027-01-12T09:00-99:99", "2027-01-12T09:00",
        "../../x", "/etc/passwd", "=1+1", "all", "none", "id:", "team:", "role:rep|role:", "id:M1|id:M1",
        "D1-0900", "D9-0900", "D1-0900;D1-0900", "per_team", "PER_TEAM", "once", "keynote", "KEYNOTE", "other",
        "ORD", "XXX", "America/Chicago", "Mars/Olympus", "stage;av", "1;2;3", "0;0", "125%", "100", "%", "1" + String(repeating: "0", count: 400)
    ]

    // MARK: mutation

    package mutating func mutate() -> [String: [UInt8]] {
        var files = pick(corpus)
        let steps = 1 + below(4)
        for _ in 0..<steps {
            let names = files.keys.sorted()
            guard let name = names.isEmpty ? nil : pick(names) else { break }
            var b = files[name]!
            switch below(11) {
            case 0:  // flip a byte
                if !b.isEmpty { b[below(b.count)] ^= UInt8(1 << below(8)) }
            case 1, 2:  // insert a metacharacter or odd UTF-8
                b.insert(contentsOf: pick(Self.tokens), at: below(b.count + 1))
            case 3:  // delete a span
                if !b.isEmpty {
                    let start = below(b.count)
                    b.removeSubrange(start..<min(b.count, start + 1 + below(40)))
                }
            case 4:  // duplicate a line
                var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
                if !lines.isEmpty { lines.insert(pick(lines), at: below(lines.count + 1)) }
                b = Array(lines.joined(separator: [0x0A]))
            case 5:  // move a line from another file
                if let other = files[pick(names)] {
                    let lines = other.split(separator: 0x0A)
                    if !lines.isEmpty {
                        var mine = b.split(separator: 0x0A, omittingEmptySubsequences: false)
                        mine.insert(pick(lines), at: below(mine.count + 1))
                        b = Array(mine.joined(separator: [0x0A]))
                    }
                }
            case 6, 7, 8:  // replace a field with a hostile value
                var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
                if !lines.isEmpty {
                    let l = below(lines.count)
                    var fields = lines[l].split(separator: 0x2C, omittingEmptySubsequences: false).map { Array($0) }
                    if !fields.isEmpty { fields[below(fields.count)] = Array(pick(Self.values).utf8) }
                    lines[l] = Array(fields.joined(separator: [0x2C]))
                }
                b = Array(lines.joined(separator: [0x0A]))
            case 9:  // truncate
                b = Array(b.prefix(below(b.count + 1)))
            default:  // drop the file, or repeat a row many times
                if below(3) == 0 {
                    files[name] = nil
                    continue
                }
                let lines = b.split(separator: 0x0A)
                if lines.count > 1 {
                    let row = Array(lines[1 + below(lines.count - 1)])
                    for _ in 0..<(1 + below(200)) { b += [0x0A] + row }
                }
            }
            files[name] = b
        }
        return files
    }

    /// Runs one input through the reader, validator, instance and pre-checks.
    package mutating func run(_ files: [String: [UInt8]]) -> Finding? {
        let started = Date()
        defer {
            stats.inputs += 1
            stats.slowestSeconds = max(stats.slowestSeconds, Date().timeIntervalSince(started))
            stats.totalBytes += files.values.reduce(0) { $0 + $1.count }
        }
        let r = ScenarioLoader.load(files: files)
        guard let scenario = r.scenario else {
            stats.rejected += 1
            stats.errors += r.errors.count
            if r.errors.isEmpty { return Finding(input: files, problem: "rejected without an error") }
            for e in r.errors {
                guard let file = e.file, !file.isEmpty else { return Finding(input: files, problem: "an error without a file: \(e)") }
                if e.line == nil, !e.code.isAboutWholeFile {
                    return Finding(input: files, problem: "an error without a line: \(e)")
                }
            }
            return nil
        }
        stats.accepted += 1
        for v in scenario.venues {
            guard let instance = try? PlanningInstance(scenario, venue: v.id) else { continue }
            _ = Prechecks.run(instance)
        }
        return nil
    }
}
