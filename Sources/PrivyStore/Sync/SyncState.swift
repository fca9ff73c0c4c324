import LMDB
import PrivyDomain

/// The exporter's progress, one record in `meta` under `sync:state`, written in the same
/// transaction as every outcome it counts.
struct SyncState: Sendable, Hashable {
    static let key = "sync:state"

    /// Every change with a sequence up to here has been delivered or dead-lettered (and pruned).
    var checkpoint: UInt64 = 0
    /// HTTP calls made to the upstream, failures included.
    var callsMade: UInt64 = 0
    /// Changes the upstream accepted (or that needed no call).
    var changesDelivered: UInt64 = 0
    /// Changes moved to the dead-letter table.
    var changesDeadLettered: UInt64 = 0
    /// `429` answers received.
    var throttledResponses: UInt64 = 0
    /// When the upstream last accepted a call.
    var lastSuccessAt: Timestamp?
    /// When the last network error, 5xx, 429 or credential refusal happened.
    var lastFailureAt: Timestamp?
    /// What it was.
    var lastFailure: String?
    /// The recent delivery pace.
    var pace = PaceMeter()

    init() {}

    /// The state stored in `transaction`, or a fresh one.
    static func read(in transaction: some Transaction, meta: Database) throws -> SyncState {
        try transaction.withValue(forKey: key, in: meta, SyncState.init(decoding:)) ?? SyncState()
    }

    /// Stores the state in `transaction`.
    func write(in transaction: WriteTransaction, meta: Database) throws {
        try transaction.put(encoded(), forKey: Self.key, in: meta)
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(checkpoint)
        writer.write(callsMade)
        writer.write(changesDelivered)
        writer.write(changesDeadLettered)
        writer.write(throttledResponses)
        writer.write(lastSuccessAt)
        writer.write(lastFailureAt)
        writer.write(lastFailure)
        writer.write(pace.currentStart)
        writer.write(pace.currentChanges)
        writer.write(pace.previousChanges)
        writer.write(pace.previousLength)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        checkpoint = try reader.read(UInt64.self)
        callsMade = try reader.read(UInt64.self)
        changesDelivered = try reader.read(UInt64.self)
        changesDeadLettered = try reader.read(UInt64.self)
        throttledResponses = try reader.read(UInt64.self)
        lastSuccessAt = try reader.read(Timestamp?.self)
        lastFailureAt = try reader.read(Timestamp?.self)
        lastFailure = try reader.read(String?.self)
        pace = PaceMeter(
            currentStart: try reader.read(Int64.self),
            currentChanges: try reader.read(UInt64.self),
            previousChanges: try reader.read(UInt64.self),
            previousLength: try reader.read(Int64.self)
        )
    }
}

extension SyncState: StoredRecord {
    static let table = "meta (sync:state)"
}
