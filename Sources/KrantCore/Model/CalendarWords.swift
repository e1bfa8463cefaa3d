/// Month and weekday names in the interface's language, for dates krant
/// writes itself (reading Dutch dates in articles is `DutchCalendar`'s job).
public enum CalendarWords {
    public static func shortMonths(_ language: Language) -> [String] {
        switch language {
        case .english: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .dutch: DutchCalendar.shortMonths
        }
    }

    public static func months(_ language: Language) -> [String] {
        switch language {
        case .english: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"]
        case .dutch: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                      "oktober", "november", "december"]
        }
    }

    /// Monday first, as `CivilDate.weekday` counts.
    public static func weekdays(_ language: Language) -> [String] {
        switch language {
        case .english: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        case .dutch: DutchCalendar.weekdays
        }
    }

    public static func shortWeekdays(_ language: Language) -> [String] {
        switch language {
        case .english: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        case .dutch: ["ma", "di", "wo", "do", "vr", "za", "zo"]
        }
    }
}
