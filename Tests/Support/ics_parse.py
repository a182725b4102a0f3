#!/usr/bin/env python3
"""Parse every .ics file under a folder with the real `icalendar` package and print JSON.

Used by Kickoff's tests as an independent reader of the calendars `kickoff solve` writes.
Usage: ics_parse.py FOLDER  ->  {"NAME.ics": {"method": ..., "for": ..., "events": [...]}, ...}
Exits 3 when `icalendar` is not installed, 2 when a file breaks a rule checked here.
"""
import json
import os
import sys
from datetime import datetime, timezone

try:
    import icalendar
except ImportError:
    sys.stderr.write("the Python package 'icalendar' is missing: pip install icalendar (.ci/run installs it)\n")
    sys.exit(3)


def fail(path, message):
    sys.stderr.write(f"{path}: {message}\n")
    sys.exit(2)


def utc(path, event, name):
    prop = event.get(name)
    if prop is None:
        fail(path, f"{event.get('UID')}: no {name}")
    if "TZID" in prop.params:
        fail(path, f"{event.get('UID')}: {name} has a TZID (the calendars keep UTC and carry no VTIMEZONE)")
    value = prop.dt
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset().total_seconds() != 0:
        fail(path, f"{event.get('UID')}: {name} is not a UTC date-time: {value!r}")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")


def addresses(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values]


def parse(path):
    with open(path, "rb") as f:
        raw = f.read()
    cal = icalendar.Calendar.from_ical(raw)  # raises on text that is not iCalendar
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail(path, "VERSION:2.0 and PRODID are required")
    if cal.walk("VTIMEZONE"):
        fail(path, "a VTIMEZONE, though every time is UTC")
    events, uids = [], set()
    for e in cal.walk("VEVENT"):
        uid = str(e.get("UID", ""))
        if not uid or uid in uids:
            fail(path, f"UID missing or repeated: {uid!r}")
        uids.add(uid)
        if e.get("DTSTAMP") is None:
            fail(path, f"{uid}: no DTSTAMP")
        events.append({
            "uid": uid,
            "sequence": int(e.get("SEQUENCE", 0)),
            "status": str(e.get("STATUS", "")),
            "start": utc(path, e, "DTSTART"),
            "end": utc(path, e, "DTEND"),
            "summary": str(e.get("SUMMARY", "")),
            "location": str(e.get("LOCATION", "")),
            "description": str(e.get("DESCRIPTION", "")),
            "organizer": str(e.get("ORGANIZER", "")),
            "attendees": addresses(e.get("ATTENDEE")),
        })
    return {
        "method": str(cal.get("METHOD", "")),
        "for": str(cal.get("X-KICKOFF-ATTENDEE", "")),
        "events": events,
    }


def main():
    root = sys.argv[1]
    out = {}
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".ics"):
                path = os.path.join(dirpath, name)
                try:
                    out[os.path.relpath(path, root)] = parse(path)
                except ValueError as error:
                    fail(path, f"icalendar cannot read it: {error}")
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
