import AsyncHTTPClient
import NIOHTTP1
import PrivyJSON

/// A reproducible mix of contact and order writes over a pool of people: creates (some
/// restoring deleted contacts, some with fewer identities than before), updates of names, tags,
/// custom fields, phone and consent, unsubscribes and deletes; and orders placed for people with
/// or without a contact yet, some of them history (`initial_sync`), updated again under the same
/// id (new totals, currencies, dates, sometimes another customer). Writes the rules refuse are
/// part of the mix.
struct MixedWorkload: Sendable {
    let seed: UInt64
    let people: Int
    /// The share of writes, in percent, that place or update an order.
    var orderPercent: UInt64 = 25

    /// What a run did.
    struct Outcome: Sendable {
        /// Writes accepted (200 or 201).
        var accepted = 0
        /// The ids of the orders that were stored.
        var orderIDs: Set<Int> = []
    }

    /// Runs `operations` writes from `workers` concurrent clients, each owning a slice of the
    /// people and of the order ids, so one person's and one order's writes stay in order.
    func run(operations: Int, workers: Int, against baseURL: String, token: String, http: HTTPClient) async throws -> Outcome {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var client = Worker(workload: self, mine: Array(stride(from: worker, to: people, by: workers)), firstOrderID: worker + 1, orderIDStride: workers,
                                        generator: SplitMix64(seed: seed &+ UInt64(worker) &* 0x9E37_79B9))
                    var outcome = Outcome()
                    for _ in 0..<(operations / workers) {
                        let (method, path, body) = client.nextRequest()
                        let response = try await http.json(method, baseURL + path, token: token, body: body)
                        if response.status == 200 || response.status == 201 { outcome.accepted += 1 }
                        client.learn(from: response, to: method, path)
                    }
                    outcome.orderIDs = client.storedOrders
                    return outcome
                }
            }
            return try await group.reduce(into: Outcome()) { total, part in
                total.accepted += part.accepted
                total.orderIDs.formUnion(part.orderIDs)
            }
        }
    }

    /// Person `n`'s email (`n % 3 != 1`).
    fileprivate static func email(of person: Int) -> String? {
        person % 3 != 1 ? "p\(person)@example.com" : nil
    }

    /// Person `n`'s phone (`n % 3 != 0`).
    fileprivate static func phone(of person: Int) -> String? {
        person % 3 != 0 ? "+1555" + String(String(1_000_000 + person).suffix(7)) : nil
    }
}

/// One client of a workload: its people, what it learnt of their contacts, and its orders.
private struct Worker {
    let workload: MixedWorkload
    let mine: [Int]
    let firstOrderID: Int
    let orderIDStride: Int
    var generator: SplitMix64
    /// The contact id of each person, once known.
    var ids: [Int: String] = [:]
    /// Each order placed so far and the person it was last placed for.
    var orders: [(id: Int, person: Int)] = []
    /// The orders the server stored.
    var storedOrders: Set<Int> = []
    /// The person of the last request.
    var person = 0

    mutating func nextRequest() -> (HTTPMethod, String, String?) {
        person = mine[Int(generator.next() % UInt64(mine.count))]
        return chance(workload.orderPercent) ? orderRequest() : contactRequest()
    }

    /// Keeps the contact id a create answered (or the conflict named) and the orders stored.
    mutating func learn(from response: RemoteResponse, to method: HTTPMethod, _ path: String) {
        if method == .POST, path == "/v1/contacts" {
            ids[person] = response.json["data"]?["id"]?.stringValue ?? response.json["error"]?["id"]?.stringValue ?? ids[person]
        }
        if path == "/v1/orders/placed", [200, 201].contains(response.status), let id = response.json["data"]?["order_id"]?.intValue {
            storedOrders.insert(id)
        }
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

    private mutating func contactRequest() -> (HTTPMethod, String, String?) {
        let email = MixedWorkload.email(of: person)
        let phone = MixedWorkload.phone(of: person)
        let id = ids[person]
        var fields: [(String, JSONValue)] = []
        let roll = generator.next() % 100
        guard let id, roll >= 10 else {
            fields.append(("email", email.map(JSONValue.string) ?? .null))
            // A first create may leave the phone out; a re-create (a restore) keeps it, since a
            // restore that drops the phone would keep an SMS opt-in without one (a domain rule gap).
            if let phone, email == nil || id != nil || chance(60) { fields.append(("phone_number", .string(phone))) }
            fields.append(("first_name", .string("F\(generator.next() % 1000)")))
            if chance(50) { fields.append(("email_consent", .string(pick(["subscribed", "unsubscribed", "never_subscribed", "suppressed"])))) }
            if phone != nil, chance(40) { fields.append(("sms_consent", .string(pick(["subscribed", "single_opt_in"])))) }
            if chance(30) { fields.append(("send_welcome_sms", .bool(false))) }
            if chance(50) { fields.append(("tags", .array(pick([["vip"], ["a", "b"], []]).map(JSONValue.string)))) }
            return (.POST, "/v1/contacts", JSONValue.object(JSONObject(fields.filter { $0.1 != .null })).serializedString())
        }
        switch roll {
        case 10..<20:
            return (.DELETE, "/v1/contacts/\(id)", nil)
        case 20..<28:
            return (.POST, "/v1/contacts/\(id)/unsubscribe", nil)
        default:
            if chance(50) { fields.append(("first_name", chance(10) ? .null : .string("F\(generator.next() % 1000)"))) }
            if chance(30) { fields.append(("last_name", .string("L\(generator.next() % 100)"))) }
            if chance(30) { fields.append(("tags", .array(pick([["vip"], ["x", "y", "z"], []]).map(JSONValue.string)))) }
            if chance(30) { fields.append(("custom_fields", .object(["points": .number(JSONNumber(generator.next() % 500)), "tier": .string(pick(["gold", "tin"]))]))) }
            if chance(35) { fields.append(("email_consent", .string(pick(["subscribed", "unsubscribed", "never_subscribed", "suppressed"])))) }
            if chance(35) { fields.append(("sms_consent", .string(pick(["subscribed", "unsubscribed", "never_subscribed", "single_opt_in"])))) }
            if let phone, chance(20) { fields.append(("phone_number", .string(phone))) }
            if chance(20) { fields.append(("send_welcome_sms", .bool(false))) }
            if fields.isEmpty { fields.append(("first_name", .string("Only"))) }
            return (.PATCH, "/v1/contacts/\(id)", JSONValue.object(JSONObject(fields)).serializedString())
        }
    }

    /// A new order (40% history) for the person, or an update of an earlier one: a new total,
    /// currency, date or status, and sometimes another of this worker's people as the customer.
    /// The customer is named by email when the person has one (so an order never splits a
    /// person into two contacts), with the phone half of the time.
    private mutating func orderRequest() -> (HTTPMethod, String, String?) {
        var fields: [(String, JSONValue)] = []
        if !orders.isEmpty, chance(40) {
            let slot = Int(generator.next() % UInt64(orders.count))
            if !chance(15) { person = orders[slot].person }
            orders[slot].person = person
            let id = orders[slot].id
            fields.append(("order_id", chance(20) ? .string("00\(id)") : .number(JSONNumber(id))))
            if chance(30) { fields.append(("initial_sync", .bool(chance(50)))) }
        } else {
            let id = firstOrderID + orders.count * orderIDStride
            orders.append((id, person))
            fields.append(("order_id", .number(JSONNumber(id))))
            fields.append(("initial_sync", .bool(chance(40))))
        }
        let email = MixedWorkload.email(of: person)
        let phone = MixedWorkload.phone(of: person)
        fields.append(("total", .string("\(generator.next() % 500).\(10 + generator.next() % 90)")))
        fields.append(("currency", .string(pick(["USD", "USD", "usd", "EUR"]))))
        fields.append(("order_date", .string("2026-0\(1 + generator.next() % 6)-1\(generator.next() % 10)T\(10 + generator.next() % 10):30:00Z")))
        fields.append(("email", email.map(JSONValue.string) ?? .null))
        let withPhone = phone != nil && (email == nil || chance(50))
        fields.append(("phone", withPhone ? phone.map(JSONValue.string) ?? .null : .null))
        if chance(30) { fields.append(("accepts_email_marketing", .bool(chance(70)))) }
        if withPhone, chance(25) { fields.append(("accepts_sms_marketing", .bool(true))) }
        if chance(40) { fields.append(("financial_status", .string(pick(["paid", "pending", "refunded"])))) }
        if chance(30) { fields.append(("billing_address", .object(["first_name": .string("B\(generator.next() % 100)"), "last_name": "Buyer"]))) }
        return (.POST, "/v1/orders/placed", JSONValue.object(JSONObject(fields)).serializedString())
    }
}

/// A small seeded generator, so a workload is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
