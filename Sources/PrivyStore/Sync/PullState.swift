import LMDB
public import PrivyDomain

/// The consent pull's progress and figures, kept in `meta` under `sync:pull` and moved in the
/// same transaction as the page it read, so a pull cut short by its budget share, an outage or a
/// restart resumes from its page. Its transitions are pure: the caller supplies the time.
public struct PullState: Sendable, Hashable {
    static let key = "sync:pull"
    private static let day: Int64 = 86_400 * 1_000_000

    /// The schedule the exporter recorded at start; `nil` if none ever did.
    public internal(set) var schedule: PullSchedule?
    /// The pull in progress: the next page to read; `nil` between pulls.
    public internal(set) var cursor: PullCursor?
    /// When the pull in progress started.
    public internal(set) var startedAt: Timestamp?
    /// Local contacts whose consent the pull in progress changed so far.
    public internal(set) var contactsChanged: UInt64 = 0
    /// Upstream calls the pull in progress made so far, failures included.
    public internal(set) var calls: UInt64 = 0
    /// When the last complete pull started.
    public internal(set) var lastStartedAt: Timestamp?
    /// When it finished.
    public internal(set) var lastFinishedAt: Timestamp?
    /// Local contacts whose consent it changed.
    public internal(set) var lastContactsChanged: UInt64 = 0
    /// Upstream calls it made, failures included.
    public internal(set) var lastCalls: UInt64 = 0
    /// When the current 24 hours of the pull's budget share began; `nil` before its first call.
    public internal(set) var shareStart: Timestamp?
    /// Pull calls in those 24 hours.
    public internal(set) var shareCalls: UInt64 = 0

    init() {}

    /// Whether the pull may read a page at `now`: one is in progress or the interval has passed
    /// since the last, and its budget share is not used up.
    public func isDue(at now: Timestamp) -> Bool {
        guard let next = nextPullAt(at: now) else { return false }
        return next <= now
    }

    /// When the pull reads its next page: `now` while a pull is in progress (or was never run)
    /// and its share allows, the end of the share's 24 hours when it is used up, otherwise the
    /// interval after the last pull; `nil` when the pull is off.
    public func nextPullAt(at now: Timestamp) -> Timestamp? {
        guard let schedule, let interval = schedule.intervalSeconds else { return nil }
        var next = now
        if cursor == nil, let lastFinishedAt {
            next = max(now, Timestamp(microsecondsSinceEpoch: lastFinishedAt.microsecondsSinceEpoch + interval * 1_000_000))
        }
        if waitsForShare(at: now), let shareStart {
            next = max(next, Timestamp(microsecondsSinceEpoch: shareStart.microsecondsSinceEpoch + Self.day))
        }
        return next
    }

    /// Pull calls made in the 24 hours of the current budget share, as of `now`.
    public func shareCallsUsed(at now: Timestamp) -> UInt64 {
        guard let shareStart, now.microsecondsSinceEpoch - shareStart.microsecondsSinceEpoch < Self.day else { return 0 }
        return shareCalls
    }

    /// Whether the pull waits for its budget share to renew.
    public func waitsForShare(at now: Timestamp) -> Bool {
        guard let schedule else { return false }
        return shareCallsUsed(at: now) >= schedule.callsPerDay
    }

    /// The page to read next: the cursor of the pull in progress, or the start of a new one.
    public var nextPage: PullCursor {
        cursor ?? .start
    }

    /// Records the schedule the exporter runs with.
    mutating func configure(_ schedule: PullSchedule) {
        self.schedule = schedule
    }

    /// Counts `count` calls made at `now` for the page at ``nextPage``, starting the pull if none
    /// is in progress and the share's 24 hours if they have passed.
    mutating func count(calls count: Int, at now: Timestamp) {
        if cursor == nil {
            cursor = .start
            startedAt = now
            contactsChanged = 0
            calls = 0
        }
        if shareStart.map({ now.microsecondsSinceEpoch - $0.microsecondsSinceEpoch >= Self.day }) ?? true {
            shareStart = now
            shareCalls = 0
        }
        calls += UInt64(count)
        shareCalls += UInt64(count)
    }

    /// Moves past the page just read, of `totalPages`, which changed `changed` local contacts;
    /// after the last page of the last listing the pull is complete.
    mutating func advance(totalPages: Int, changed: Int, at now: Timestamp) {
        contactsChanged += UInt64(changed)
        let current = nextPage
        let listings = schedule?.filterCount ?? 1
        if current.page < totalPages {
            cursor = PullCursor(filter: current.filter, page: current.page + 1)
        } else if current.filter + 1 < listings {
            cursor = PullCursor(filter: current.filter + 1, page: 1)
        } else {
            cursor = nil
            lastStartedAt = startedAt
            lastFinishedAt = now
            lastContactsChanged = contactsChanged
            lastCalls = calls
        }
    }

    /// The state stored in `transaction`, or a fresh one.
    static func read(in transaction: some Transaction, meta: Database) throws -> PullState {
        try transaction.withValue(forKey: key, in: meta, PullState.init(decoding:)) ?? PullState()
    }

    /// Stores the state in `transaction`.
    func write(in transaction: WriteTransaction, meta: Database) throws {
        try transaction.put(encoded(), forKey: Self.key, in: meta)
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(schedule != nil)
        writer.write(schedule?.intervalSeconds)
        writer.write(schedule?.callsPerDay ?? 0)
        writer.write(schedule?.filterCount ?? 0)
        writer.write(cursor != nil)
        writer.write(cursor?.filter ?? 0)
        writer.write(cursor?.page ?? 0)
        writer.write(startedAt)
        writer.write(contactsChanged)
        writer.write(calls)
        writer.write(lastStartedAt)
        writer.write(lastFinishedAt)
        writer.write(lastContactsChanged)
        writer.write(lastCalls)
        writer.write(shareStart)
        writer.write(shareCalls)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        let scheduled = try reader.read(Bool.self)
        let interval = try reader.read(Int64?.self)
        let callsPerDay = try reader.read(Int.self)
        let filterCount = try reader.read(Int.self)
        schedule = scheduled ? PullSchedule(intervalSeconds: interval, callsPerDay: callsPerDay, filterCount: filterCount) : nil
        let inProgress = try reader.read(Bool.self)
        let filter = try reader.read(Int.self)
        let page = try reader.read(Int.self)
        cursor = inProgress ? PullCursor(filter: filter, page: page) : nil
        startedAt = try reader.read(Timestamp?.self)
        contactsChanged = try reader.read(UInt64.self)
        calls = try reader.read(UInt64.self)
        lastStartedAt = try reader.read(Timestamp?.self)
        lastFinishedAt = try reader.read(Timestamp?.self)
        lastContactsChanged = try reader.read(UInt64.self)
        lastCalls = try reader.read(UInt64.self)
        shareStart = try reader.read(Timestamp?.self)
        shareCalls = try reader.read(UInt64.self)
    }
}

extension PullState: StoredRecord {
    static let table = "meta (sync:pull)"

    var sizeHint: Int { 128 }
}
