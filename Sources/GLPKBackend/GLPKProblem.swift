import CGLPK
import Foundation
import MIP

/// Facts about the linked GLPK library.
package enum GLPK {
    /// The version of the GLPK library linked at run time, e.g. "5.0".
    package static var version: String { String(cString: glp_version()) }
}

/// An owned GLPK problem object: created and deleted on the thread that uses it.
///
/// GLPK aborts the whole process on an invalid call, so every method here takes values that
/// `MIPModel.defects()` and the solver have already checked; 1-based indexing lives only here.
///
/// GLPK's environment is thread-local, so a problem must be used and deleted on the thread that
/// made it; debug builds check that on every use of `handle` (as GRDB checks its connections).
final class GLPKProblem {
    private let problem: OpaquePointer
    #if DEBUG
        private let owner = pthread_self()
    #endif

    init() { problem = glp_create_prob() }

    deinit {
        checkThread()
        glp_delete_prob(problem)
    }

    /// The C problem object, for this thread only.
    var handle: OpaquePointer {
        checkThread()
        return problem
    }

    @inline(__always) private func checkThread() {
        #if DEBUG
            precondition(
                pthread_equal(owner, pthread_self()) != 0,
                "a GLPK problem was used on a thread other than the one that made it (GLPK's environment is thread-local)")
        #endif
    }

    /// GLPK limits names to 255 bytes; longer ones are cut at a character boundary.
    static func clip(_ name: String) -> String {
        guard name.utf8.count > 255 else { return name }
        var out = ""
        for ch in name {
            if out.utf8.count + String(ch).utf8.count > 255 { break }
            out.append(ch)
        }
        return out
    }

    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    /// Loads a checked `MIPModel`, with `names` (one per column, then one per row) in place of
    /// the model's own when given. Unnamed (`named: false`), rows and columns get no names: a
    /// solve needs none, and a row's name is made from its tag only when asked for.
    func load(_ model: MIPModel, names: [String]? = nil, named: Bool = true) {
        let n = model.variables.count
        load(
            model.variables.enumerated().map { (k, v) in
                let b = model.effectiveBounds(k)  // GLPK rejects fractional bounds on an integer column
                return (named ? names?[k] ?? v.name : "", b.lower, b.upper, v.kind != .continuous, v.cost)
            },
            model.constraints.enumerated().map { (k, c) in
                // GLPK aborts on a repeated column within a row: merge them, and drop zeros.
                var merged: [Int: Double] = [:]
                for t in c.terms { merged[t.variable.index, default: 0] += t.coefficient }
                let terms = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                return (named ? names?[n + k] ?? c.name : "", c.lower, c.upper, terms)
            },
            constant: model.objectiveConstant)
    }

    /// Loads a checked model: columns, rows, objective and the constraint matrix.
    func load(
        _ columns: [(name: String, lower: Double, upper: Double, integer: Bool, cost: Double)],
        _ rows: [(name: String, lower: Double, upper: Double, terms: [(Int, Double)])],
        constant: Double
    ) {
        glp_set_obj_dir(handle, GLP_MIN)
        glp_set_obj_coef(handle, 0, constant)
        if !columns.isEmpty { glp_add_cols(handle, Int32(columns.count)) }
        for (k, c) in columns.enumerated() {
            let j = Int32(k + 1)
            if !c.name.isEmpty { glp_set_col_name(handle, j, GLPKProblem.clip(c.name)) }
            glp_set_col_kind(handle, j, c.integer ? GLP_IV : GLP_CV)
            let (type, lo, hi) = GLPKProblem.boundType(c.lower, c.upper)
            glp_set_col_bnds(handle, j, type, lo, hi)
            glp_set_obj_coef(handle, j, c.cost)
        }
        if !rows.isEmpty { glp_add_rows(handle, Int32(rows.count)) }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]  // index 0 is unused by GLPK
        for (k, r) in rows.enumerated() {
            let i = Int32(k + 1)
            if !r.name.isEmpty { glp_set_row_name(handle, i, GLPKProblem.clip(r.name)) }
            let (type, lo, hi) = GLPKProblem.boundType(r.lower, r.upper)
            glp_set_row_bnds(handle, i, type, lo, hi)
            for (col, value) in r.terms {
                ia.append(i)
                ja.append(Int32(col + 1))
                ar.append(value)
            }
        }
        if ia.count > 1 { glp_load_matrix(handle, Int32(ia.count - 1), ia, ja, ar) }
    }
}
