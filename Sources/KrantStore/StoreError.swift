/// Why a store could not be opened or refused a change. The messages are
/// meant for the person at the terminal: they name the file and say that
/// krant did not touch it, so nobody fears their reading history was lost.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database written by krant.
    case notADatabase(path: String, reason: String)
    /// The file was migrated by a later krant with a schema this one does not know.
    case newerSchema(path: String)
    /// The database (or its directory) could not be created.
    case cannotCreate(path: String, reason: String)
    /// The file exists but cannot be opened (permissions, a directory, ...).
    case cannotOpen(path: String, reason: String)
    /// `addFeed` with a URL that is already subscribed.
    case alreadySubscribed(url: String)
    /// No feed has this id (or URL).
    case noSuchFeed(String)
    /// SQLite found the file damaged inside (SQLITE_CORRUPT, SQLITE_NOTADB).
    /// The store that saw it writes nothing more (`StoreConnections`).
    case damaged(path: String, reason: String)
    /// The store cannot be written (`StoreAccess`): opened only for reading,
    /// or refused to a command that must write.
    case readOnly(path: String, reason: String)
    /// No sync account has this name.
    case noSuchAccount(String)
    /// `addAccount` with a name that is already taken.
    case accountExists(String)

    public var description: String {
        switch self {
        case .notADatabase(let path, let reason):
            "\(path) is not a krant database (\(reason)); it was left untouched"
        case .newerSchema(let path):
            "\(path) was written by a newer krant; upgrade krant (the file was left untouched)"
        case .cannotCreate(let path, let reason):
            "cannot create the krant database \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open the krant database \(path): \(reason)"
        case .alreadySubscribed(let url):
            "already subscribed to \(url)"
        case .noSuchFeed(let feed):
            "no such feed: \(feed)"
        case .damaged(let path, let reason):
            // "damaged" early: the reader's status bar may show only the start.
            "store damaged: \(path) (\(reason)); nothing more was written to it; "
                + "`krant repair` copies what can be read into a new store"
        case .readOnly(let path, let reason):
            "the store \(path) is read-only (\(reason)); krant can show it but not change it"
        case .noSuchAccount(let name):
            "no sync account \(name) (see `krant sync list`)"
        case .accountExists(let name):
            "a sync account named \(name) already exists (see `krant sync list`)"
        }
    }
}
