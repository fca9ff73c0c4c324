import LMDB

/// Whether the server that last started on the data directory runs the sync exporter, kept in
/// `meta` under `sync:exporter` so that `GET /v1/sync/status` and `privy-edge sync status` can
/// say so.
public enum ExporterMode: Sendable, Hashable {
    /// Sync is off: the server has no upstream credentials.
    case off
    /// The exporter replicates to the upstream at this base URL.
    case on(upstream: String)

    static let key = "sync:exporter"

    /// The upstream base URL when the exporter runs.
    public var upstream: String? {
        if case .on(let upstream) = self { upstream } else { nil }
    }

    /// The mode stored in `transaction`, or `nil` if no server recorded one.
    static func read(in transaction: some Transaction, meta: Database) throws -> ExporterMode? {
        try transaction.withValue(forKey: key, in: meta, ExporterMode.init(decoding:))
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(upstream)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        self = try reader.read(String?.self).map { .on(upstream: $0) } ?? .off
    }
}

extension SyncOutbox {
    /// Records whether this server runs the exporter; `serve` calls it once at start.
    public func recordExporterMode(_ mode: ExporterMode) async throws {
        let meta = tables.meta
        try await writer.perform { txn in
            try txn.put(mode.encoded(), forKey: ExporterMode.key, in: meta)
        }
    }
}

extension ExporterMode: StoredRecord {
    static let table = "meta (sync:exporter)"

    var sizeHint: Int { 64 }
}
