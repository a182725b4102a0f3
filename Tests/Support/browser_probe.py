#!/usr/bin/env python3
"""Load a page in headless Chromium at a given viewport and report how it laid out.

Usage: browser_probe.py PAGE.html WIDTH HEIGHT [SCREENSHOT.png [MAX_HEIGHT]]

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ended by NUL on file descriptors 3 and 4), so it needs nothing beyond Python's standard library
and the browser. The viewport is set with Emulation.setDeviceMetricsOverride (a phone width is
emulated as a mobile device, so the page's meta viewport applies), the page is loaded from disk
unchanged, and a probe evaluated in it returns, as JSON on stdout:

  innerWidth, scrollWidth   the viewport and the document's width (wider = sideways scrolling)
  h2, h3                    the section headings, in order
  svgs                      [width, height] of each inline SVG as drawn
  overflowing               elements that reach past the viewport outside any scrolling box
  scripts, external         <script> elements and resources from anywhere but the page itself

With SCREENSHOT.png it also writes a PNG of the page from its top, as tall as the page up to
MAX_HEIGHT (default 6,000) CSS pixels, at that width.
Set KICKOFF_CHROMIUM to the browser's path if it is not `chromium` on PATH.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile

PROBE = r"""
(() => {
  const w = window.innerWidth, doc = document.documentElement;
  const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const overflowing = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || scrolls(e)) continue;
    if (r.right > w + 1 || r.left < -1) {
      const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
      overflowing.push(`${e.tagName.toLowerCase()}${cls} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  const texts = (sel) => [...document.querySelectorAll(sel)].map(h => h.textContent.trim());
  const external = [...document.querySelectorAll('[src],link[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'));
  return JSON.stringify({
    innerWidth: w, scrollWidth: doc.scrollWidth, h2: texts('h2'), h3: texts('h3'),
    svgs: [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }),
    overflowing: overflowing.slice(0, 25), scripts: document.querySelectorAll('script').length, external: external,
  });
})()
"""


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="kickoff-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Move both ends clear of 3 and 4 first (a pipe may already sit there), then into place;
            # dup2 makes the copies inheritable, which os.pipe()'s descriptors are not.
            r, w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=None if os.environ.get("KICKOFF_BROWSER_LOG") else subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        while True:
            m = self.read_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, session):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    del self.events[i]
                    return m
            self.events.append(self.read_message())

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    page, width, height = os.path.abspath(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    shot = sys.argv[4] if len(sys.argv) > 4 else None
    max_height = int(sys.argv[5]) if len(sys.argv) > 5 else 6000
    binary = os.environ.get("KICKOFF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        sys.exit("no chromium on PATH (install Debian's chromium, or set KICKOFF_CHROMIUM)")
    b = Browser(binary)
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
        b.call("Emulation.setDeviceMetricsOverride", metrics, s)
        b.call("Page.enable", {}, s)
        b.call("Page.navigate", {"url": "file://" + page}, s)
        b.wait_event("Page.loadEventFired", s)
        result = b.call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, s)["result"]["value"]
        if shot:
            content = b.call("Page.getLayoutMetrics", {}, s)["cssContentSize"]
            full = dict(metrics, height=min(max_height, max(height, int(content["height"]) + 1)))
            b.call("Emulation.setDeviceMetricsOverride", full, s)
            png = b.call("Page.captureScreenshot", {"format": "png"}, s)["data"]
            with open(shot, "wb") as f:
                f.write(base64.b64decode(png))
        print(result)
    finally:
        b.close()


if __name__ == "__main__":
    main()
