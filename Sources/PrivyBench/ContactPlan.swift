import NIOCore

/// Contact writes: a share of creates (each a new email), the rest patches of seeded customers'
/// contacts picked by the key distribution (names, tags, a custom field and email consent).
final class ContactPlan: RequestPlan {
    private let renderer: RequestRenderer
    private let contacts: [String]
    private let customers: CustomerPool
    private let picker: KeyPicker
    private let newShare: Double
    private let runTag: Int
    private let slot: Int
    private var generator: SplitMix64
    private var sent = 0
    private var body = ByteBuffer()

    init(renderer: RequestRenderer, contacts: [String], customers: CustomerPool, picker: KeyPicker, newShare: Double, runTag: Int, slot: Int, seed: UInt64) {
        self.renderer = renderer
        self.contacts = contacts
        self.customers = customers
        self.picker = picker
        self.newShare = newShare
        self.runTag = runTag
        self.slot = slot
        generator = SplitMix64(seed: seed)
    }

    func writeNext(into buffer: inout ByteBuffer) -> Bool {
        sent += 1
        body.clear()
        if generator.unit() < newShare {
            body.writeStaticString("{\"email\":\"bench-")
            body.writeDecimal(runTag)
            body.writeStaticString("-")
            body.writeDecimal(slot)
            body.writeStaticString("-")
            body.writeDecimal(sent)
            body.writeStaticString("@example.com\",")
            customers.writeName(of: sent, into: &body)
            body.writeStaticString(",\"email_consent\":\"subscribed\",\"tags\":[\"bench\"]}")
            renderer.write("POST", body: body, into: &buffer) { $0.writeStaticString("/v1/contacts") }
        } else {
            let customer = picker.pick(below: contacts.count, using: &generator)
            body.writeStaticString("{")
            customers.writeName(of: customer &+ sent, into: &body)
            body.writeStaticString(",\"tags\":[\"bench\",\"vip\"],\"custom_fields\":{\"visits\":")
            body.writeDecimal(sent)
            body.writeStaticString(generator.next() & 1 == 0 ? "},\"email_consent\":\"subscribed\"}" : "},\"email_consent\":\"unsubscribed\"}")
            renderer.write("PATCH", body: body, into: &buffer) { path in
                path.writeStaticString("/v1/contacts/")
                path.writeString(contacts[customer])
            }
        }
        return true
    }
}
