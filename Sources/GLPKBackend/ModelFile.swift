import CGLPK
import Foundation
import MIP

/// File formats GLPK writes that other solvers (HiGHS, CBC, CPLEX, Gurobi) read.
package enum ModelFileFormat: String, CaseIterable, Sendable {
    /// Free MPS. The sense is always minimisation, which every reader assumes.
    case mps
    /// CPLEX LP.
    case lp
}

/// Writes a `MIPModel` as a model file with GLPK's writers, for solving elsewhere.
///
/// - Names are made portable: characters other than letters, digits, `_` and `.` become `_`, a
///   name never starts with a digit or `.`, and a clash gets a `_2`, `_3`… suffix. The model's own
///   names stay in the solver's logs; only the file differs.
/// - The objective constant becomes a column `objective_constant` fixed at 1, because readers
///   disagree on the sign of an objective row's right-hand side in MPS.
/// - The file appears whole or not at all: it is written beside the destination and renamed.
package enum ModelFileWriter {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package static func write(_ model: MIPModel, format: ModelFileFormat, to url: URL) throws(Failure) {
        var model = model
        if model.objectiveConstant != 0 {
            model.addVariable("objective_constant", lower: 1, upper: 1, cost: model.objectiveConstant)
            model.objectiveConstant = 0
        }
        if let defect = model.defects().first { throw Failure(description: "invalid model: \(defect)") }
        let names = portableNames(model.variables.map(\.name) + model.constraints.map(\.name))
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let status: Int32 = {
            let problem = GLPKProblem()
            problem.load(model, names: names)
            let was = glp_term_out(GLP_OFF)  // GLPK returns the previous setting: restore it, not "on"
            defer { glp_term_out(was) }
            switch format {
            case .mps: return glp_write_mps(problem.handle, GLP_MPS_FILE, nil, temp.path)
            case .lp: return glp_write_lp(problem.handle, nil, temp.path)
            }
        }()
        guard status == 0 else {
            try? FileManager.default.removeItem(at: temp)
            throw Failure(description: "cannot write \(temp.path) (is the folder writable?)")
        }
        // rename(2) replaces the destination atomically within a file system.
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw Failure(description: "cannot write \(url.path): \(reason)")
        }
    }

    /// Names every reader accepts, unique, at most 255 bytes.
    static func portableNames(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            var s = String(
                name.unicodeScalars.map { c -> Character in
                    (c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "_" || c == ".")) ? Character(c) : "_"
                })
            if s.isEmpty || s.first!.isNumber || s.first == "." { s = "n_" + s }
            s = String(s.prefix(240))
            if let n = seen[s] {
                seen[s] = n + 1
                var candidate = "\(s)_\(n + 1)"
                while seen[candidate] != nil { seen[s]! += 1; candidate = "\(s)_\(seen[s]!)" }
                seen[candidate] = 1
                return candidate
            }
            seen[s] = 1
            return s
        }
    }

    /// Reads a model file back with GLPK's own readers and solves it to optimality (presolve on):
    /// the optimum, or nil when there is none. For checking an exported file, not for planning.
    package static func optimum(ofFile url: URL, format: ModelFileFormat) -> Double? {
        let problem = GLPKProblem()
        let was = glp_term_out(GLP_OFF)
        defer { glp_term_out(was) }
        let read = format == .mps ? glp_read_mps(problem.handle, GLP_MPS_FILE, nil, url.path) : glp_read_lp(problem.handle, nil, url.path)
        guard read == 0 else { return nil }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.presolve = GLP_ON
        parm.msg_lev = GLP_MSG_OFF
        guard glp_intopt(problem.handle, &parm) == 0, glp_mip_status(problem.handle) == GLP_OPT else { return nil }
        return glp_mip_obj_val(problem.handle)
    }
}
