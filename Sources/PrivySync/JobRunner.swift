import PrivyDomain
import PrivyStore

/// Carries out jobs against the upstream, one call at a time, paced, and says what became of
/// each. Used by one task.
final class JobRunner {
    private let store: Store
    private let client: UpstreamClient
    private let tokens: AccessTokenSource
    private var pacer: Pacer
    /// HTTP calls made by the current job so far.
    private(set) var calls = 0
    /// `429` answers to the current job so far.
    private(set) var throttled = 0

    init(store: Store, client: UpstreamClient, tokens: AccessTokenSource, budget: SyncBudget) {
        self.store = store
        self.client = client
        self.tokens = tokens
        pacer = Pacer(budget: budget)
    }

    /// Runs `job` to an outcome.
    /// - Throws: ``SyncInterruption`` when it must be tried again later (links learnt on the
    ///   way are kept), `CancellationError` on shutdown, or a store error.
    func run(_ job: SyncJob) async throws -> SyncCompletion {
        calls = 0
        throttled = 0
        switch job.work {
        case .nothing:
            return SyncCompletion(changes: job.changes, calls: 0, outcome: .delivered)
        case .order(let order):
            let request = UpstreamRequest.placeOrder(order.body)
            let response = try await call(request)
            guard response.verdict == .accepted else { return completion(job, .rejected(rejection(request, response))) }
            // The upstream restored or created the order's contact to link it; it is deleted here.
            if order.contactDeleted, let contact = response.orderContactID, let refusal = try await delete(contact) {
                return completion(job, .rejected(refusal))
            }
            return completion(job, .delivered)
        case .contact(let id, let plan):
            return try await runContact(job, id, plan)
        }
    }

    private func runContact(_ job: SyncJob, _ id: ContactID, _ plan: ContactPlan) async throws -> SyncCompletion {
        switch plan {
        case .update(let upstreamID, let body):
            let request = UpstreamRequest.updateContact(upstreamID, body)
            let response = try await call(request)
            switch response.verdict {
            case .accepted: return completion(job, .delivered)
            case .notFound: return completion(job, .rejected(rejection(request, response)), forgetsUpstreamID: true)
            default: return completion(job, .rejected(rejection(request, response)))
            }
        case .delete(let removal):
            let refusal = try await remove(removal)
            return completion(job, refusal.map { .rejected($0) } ?? .delivered, forgetsUpstreamID: refusal == nil)
        case .create(let create, let afterCreate, let onConflict, let replacing):
            if let replacing, let refusal = try await remove(replacing) {
                return completion(job, .rejected(refusal))
            }
            let request = UpstreamRequest.createContact(create)
            let response = try await call(request)
            let learnt: (upstreamID: String?, next: ContactBody)? = switch response.verdict {
            case .accepted: (response.dataID, afterCreate)
            case .conflict: (response.conflictID, onConflict)
            default: nil
            }
            guard let learnt, let upstreamID = learnt.upstreamID else { return completion(job, .rejected(rejection(request, response))) }
            let next = learnt.next
            if let owner = try await store.linkUpstreamContact(id, to: upstreamID) {
                let reason = "upstream contact \(upstreamID) is already linked to local contact \(owner.rawValue): the two local contacts are one upstream; merge or delete one"
                return completion(job, .rejected(UpstreamRejection(request: request.description, status: response.status, body: reason)))
            }
            guard !next.isEmpty else { return completion(job, .delivered) }
            return try await runContact(job, id, .update(upstreamID: upstreamID, next))
        }
    }

    /// Sends a removal's last changes (a refusal does not stop it), then deletes; an upstream
    /// contact already gone counts as removed.
    /// - Returns: the refusal of the delete, if the upstream refused it for good.
    private func remove(_ removal: UpstreamRemoval) async throws -> UpstreamRejection? {
        if !removal.lastChanges.isEmpty, try await call(.updateContact(removal.upstreamID, removal.lastChanges)).verdict == .notFound {
            return nil
        }
        return try await delete(removal.upstreamID)
    }

    /// Deletes an upstream contact; one already gone counts as deleted.
    /// - Returns: the refusal, if the upstream refused it for good.
    private func delete(_ upstreamID: String) async throws -> UpstreamRejection? {
        let request = UpstreamRequest.deleteContact(upstreamID)
        let response = try await call(request)
        return [.accepted, .notFound].contains(response.verdict) ? nil : rejection(request, response)
    }

    /// Sends one call when the pacer allows it, renewing an exchanged token once on 401.
    /// - Returns: the answer, unless it means "try again later".
    /// - Throws: ``SyncInterruption`` for 429, 5xx, network errors and refused credentials.
    private func call(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        var renewed = false
        while true {
            let delay = pacer.delay(at: .now())
            if delay > .zero { try await Task.sleep(for: delay) }
            let bearer = try await tokens.bearer()
            pacer.recordCall(at: .now())
            calls += 1
            let response = try await client.send(request, bearer: bearer)
            pacer.observe(response.rateLimit, at: .now())
            switch response.verdict {
            case .accepted, .conflict, .notFound, .rejected:
                return response
            case .throttled:
                throttled += 1
                throw SyncInterruption.throttled(request: request.description, retryAfter: response.rateLimit.retryAfter)
            case .credentialsRefused where response.status == 401 && tokens.canRenew && !renewed:
                tokens.invalidate()
                renewed = true
            case .credentialsRefused:
                throw SyncInterruption.credentialsRefused(request: request.description, status: response.status, body: response.text)
            case .transient:
                throw SyncInterruption.serverError(request: request.description, status: response.status)
            }
        }
    }

    private func completion(_ job: SyncJob, _ outcome: SyncCompletion.Outcome, forgetsUpstreamID: Bool = false) -> SyncCompletion {
        SyncCompletion(changes: job.changes, calls: calls, outcome: outcome, forgetsUpstreamID: forgetsUpstreamID)
    }

    private func rejection(_ request: UpstreamRequest, _ response: UpstreamResponse) -> UpstreamRejection {
        UpstreamRejection(request: request.description, status: response.status, body: response.text)
    }
}
