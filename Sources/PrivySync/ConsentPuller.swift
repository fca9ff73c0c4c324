import Logging
import PrivyDomain
import PrivyStore

/// The consent pull, one page at a time: when the pull is due, reads the next page of the
/// upstream's filtered `GET /contacts` through the shared runner (so it is paced with the
/// exporter's calls) and applies it; where it stands lives in the store, so a pull interrupted
/// by its budget share, an outage or a restart resumes from its page.
struct ConsentPuller: Sendable {
    let store: Store
    let runner: JobRunner
    let pageSize: Int
    let logger: Logger

    /// Reads and applies the next page if the pull is due.
    /// - Returns: whether a page was read.
    /// - Throws: ``JobFailure`` (its calls already counted against the pull) when the upstream
    ///   must be tried again later, `CancellationError` on shutdown, or a store error.
    func step() async throws -> Bool {
        let state = try store.outbox.pullState()
        guard state.isDue(at: .now()), PullFilter.all.indices.contains(state.nextPage.filter) else { return false }
        let cursor = state.nextPage
        if cursor == .start {
            logger.info("sync: consent pull starts")
        }
        let request = UpstreamRequest.listContacts(PullFilter.all[cursor.filter], page: cursor.page, perPage: pageSize)
        let response: UpstreamResponse
        let tally: CallTally
        do {
            (response, tally) = try await runner.fetch(request)
        } catch let failure as JobFailure {
            if case .credentialsRefused(_, 403, _) = failure.interruption {
                // The credentials may write but not read (no contacts_read): the exporter goes on,
                // and this listing is skipped until the next pull.
                logger.error("sync: the upstream refused the consent pull a read; give the credentials contacts_read", metadata: ["request": "\(request)"])
                try await store.outbox.applyPullPage([], totalPages: 0, calls: failure.tally.calls)
                return true
            }
            try await store.outbox.recordPullCalls(failure.tally.calls)
            throw failure
        }
        guard response.verdict == .accepted, let page = UpstreamContactPage(body: response.body) else {
            // Refused for good or unreadable: this listing is skipped for this pull.
            logger.warning("sync: the upstream refused a consent pull listing; skipped until the next pull", metadata: [
                "request": "\(request)", "status": "\(response.status)", "body": "\(response.text)",
            ])
            try await store.outbox.applyPullPage([], totalPages: 0, calls: tally.calls)
            return true
        }
        try await store.outbox.applyPullPage(page.contacts, totalPages: page.totalPages, calls: tally.calls)
        let after = try store.outbox.pullState()
        if after.cursor == nil {
            logger.info("sync: consent pull finished", metadata: [
                "contacts_changed": "\(after.lastContactsChanged)", "calls": "\(after.lastCalls)",
            ])
        }
        return true
    }
}
