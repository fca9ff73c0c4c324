/// What applying one chunk of an order-history import did.
public struct OrderImportReport: Sendable {
    /// Orders created.
    public var created = 0
    /// Orders that existed and were updated (or replayed unchanged).
    public var updated = 0
    /// Lines not applied, in line order.
    public var rejections: [OrderImportRejection] = []
}
