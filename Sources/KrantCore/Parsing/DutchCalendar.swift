/// The Dutch words a news site uses for days and months.
public enum DutchCalendar {
    /// Relative day words and how many days before the reading day they mean.
    public static let relativeDays: [String: Int] = ["vandaag": 0, "gisteren": 1, "eergisteren": 2]

    /// Weekday names, Monday first (index = `CivilDate.weekday`).
    public static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    /// Month names and their usual abbreviations, mapped to 1…12.
    public static let months: [String: Int] = {
        let full = ["januari", "februari", "maart", "april", "mei", "juni",
                    "juli", "augustus", "september", "oktober", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in full.enumerated() { table[name] = index + 1 }
        let abbreviations = ["jan": 1, "feb": 2, "mrt": 3, "maa": 3, "apr": 4, "jun": 6, "jul": 7,
                             "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12]
        for (name, month) in abbreviations { table[name] = month; table[name + "."] = month }
        return table
    }()

    /// Short month names for display ("19 jun").
    public static let shortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"]
}
