/// Where a consent pull in progress stands: the filtered listing it pages through and the next
/// page to read.
public struct PullCursor: Sendable, Hashable {
    /// The position of the listing in the exporter's filter list, from 0.
    public var filter: Int
    /// The next page of that listing, from 1.
    public var page: Int

    /// The first page of the first listing.
    public static let start = PullCursor(filter: 0, page: 1)

    /// Creates a cursor.
    public init(filter: Int, page: Int) {
        self.filter = filter
        self.page = page
    }
}
