/// The columns of every CSV file in a plan folder and a comparison folder (docs/FORMATS.md): the
/// one place they are named, used by the writers (KickoffReport) and by the baseline reader, so
/// what is written and what is read back cannot drift apart.
public enum PlanFolderFormat {
    public static let schedule = ["session", "title", "kind", "day", "date", "start", "end", "room", "room_name", "attendees"]
    public static let itineraries = ["attendee", "name", "team", "inbound", "arrive", "outbound", "depart", "hotel_nights",
                                     "dinner", "dinner_date", "sessions", "co2_kg"]
    public static let dinners = ["team", "date", "restaurant", "guests"]
    public static let unplaced = ["session", "title", "kind", "attendees", "tried_day", "tried_start", "tried_room", "blocked_by"]
    public static let followUps = ["id", "title", "date", "start_utc", "attendees", "outside_hours"]
    public static let notices = ["attendee", "name", "email", "what"]
    public static let transfers = ["run", "direction", "date", "leaves", "arrives", "riders", "attendees"]
    public static let changes = ["what", "id", "change", "from", "to", "why"]
    /// compare.csv; with several start dates `start_date` follows as the last column.
    public static let compare = ["venue", "status", "total", "travel", "hotel", "time_away", "dinners", "venue_cost",
                                 "hotel_nights", "solve_seconds", "gap", "reason", "co2_kg"]
}
