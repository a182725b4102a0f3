/// Inline SVG charts for the HTML pages: no scripts, no external files. Each chart draws in a
/// fixed coordinate system (`viewBox`) and scales to the width of the page, so it reads the same on
/// a laptop and on a phone; every bar carries a `<title>` with its exact figure.
enum SVGChart {
    /// One series of a column chart.
    struct Series {
        let name: String
        let color: String
        let values: [Double]
    }

    /// The style rules the charts need; pages include them once.
    static let css = """
        .chart{width:100%;height:auto;display:block;margin:6px 0 2px}.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1d2433}
        .chart text.axis{fill:#5b6475;font-size:11px}.chart.bars{max-width:520px}.legend span{display:inline-block;margin-right:16px}
        .legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
        @media (max-width:600px){.chart.cols text{font-size:26px}.chart.cols text.axis{font-size:24px}.chart.cols .minor{display:none}}

        """

    static func legend(_ items: [(name: String, color: String)]) -> String {
        "<p class=\"legend\">" + items.map { "<span><i style=\"background:\($0.color)\"></i>\(esc($0.name))</span>" }.joined() + "</p>\n"
    }

    /// Columns over categories (`labels`), one column per series side by side, an optional
    /// horizontal limit line (e.g. the hotel block), and group captions under runs of categories
    /// (e.g. the day under its hours). `labelEvery` thins the category labels; `titles` name the
    /// categories in each column's tooltip (default: the labels).
    static func columns(
        _ series: [Series], labels: [String], titles: [String]? = nil, groups: [(label: String, from: Int, to: Int)] = [],
        limit: (value: Double, label: String)? = nil, labelEvery: Int = 1, aria: String
    ) -> String {
        let n = labels.count
        guard n > 0 else { return "" }
        // On a phone the chart shrinks to about 40 %: its text is drawn larger there and every
        // other category label is hidden (`css`), so it stays legible.
        let width = 900.0, left = 60.0, right = 12.0, top = 22.0, plot = 180.0
        let bottom = groups.isEmpty ? 34.0 : 66.0
        let height = top + plot + bottom
        let top0 = max(series.flatMap(\.values).max() ?? 0, limit?.value ?? 0, 1)
        let scale = niceCeiling(top0)
        let band = (width - left - right) / Double(n)
        let barW = max(1, band * 0.8 / Double(max(series.count, 1)))
        func y(_ v: Double) -> Double { top + plot - v / scale * plot }
        var s = "<svg class=\"chart cols\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(esc(aria))\">\n"
        // Grid: 0, half and the top of the scale.
        for v in [0, scale / 2, scale] {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ef\"/>"
            s += "<text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(fmt(Int(v.rounded())))</text>\n"
        }
        for i in 0..<n {
            let x0 = left + band * Double(i) + band * 0.1
            for (j, se) in series.enumerated() where se.values[i] > 0 {
                let v = se.values[i]
                s += "<rect x=\"\(f(x0 + barW * Double(j)))\" y=\"\(f(y(v)))\" width=\"\(f(barW))\" height=\"\(f(v / scale * plot))\" fill=\"\(se.color)\">"
                s += "<title>\(esc(titles?[i] ?? labels[i])) — \(esc(se.name)): \(fmt(Int(v.rounded())))</title></rect>\n"
            }
            let every = max(labelEvery, 1)
            if i % every == 0 {
                let minor = (i / every) % 2 == 1 ? " minor" : ""
                s += "<text class=\"axis\(minor)\" x=\"\(f(left + band * (Double(i) + 0.5)))\" y=\"\(f(top + plot + 26))\" text-anchor=\"middle\">\(esc(labels[i]))</text>\n"
            }
        }
        for g in groups {
            let x1 = left + band * Double(g.from), x2 = left + band * Double(g.to + 1)
            s += "<line x1=\"\(f(x1 + 2))\" y1=\"\(f(top + plot + 34))\" x2=\"\(f(x2 - 2))\" y2=\"\(f(top + plot + 34))\" stroke=\"#9aa3b2\"/>"
            s += "<text x=\"\(f((x1 + x2) / 2))\" y=\"\(f(top + plot + 58))\" text-anchor=\"middle\">\(esc(g.label))</text>\n"
        }
        if let limit {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y(limit.value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(limit.value)))\" stroke=\"#c2412d\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            s += "<text x=\"\(f(width - right))\" y=\"\(f(y(limit.value) - 5))\" text-anchor=\"end\" fill=\"#c2412d\">\(esc(limit.label))</text>\n"
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plot))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plot))\" stroke=\"#9aa3b2\"/>\n"
        return s + "</svg>\n"
    }

    /// Horizontal bars, one row per item, each with its figure at the end of the bar.
    static func bars(_ rows: [(label: String, value: Double, text: String)], color: String, aria: String) -> String {
        guard !rows.isEmpty else { return "" }
        // Narrow, so it keeps about its drawn size from a phone to a laptop's half column.
        let width = 460.0, labelW = 130.0, textW = 84.0, rowH = 24.0, top = 4.0
        let height = top + rowH * Double(rows.count) + 4
        let maxV = max(rows.map(\.value).max() ?? 0, 1e-9)
        let barSpace = width - labelW - textW
        var s = "<svg class=\"chart bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(esc(aria))\">\n"
        for (i, r) in rows.enumerated() {
            let y = top + rowH * Double(i), w = max(0, r.value / maxV * barSpace)
            s += "<text x=\"0\" y=\"\(f(y + 16))\">\(esc(r.label.count > 19 ? r.label.prefix(18) + "…" : r.label))</text>"
            s += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 4))\" width=\"\(f(w))\" height=\"\(f(rowH - 9))\" fill=\"\(color)\"><title>\(esc(r.label)): \(esc(r.text))</title></rect>"
            s += "<text x=\"\(f(labelW + w + 6))\" y=\"\(f(y + 16))\">\(esc(r.text))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `v`.
    static func niceCeiling(_ v: Double) -> Double {
        var p = 1.0
        while p * 10 <= v { p *= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= v { return m * p }
        return 10 * p
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
