import CGLPK

/// A non-zero return code of `glp_simplex` or `glp_intopt`, with the meaning GLPK's reference
/// manual gives it (chapter 2, "Problem solving routines").
enum GLPKReturnCode: Int32, CaseIterable, CustomStringConvertible {
    case badBasis = 0x01  // GLP_EBADB
    case singularBasis = 0x02  // GLP_ESING
    case illConditionedBasis = 0x03  // GLP_ECOND
    case incorrectBounds = 0x04  // GLP_EBOUND
    case solverFailure = 0x05  // GLP_EFAIL
    case objectiveLowerLimit = 0x06  // GLP_EOBJLL
    case objectiveUpperLimit = 0x07  // GLP_EOBJUL
    case iterationLimit = 0x08  // GLP_EITLIM
    case timeLimit = 0x09  // GLP_ETMLIM
    case noPrimalFeasible = 0x0A  // GLP_ENOPFS
    case noDualFeasible = 0x0B  // GLP_ENODFS
    case noRootBasis = 0x0C  // GLP_EROOT
    case stopped = 0x0D  // GLP_ESTOP
    case gapReached = 0x0E  // GLP_EMIPGAP
    case noFeasible = 0x0F  // GLP_ENOFEAS
    case noConvergence = 0x10  // GLP_ENOCVG
    case numericalInstability = 0x11  // GLP_EINSTAB
    case invalidData = 0x12  // GLP_EDATA
    case resultOutOfRange = 0x13  // GLP_ERANGE

    /// GLPK's symbol, as its manual and glpk.h spell it.
    var symbol: String {
        switch self {
        case .badBasis: return "GLP_EBADB"
        case .singularBasis: return "GLP_ESING"
        case .illConditionedBasis: return "GLP_ECOND"
        case .incorrectBounds: return "GLP_EBOUND"
        case .solverFailure: return "GLP_EFAIL"
        case .objectiveLowerLimit: return "GLP_EOBJLL"
        case .objectiveUpperLimit: return "GLP_EOBJUL"
        case .iterationLimit: return "GLP_EITLIM"
        case .timeLimit: return "GLP_ETMLIM"
        case .noPrimalFeasible: return "GLP_ENOPFS"
        case .noDualFeasible: return "GLP_ENODFS"
        case .noRootBasis: return "GLP_EROOT"
        case .stopped: return "GLP_ESTOP"
        case .gapReached: return "GLP_EMIPGAP"
        case .noFeasible: return "GLP_ENOFEAS"
        case .noConvergence: return "GLP_ENOCVG"
        case .numericalInstability: return "GLP_EINSTAB"
        case .invalidData: return "GLP_EDATA"
        case .resultOutOfRange: return "GLP_ERANGE"
        }
    }

    /// The manual's explanation.
    var meaning: String {
        switch self {
        case .badBasis: return "the initial basis is invalid (the number of basic variables differs from the number of rows)"
        case .singularBasis: return "the initial basis matrix is singular within the working precision"
        case .illConditionedBasis: return "the initial basis matrix is ill-conditioned"
        case .incorrectBounds: return "some double-bounded variables have incorrect bounds"
        case .solverFailure: return "the search was terminated prematurely by a solver failure"
        case .objectiveLowerLimit: return "the objective reached its lower limit"
        case .objectiveUpperLimit: return "the objective reached its upper limit"
        case .iterationLimit: return "the simplex iteration limit was exceeded"
        case .timeLimit: return "the time limit was exceeded"
        case .noPrimalFeasible: return "the LP relaxation has no primal feasible solution"
        case .noDualFeasible: return "the LP relaxation has no dual feasible solution"
        case .noRootBasis: return "no optimal basis of the initial LP relaxation was provided"
        case .stopped: return "the search was terminated by the application"
        case .gapReached: return "the relative MIP gap tolerance was reached"
        case .noFeasible: return "the problem has no feasible solution"
        case .noConvergence: return "the method did not converge"
        case .numericalInstability: return "numerical instability"
        case .invalidData: return "invalid data"
        case .resultOutOfRange: return "a result is out of range"
        }
    }

    var description: String { "\(symbol): \(meaning)" }

    /// The named code, or "code N" for one this list does not know.
    static func describe(_ code: Int32) -> String {
        GLPKReturnCode(rawValue: code)?.description ?? "code \(code)"
    }
}
