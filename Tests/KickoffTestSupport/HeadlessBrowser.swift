import Foundation

/// A page as laid out by a real browser: headless Chromium driven over the DevTools protocol by
/// `Tests/Support/browser_probe.py` (`.ci/run` installs Debian's `chromium`). Nothing is mocked:
/// the page is loaded from disk as written, at an emulated viewport.
package enum HeadlessBrowser {
    package struct Layout: Decodable, Sendable {
        package var innerWidth: Int
        /// The document's width; wider than `innerWidth` means the page scrolls sideways.
        package var scrollWidth: Int
        package var h2: [String]
        package var h3: [String]
        /// Drawn [width, height] of every inline SVG.
        package var svgs: [[Int]]
        /// Elements reaching past the viewport outside any box that scrolls on its own.
        package var overflowing: [String]
        package var scripts: Int
        /// `src`/`href` of anything loaded from elsewhere.
        package var external: [String]
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Loads `page` at `width` × `height` CSS pixels; with `screenshot`, also writes a PNG of the
    /// page from its top, at most `maxHeight` pixels tall.
    package static func layout(of page: URL, width: Int, height: Int, screenshot: URL? = nil, maxHeight: Int = 6000) throws -> Layout {
        var args = [
            "python3", repositoryRoot.appendingPathComponent("Tests/Support/browser_probe.py").path, page.path,
            String(width), String(height)
        ]
        if let screenshot { args += [screenshot.path, String(maxHeight)] }
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), args)
        guard r.status == 0 else {
            throw Failure(description: "browser_probe.py exited \(r.status): \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Layout.self, from: r.stdout)
    }

    /// Width and height of a PNG file, from its IHDR chunk; nil if it is not a PNG.
    package static func pngSize(_ url: URL) throws -> (width: Int, height: Int)? {
        let d = [UInt8](try Data(contentsOf: url))
        guard d.count > 24, d[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func be(_ i: Int) -> Int { d[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}
