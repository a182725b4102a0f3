import Foundation
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import MIP
import Testing

@testable import GLPKBackend

/// `kickoff export-model`'s files: read back by GLPK's own readers, their optimum is the plan's.
@Suite struct ModelFileTests {
    func exported(_ fixture: Fixture, _ format: ModelFileFormat) throws -> (URL, Formulation) {
        let f = Formulation(try PlanningInstance(try fixture.scenario()))
        let url = Scratch.file("model", extension: format.rawValue)
        try ModelFileWriter.write(f.model, format: format, to: url)
        return (url, f)
    }

    @Test(arguments: ModelFileFormat.allCases)
    func theExportedOptimumIsThePlansObjective(_ format: ModelFileFormat) throws {
        let (url, f) = try exported(HandSolved.twoTravellers, format)
        defer { try? FileManager.default.removeItem(at: url) }
        // The hand-computed optimum, venue hire (the objective constant) included.
        #expect(f.model.objectiveConstant == 2000)
        #expect(ModelFileWriter.optimum(ofFile: url, format: format) == 3080)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("objective_constant"))
        #expect(!text.contains("["), "names are portable")
        // No temporary file is left beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(url.lastPathComponent)") })
    }

    @Test func theWeekendRuleHoldsInTheExportedModelToo() throws {
        let (url, _) = try exported(HandSolved.weekendRule, .mps)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(ModelFileWriter.optimum(ofFile: url, format: .mps) == 1550)
    }

    @Test func namesArePortableAndUnique() {
        let names = ModelFileWriter.portableNames(["x[OPEN,D1-0900,BALL]", "a b", "a_b", "a?b", "1x", ".r", "é", String(repeating: "n", count: 300)])
        #expect(names[0] == "x_OPEN_D1_0900_BALL_")
        #expect(names[1] == "a_b" && names[2] == "a_b_2" && names[3] == "a_b_3")
        #expect(names[4] == "n_1x" && names[5] == "n_.r" && names[6] == "_")
        #expect(names[7].utf8.count <= 255)
        #expect(Set(names).count == names.count)
    }

    @Test func anUnwritablePlaceIsAnError() throws {
        let f = Formulation(try PlanningInstance(try HandSolved.twoTravellers.scenario()))
        #expect(throws: ModelFileWriter.Failure.self) {
            try ModelFileWriter.write(f.model, format: .lp, to: URL(fileURLWithPath: "/nonexistent-folder/x.lp"))
        }
    }
}
