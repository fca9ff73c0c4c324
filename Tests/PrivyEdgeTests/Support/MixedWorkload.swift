import AsyncHTTPClient
import NIOHTTP1
import PrivyJSON

/// A reproducible mix of contact writes over a pool of people: creates (some restoring deleted
/// contacts, some with fewer identities than before), updates of names, tags, custom fields,
/// phone and consent, unsubscribes and deletes. Writes the rules refuse are part of the mix.
struct MixedWorkload: Sendable {
    let seed: UInt64
    let people: Int

    /// Runs `operations` writes from `workers` concurrent clients, each owning a slice of the
    /// people so one person's writes stay in order.
    /// - Returns: how many writes were accepted (200 or 201).
    func run(operations: Int, workers: Int, against baseURL: String, token: String, http: HTTPClient) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var generator = SplitMix64(seed: seed &+ UInt64(worker) &* 0x9E37_79B9)
                    var ids: [Int: String] = [:]
                    var accepted = 0
                    let mine = Array(stride(from: worker, to: people, by: workers))
                    for _ in 0..<(operations / workers) {
                        let person = mine[Int(generator.next() % UInt64(mine.count))]
                        let (method, path, body) = request(for: person, id: ids[person], using: &generator)
                        let response = try await http.json(method, baseURL + path, token: token, body: body)
                        if response.status == 200 || response.status == 201 { accepted += 1 }
                        if method == .POST, path == "/v1/contacts" {
                            ids[person] = response.json["data"]?["id"]?.stringValue ?? response.json["error"]?["id"]?.stringValue ?? ids[person]
                        }
                    }
                    return accepted
                }
            }
            return try await group.reduce(0, +)
        }
    }

    /// Person `n` has an email (`n % 3 != 1`), a phone (`n % 3 != 0`), or both.
    private func request(for person: Int, id: String?, using generator: inout SplitMix64) -> (HTTPMethod, String, String?) {
        let email = person % 3 != 1 ? "p\(person)@example.com" : nil
        let phone = person % 3 != 0 ? "+1555" + String(String(1_000_000 + person).suffix(7)) : nil
        func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
        func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
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
