import NIOCore
import PrivyJSON

/// Creates the customers' contacts before a contacts or mixed run: connection `slot` of `slots`
/// creates customers `slot`, `slot + slots`, … and keeps each id (from a 201, or the existing
/// contact's id from a 409 when an earlier run created it).
final class SeedPlan: RequestPlan {
    private let renderer: RequestRenderer
    private let customers: CustomerPool
    private let results: SeededContacts
    private let stride: Int
    private var next: Int
    private var current = 0
    private var body = ByteBuffer()

    init(renderer: RequestRenderer, customers: CustomerPool, results: SeededContacts, slot: Int, slots: Int) {
        self.renderer = renderer
        self.customers = customers
        self.results = results
        stride = slots
        next = slot
    }

    var wantsBody: Bool { true }

    func writeNext(into buffer: inout ByteBuffer) -> Bool {
        guard next < customers.count else { return false }
        current = next
        next += stride
        body.clear()
        body.writeStaticString("{\"email\":")
        customers.writeEmail(of: current, into: &body)
        body.writeStaticString(",\"phone_number\":")
        customers.writePhone(of: current, into: &body)
        body.writeStaticString(",")
        customers.writeName(of: current, into: &body)
        body.writeStaticString(",\"email_consent\":\"subscribed\"}")
        renderer.write("POST", body: body, into: &buffer) { $0.writeStaticString("/v1/contacts") }
        return true
    }

    func completed(status: Int, body: ByteBuffer) {
        guard status == 201 || status == 409,
              let json = try? JSONParser.parse(body.readableBytesView),
              case .object(let root) = json,
              case .object(let envelope) = root["data"] ?? root["error"],
              case .string(let id) = envelope["id"]
        else { return }
        results.record(id, for: current)
    }
}
