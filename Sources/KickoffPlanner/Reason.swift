import KickoffCore
import KickoffPlan
import MIP

/// Why a venue has no plan (or no checked one), as a value. The planner and the explainer say
/// what they found; KickoffReport puts it in the user's words (`Reason.sentence(in:)`), so no
/// code reads English to learn what happened.
package enum Reason: Sendable, Equatable {
    /// A pre-check's or the formulation's finding, a sentence that already names the culprit
    /// (`Prechecks`, `Formulation.obstacles`).
    case finding(String)
    /// No combination of rooms, times, dinners and legs meets every rule (proven): the head of
    /// an infeasible outcome's reasons, before the explanation.
    case noCombination
    /// A requirement broken at the elastic model's optimum: part of a small set that cannot all hold.
    case requirement(Requirement)
    /// A broken elastic row without a typed tag, by its name (the formulation tags all its rows).
    case untagged(String)
    /// More broken requirements like the ones listed.
    case more(Int)
    /// The elastic model has a solution that breaks nothing: every requirement can be met.
    case everyRequirementCanBeMet
    /// The elastic model ended without a solution within `seconds`.
    case undetermined(seconds: Double, ended: Termination)
    /// No time was left to run the explanation.
    case noTimeToExplain
    /// No complete plan before the search stopped (`limit`: the clock, or a stop request).
    case noPlanInTime(Termination.Limit)
    /// The best partial agenda found: sessions left out and the attendees they concern
    /// (`unplaced.csv` lists them when the folder is written).
    case partialAgenda(sessions: Int, attendees: Int)
    /// The plan checker rejected the solver's plan (an internal error), with its finding.
    case checkerRejected(String)
    /// The model's figure differs from the checked plan's (an internal error).
    case figuresDisagree(what: String, model: Double, checked: Double)
    /// The solver failed (an `error` termination), in its own words.
    case solverFailed(String)
}
