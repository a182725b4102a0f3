import CGLPK

/// Facts about the linked GLPK library.
public enum GLPK {
    /// The version of the GLPK library linked at run time, e.g. "5.0".
    public static var version: String { String(cString: glp_version()) }
}
