/// An article of the view and the position it had when it was loaded. Keyset
/// queries start from its sort key rather than counting rows from the top, so
/// reaching a place near a known article costs the distance, not the position.
///
/// The anchor splits the view: rows listed before it take positions
/// `..<index`, the anchor (when it is still in the view) and the rows after it
/// `index...`. An anchor that has left the view (read in an unread-only view)
/// still splits it at its sort key, so the arithmetic stays right.
public struct ListAnchor: Hashable, Sendable {
    public var id: Int64
    public var index: Int

    public init(id: Int64, index: Int) {
        self.id = id
        self.index = index
    }
}
