/// The tolerances the solvers and the planner compare floating-point figures with, named once.
package enum Tolerance {
    /// How far a row or an integrality may be off and still hold (GLPK's own default is 1e-7).
    package static let feasibility = 1e-6
    /// Relative: objectives this close are equal (a gap this small is a proof; a limit this close is met).
    package static let objective = 1e-9
    /// Relative: the model's cost and the checker's recomputed cost may differ by this much.
    package static let costAgreement = 1e-6
    /// A bound this close to an integer is that integer (bounds computed in floating point).
    package static let integralBound = 1e-9
}
