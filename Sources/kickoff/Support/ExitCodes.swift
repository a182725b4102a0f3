import ArgumentParser
import KickoffIO

/// The exit codes the root help and README list, by name (BSD sysexits where one fits).
extension ExitCode {
    /// No plan (or no option with a plan, or an explanation of why there is none).
    static let noPlan = ExitCode(1)
    /// Invalid input data: a scenario or baseline with errors (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An internal error, such as a plan the checker rejects (EX_SOFTWARE).
    static let internalError = ExitCode(70)
    /// An output file or folder that cannot be created or replaced (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
    // 64 (usage) is ArgumentParser's own `validationFailure`; 130 and 143 (signals) come from `Interrupts`.
}

/// The one error a subcommand throws when it must stop: printed once, by `Kickoff.main`, as
/// `error: <message>` on standard error, and the process exits with `exitCode`.
/// (Usage errors stay ArgumentParser's `ValidationError`, shown with the subcommand's usage.)
struct Failure: Error, CustomStringConvertible {
    let message: String
    let exitCode: ExitCode

    var description: String { message }

    /// An output that cannot be created or replaced (73).
    static func cannotCreate(_ message: String) -> Failure { Failure(message: message, exitCode: .cannotCreate) }

    /// A folder that could not be written, with how to replace an existing one.
    static func cannotWrite(_ e: AtomicFolder.WriteError) -> Failure {
        .cannotCreate(e.message + (e.destinationExists ? "; choose another folder or pass --force to replace it" : ""))
    }
}
