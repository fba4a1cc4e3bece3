#!/usr/bin/env python3
"""Reads a calendar file with a real calendar parser (the icalendar library, Debian's
python3-icalendar) and prints, as JSON, what a calendar app would take from it: each
event's summary, start, rule and alarm, and the first occurrences the rule gives
(expanded by dateutil). Used by tests/e2e/reminder.test.mjs; any parse error fails."""
import json
import sys

from dateutil.rrule import rrulestr
from icalendar import Calendar


def main(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    calendar = Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        rule = event["RRULE"].to_ical().decode()
        occurrences = list(rrulestr(rule, dtstart=start)[:3])
        alarms = [
            {"action": str(alarm["ACTION"]), "trigger": str(alarm.decoded("TRIGGER"))}
            for alarm in event.walk("VALARM")
        ]
        events.append(
            {
                "summary": str(event["SUMMARY"]),
                "description": str(event["DESCRIPTION"]),
                "uid": str(event["UID"]),
                "url": str(event.get("URL", "")),
                "start": start.isoformat(),
                "floating": start.tzinfo is None,
                "rule": rule,
                "occurrences": [o.isoformat() for o in occurrences],
                "weekdays": [o.strftime("%A") for o in occurrences],
                "alarms": alarms,
            }
        )
    print(
        json.dumps(
            {
                "version": str(calendar["VERSION"]),
                "prodid": str(calendar["PRODID"]),
                "crlf": raw.count(b"\r\n") == raw.count(b"\n"),
                "longest": max(len(line) for line in raw.split(b"\r\n")),
                "events": events,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
