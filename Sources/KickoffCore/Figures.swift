/// How Kickoff writes figures for people: the one place counts and money are formatted.
public enum Figures {
    /// `v` in decimal with leading zeros up to `width` digits (`zeroPadded(7, 3)` is `"007"`).
    public static func zeroPadded(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A count and its noun, plural unless it is 1: `counted(1, "session")` is `"1 session"`,
    /// `counted(3, "session")` is `"3 sessions"` (the one plural helper).
    public static func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// Thousands separators (`1,820`, `-3,000`).
    public static func count(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// Money as a file writes it: cents, no separators, rounded half away from zero to the
    /// cent (`1100787.00`, `-12.34`, `-0.50`).
    public static func plainMoney(_ v: Double) -> String {
        let cents = Int((v * 100).rounded())
        return (cents < 0 ? "-" : "") + String(cents.magnitude / 100) + "." + Figures.zeroPadded(Int(cents.magnitude % 100), 2)
    }

    /// Money with thousands separators and cents, rounded half away from zero to the cent:
    /// `1,100,787.00`, `-12.34`, `-0.50`.
    public static func money(_ v: Double) -> String {
        let cents = Int((v * 100).rounded())
        let whole = count(Int(cents.magnitude / 100)), part = Int(cents.magnitude % 100)
        return (cents < 0 ? "-" : "") + whole + "." + Figures.zeroPadded(part, 2)
    }
}
