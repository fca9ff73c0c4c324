import Hummingbird
import PrivyDomain
import PrivyJSON
import PrivyStore

/// `GET /v1/sync/status` (`admin`): whether the sync exporter runs, and its figures.
struct SyncRoutes {
    let store: Store

    func register(on routes: inout RouteTable) {
        routes.on(.get, "sync/status", use: status)
    }

    @Sendable func status(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        _ = try context.require(.admin)
        let status = try store.outbox.syncStatus()
        return .data { writer in
            writer.beginObject()
            // This server answers, so the exporter it recorded at start is what runs now.
            writer.key("exporter"); writer.string(status.exporter?.upstream == nil ? "off" : "running")
            writer.key("upstream"); writer.optionalString(status.exporter?.upstream)
            writer.key("backlog"); writer.int(status.backlog)
            writer.key("oldest_pending_at"); writer.optionalString(status.oldestPendingAt?.rfc3339)
            writer.key("oldest_pending_age_seconds"); writer.optionalInt(status.oldestPendingAge)
            writer.key("checkpoint"); writer.int(status.checkpoint)
            writer.key("last_success_at"); writer.optionalString(status.lastSuccessAt?.rfc3339)
            writer.key("calls_made"); writer.int(status.callsMade)
            writer.key("changes_delivered"); writer.int(status.changesDelivered)
            writer.key("changes_dead_lettered"); writer.int(status.changesDeadLettered)
            writer.key("changes_per_call"); writer.optionalDecimal(status.changesPerCall)
            writer.key("dead_letters"); writer.int(status.deadLetters)
            writer.key("throttled_responses"); writer.int(status.throttledResponses)
            writer.key("pace_per_second"); writer.optionalDecimal(status.pace)
            writer.key("eta_seconds"); writer.optionalInt(status.eta)
            writer.key("last_failure")
            if let at = status.lastFailureAt, let message = status.lastFailure {
                writer.beginObject()
                writer.key("at"); writer.string(at.rfc3339)
                writer.key("message"); writer.string(message)
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("pull"); writer.pull(status)
            writer.endObject()
        }
    }
}

extension JSONWriter {
    /// The consent pull: its schedule, the next pull, the pull in progress and the last one.
    fileprivate mutating func pull(_ status: SyncStatus) {
        let pull = status.pull
        beginObject()
        key("interval_seconds"); optionalInt(pull.schedule?.intervalSeconds)
        key("calls_per_day"); optionalInt(pull.schedule.map { Int64($0.callsPerDay) })
        key("share_calls_used"); int(pull.shareCallsUsed(at: status.at))
        key("next_pull_at"); optionalString(status.nextPullAt?.rfc3339)
        key("waiting_for_share"); bool(pull.waitsForShare(at: status.at))
        key("in_progress")
        if let cursor = pull.cursor, let startedAt = pull.startedAt {
            beginObject()
            key("started_at"); string(startedAt.rfc3339)
            key("listing"); int(cursor.filter + 1)
            key("page"); int(cursor.page)
            key("contacts_changed"); int(pull.contactsChanged)
            key("calls"); int(pull.calls)
            endObject()
        } else {
            null()
        }
        key("last_pull")
        if let startedAt = pull.lastStartedAt, let finishedAt = pull.lastFinishedAt {
            beginObject()
            key("started_at"); string(startedAt.rfc3339)
            key("finished_at"); string(finishedAt.rfc3339)
            key("contacts_changed"); int(pull.lastContactsChanged)
            key("calls"); int(pull.lastCalls)
            endObject()
        } else {
            null()
        }
        endObject()
    }
}

extension JSONWriter {
    fileprivate mutating func optionalDecimal(_ value: Double?) {
        if let value, let number = JSONNumber(SyncStatus.twoDecimals(value)) { self.number(number) } else { null() }
    }
}
