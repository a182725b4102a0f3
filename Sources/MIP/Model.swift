/// A solver-neutral mixed-integer linear program: variables with bounds and kinds, named linear
/// constraints, a linear objective to minimise.
///
/// ```
/// var m = MIPModel()
/// let x = m.addVariable("x", lower: 0, upper: 4, kind: .integer, cost: -1)
/// let y = m.addVariable("y", kind: .binary, cost: -2)
/// m.addConstraint("budget", [(x, 1), (y, 3)], upper: 5)
/// let result = GLPKSolver().solve(m, options: SolveOptions())
/// ```
/// The model knows nothing of any solver; backends (`protocol MIPSolver`) translate it.

/// A column of the model, by position (0-based).
package struct Variable: Hashable, Sendable, Comparable {
    package let index: Int

    package init(_ index: Int) { self.index = index }
    package static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

package enum VariableKind: Sendable, Hashable {
    case continuous, integer, binary
}

package struct VariableInfo: Sendable {
    package var name: String
    /// `-infinity` for none.
    package var lower: Double
    /// `+infinity` for none.
    package var upper: Double
    package var kind: VariableKind
    /// Objective coefficient.
    package var cost: Double
}

/// What a row means to the code that built the model — which requirement, of which session, room,
/// team or leg — so results can be read back in those terms (an explanation of infeasibility, a
/// diagnosis) without parsing names. Solvers never look at it; its description is the row's name,
/// rendered only when a name is asked for (a solver's log, a model file).
package protocol ConstraintTag: Sendable, CustomStringConvertible {}

/// `lower ≤ Σ coefficient·variable ≤ upper`; either side may be infinite, both equal for `=`.
package struct Constraint: Sendable {
    /// The row's meaning, when the caller gave one instead of a name.
    package var tag: (any ConstraintTag)?
    var fixedName: String?
    package var terms: [(variable: Variable, coefficient: Double)]
    package var lower: Double
    package var upper: Double

    /// The name given, else the tag's description (made on each call: names are lazy).
    package var name: String { fixedName ?? tag?.description ?? "" }

    /// The same row (name or tag, bounds) over other terms, for a model derived from this one.
    package func with(terms: [(Variable, Double)], lower: Double? = nil, upper: Double? = nil) -> Constraint {
        Constraint(
            tag: tag, fixedName: fixedName, terms: terms.map { (variable: $0.0, coefficient: $0.1) },
            lower: lower ?? self.lower, upper: upper ?? self.upper)
    }
}

package struct MIPModel: Sendable {
    package private(set) var variables: [VariableInfo] = []
    package private(set) var constraints: [Constraint] = []
    /// Constant added to the objective (GLPK's "shift").
    package var objectiveConstant: Double = 0

    package init() {}

    @discardableResult
    package mutating func addVariable(
        _ name: String, lower: Double = 0, upper: Double = .infinity,
        kind: VariableKind = .continuous, cost: Double = 0
    ) -> Variable {
        let (lo, hi) = kind == .binary ? (max(lower, 0), min(upper, 1)) : (lower, upper)
        variables.append(VariableInfo(name: name, lower: lo, upper: hi, kind: kind, cost: cost))
        return Variable(variables.count - 1)
    }

    package mutating func setCost(_ v: Variable, _ cost: Double) { variables[v.index].cost = cost }

    /// Adds `lower ≤ Σ terms ≤ upper` (defaults: unbounded on that side).
    package mutating func addConstraint(
        _ name: String, _ terms: [(Variable, Double)],
        lower: Double = -.infinity, upper: Double = .infinity
    ) {
        constraints.append(
            Constraint(
                tag: nil, fixedName: name, terms: terms.map { (variable: $0.0, coefficient: $0.1) },
                lower: lower, upper: upper))
    }

    /// Adds `lower ≤ Σ terms ≤ upper`, tagged with what it means; its name is the tag's description.
    package mutating func addConstraint(
        _ tag: any ConstraintTag, _ terms: [(Variable, Double)],
        lower: Double = -.infinity, upper: Double = .infinity
    ) {
        constraints.append(
            Constraint(
                tag: tag, fixedName: nil, terms: terms.map { (variable: $0.0, coefficient: $0.1) },
                lower: lower, upper: upper))
    }

    /// Adds a row made from another model's (`Constraint.with`).
    package mutating func addConstraint(_ c: Constraint) { constraints.append(c) }

    /// Adds `Σ terms = value`.
    package mutating func addEquality(_ name: String, _ terms: [(Variable, Double)], _ value: Double) {
        addConstraint(name, terms, lower: value, upper: value)
    }

    /// Adds `Σ terms = value`, tagged.
    package mutating func addEquality(_ tag: any ConstraintTag, _ terms: [(Variable, Double)], _ value: Double) {
        addConstraint(tag, terms, lower: value, upper: value)
    }

    package var integerCount: Int { variables.filter { $0.kind != .continuous }.count }
    package var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    /// The objective value of an assignment.
    package func objective(_ x: [Double]) -> Double {
        variables.indices.reduce(objectiveConstant) { $0 + variables[$1].cost * x[$1] }
    }

    /// The names of constraints (and variable bounds or integrality) an assignment violates by more than `tolerance`.
    package func violations(_ x: [Double], tolerance: Double = Tolerance.feasibility) -> [String] {
        var out: [String] = []
        for (i, v) in variables.enumerated() {
            if x[i] < v.lower - tolerance || x[i] > v.upper + tolerance { out.append("bounds of \(v.name)") }
            if v.kind != .continuous, abs(x[i] - x[i].rounded()) > tolerance { out.append("integrality of \(v.name)") }
        }
        for c in constraints {
            let lhs = c.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
            if lhs < c.lower - tolerance || lhs > c.upper + tolerance { out.append(c.name) }
        }
        return out
    }

    /// Bounds of variable `i` as a solver should use them: an integer variable's rounded inward
    /// to the integers they contain ([0.5, 2.5] is [1, 2]); a continuous one's as given.
    package func effectiveBounds(_ i: Int) -> (lower: Double, upper: Double) {
        let v = variables[i]
        guard v.kind != .continuous else { return (v.lower, v.upper) }
        // A bound within 1e-9 of an integer is that integer (bounds computed in floating point).
        return (
            v.lower.isFinite ? (v.lower - Tolerance.integralBound).rounded(.up) : v.lower,
            v.upper.isFinite ? (v.upper + Tolerance.integralBound).rounded(.down) : v.upper
        )
    }

    /// Some integer variable has valid bounds but no integer between them: the model is
    /// infeasible (not invalid).
    package var hasEmptyIntegerDomain: Bool {
        variables.indices.contains { i in
            let b = effectiveBounds(i), v = variables[i]
            return v.kind != .continuous && v.lower <= v.upper && b.lower > b.upper
        }
    }

    /// Problems that would make a solver misbehave (or GLPK abort): reported before any call.
    package func defects() -> [String] {
        var out: [String] = []
        for v in variables {
            if v.lower.isNaN || v.upper.isNaN || v.lower > v.upper || v.lower == .infinity || v.upper == -.infinity {
                out.append("variable \(v.name): invalid bounds [\(v.lower), \(v.upper)]")
            }
            if !v.cost.isFinite { out.append("variable \(v.name): objective coefficient \(v.cost)") }
        }
        for c in constraints {
            if c.lower.isNaN || c.upper.isNaN || c.lower > c.upper || c.lower == .infinity || c.upper == -.infinity {
                out.append("constraint \(c.name): invalid bounds [\(c.lower), \(c.upper)]")
            }
            for t in c.terms where !t.coefficient.isFinite || t.variable.index < 0 || t.variable.index >= variables.count {
                out.append("constraint \(c.name): bad term \(t.coefficient)·#\(t.variable.index)")
            }
        }
        if !objectiveConstant.isFinite { out.append("objective constant \(objectiveConstant)") }
        return out
    }
}

extension MIPModel {
    /// A relaxation: the same variables, bounds and costs, all continuous, with only the rows
    /// `keep` accepts (by index). Dropping rows and integrality only enlarges the feasible set,
    /// so the relaxation's optimum is a lower bound on this model's (for minimisation).
    package func relaxation(keeping keep: (Int) -> Bool) -> MIPModel {
        var m = MIPModel()
        for v in variables { m.addVariable(v.name, lower: v.lower, upper: v.upper, kind: .continuous, cost: v.cost) }
        for (i, c) in constraints.enumerated() where keep(i) {
            m.addConstraint(c)
        }
        m.objectiveConstant = objectiveConstant
        return m
    }
}
