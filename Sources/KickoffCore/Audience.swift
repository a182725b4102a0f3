/// A session's audience rule: `all`, `none`, or `field:value` terms joined by `|` (a union).
///
/// ```
/// AudienceRule(parsing: "role:manager|role:exec")  // managers and execs
/// AudienceRule(parsing: "team:West|id:P0007")      // team West plus one guest
/// ```
/// Field names, `all` and `none` ignore case; values match exactly after trimming.
public enum AudienceRule: Sendable, Hashable, CustomStringConvertible {
    case all
    /// Only the session's enrollments and presenters.
    case none
    case terms([Term])

    public enum Field: String, Sendable, CaseIterable {
        case team, role, company, tier, id
    }

    public struct Term: Sendable, Hashable {
        public var field: Field
        public var value: String

        public init(_ field: Field, _ value: String) {
            self.field = field
            self.value = value
        }
    }

    /// Why a rule text could not be read.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
    }

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmedSpaces
        switch trimmed.lowercased() {
        case "all": self = .all; return
        case "none": self = .none; return
        case "": throw ParseError(message: "expected `all`, `none` or field:value terms, got an empty rule")
        default: break
        }
        var terms: [Term] = []
        for raw in trimmed.split(separator: "|", omittingEmptySubsequences: false) {
            let part = String(raw).trimmedSpaces
            guard let colon = part.firstIndex(of: ":") else {
                throw ParseError(message: "expected field:value (fields: team, role, company, tier, id), got \(Diagnostic.quoted(part))")
            }
            let name = String(part[..<colon]).trimmedSpaces.lowercased()
            let value = String(part[part.index(after: colon)...]).trimmedSpaces
            guard let field = Field(rawValue: name) else {
                throw ParseError(message: "unknown audience field \(Diagnostic.quoted(name)) (expected team, role, company, tier or id)")
            }
            if value.isEmpty {
                throw ParseError(message: "\(field.rawValue): needs a value after the colon")
            }
            if field == .tier, Tier(rawValue: value) == nil {
                throw ParseError(message: "unknown tier \(Diagnostic.quoted(value)) (expected chairmans_club, presidents_club or none)")
            }
            terms.append(Term(field, value))
        }
        self = .terms(terms)
    }

    /// Whether the rule (not enrollments or presenters) selects this attendee.
    public func matches(_ a: Attendee) -> Bool {
        switch self {
        case .all: return true
        case .none: return false
        case .terms(let terms): return terms.contains { $0.matches(a) }
        }
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case .none: return "none"
        case .terms(let t): return t.map { "\($0.field.rawValue):\($0.value)" }.joined(separator: "|")
        }
    }
}

extension AudienceRule.Term {
    public func matches(_ a: Attendee) -> Bool {
        switch field {
        case .team: return a.team == value
        case .role: return a.role == value
        case .company: return a.company == value
        case .tier: return a.tier.rawValue == value
        case .id: return a.id.rawValue == value
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmedSpaces: String {
        let sub = Substring(self)
        // Fast path: most cells start and end with a visible ASCII character, and are kept whole.
        if let head = sub.utf8.first, let tail = sub.utf8.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F {
            return String(sub)
        }
        let scalars = sub.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(Substring(scalars[first...last]))
    }
}
