import Foundation
import KickoffTestSupport
import Testing

/// report.html and compare.html as written by the built binary, rendered by headless Chromium at a
/// laptop's and a phone's viewport: every section is there, the charts are drawn, nothing makes the
/// page scroll sideways, and nothing is loaded from elsewhere.
@Suite("The HTML pages in a real browser")
struct BrowserTests {
    static let now = "2027-01-04T09:00+00:00"
    static let viewports = [(1366, 768), (390, 844)]

    func check(_ page: URL, sections: [String], charts: [String], minSVGs: Int) throws {
        for (w, h) in Self.viewports {
            let shot = page.deletingLastPathComponent().appendingPathComponent("shot-\(w).png")
            let l = try HeadlessBrowser.layout(of: page, width: w, height: h, screenshot: shot, maxHeight: 1500)
            let at = "\(page.lastPathComponent) at \(w)×\(h)"
            #expect(l.innerWidth == w, "\(at): the viewport is \(l.innerWidth) wide")
            #expect(l.scrollWidth <= w, "\(at): the page is \(l.scrollWidth) px wide and scrolls sideways")
            #expect(l.overflowing.isEmpty, "\(at): past the right edge: \(l.overflowing)")
            #expect(l.h2 == sections, "\(at)")
            for c in charts { #expect(l.h3.contains(c), "\(at): no chart \"\(c)\" in \(l.h3)") }
            #expect(l.svgs.count >= minSVGs, "\(at)")
            #expect(l.svgs.allSatisfy { $0[0] > 0 && $0[0] <= w && $0[1] > 0 }, "\(at): SVG sizes \(l.svgs)")
            #expect(l.scripts == 0 && l.external.isEmpty, "\(at): self-contained")
            let size = try HeadlessBrowser.pngSize(shot)
            #expect(size?.width == w && (size?.height ?? 0) >= h, "\(at): screenshot \(String(describing: size))")
        }
    }

    @Test("report.html of data/sample, with its charts, at 1366×768 and 390×844")
    func report() throws {
        let out = try temporaryFolder().appendingPathComponent("plan")
        let r = try Run(
            "solve", repositoryRoot.appendingPathComponent("data/sample").path, "--out", out.path,
            "--now", Self.now, "--quiet")
        try #require(r.status == 0, "\(r.stderr)")
        try check(
            out.appendingPathComponent("report.html"),
            sections: [
                "Cost", "At a glance", "Carbon", "Schedule", "Team dinners", "Travel and hotel", "Airport transfers",
                "Agenda health", "After the event"
            ],
            charts: ["Arrivals and departures per hour at ORD", "Hotel rooms per night", "Cost and CO2e per attendee, by team"],
            minSVGs: 4)
    }

    @Test("compare.html with a carbon price, at 1366×768 and 390×844")
    func compare() throws {
        let dir = try CarbonCLITests.twoVenues.write()
        let out = dir.appendingPathComponent("cmp")
        let r = try Run("compare", dir.path, "--out", out.path, "--now", Self.now, "--jobs", "2", "--quiet", "--carbon-price", "100")
        try #require(r.status == 0, "\(r.stderr)")
        try check(
            out.appendingPathComponent("compare.html"), sections: ["Cost by part", "CO2e by option", "Ranking"], charts: [],
            minSVGs: 2)
    }
}
