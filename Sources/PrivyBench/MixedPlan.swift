import NIOCore

/// Reads and writes: a share of reads of seeded customers' contacts (three in four by id, picked
/// by the key distribution, one in four a list page), the rest order upserts for the same
/// customers, so reads see the order stats the writes change.
final class MixedPlan: RequestPlan {
    private let renderer: RequestRenderer
    private let contacts: [String]
    private let writes: OrderPlan
    private let picker: KeyPicker
    private let readShare: Double
    private let pages: Int
    private var generator: SplitMix64

    init(renderer: RequestRenderer, contacts: [String], writes: OrderPlan, picker: KeyPicker, readShare: Double, seed: UInt64) {
        self.renderer = renderer
        self.contacts = contacts
        self.writes = writes
        self.picker = picker
        self.readShare = readShare
        pages = max(1, min(40, contacts.count / 25))
        generator = SplitMix64(seed: seed)
    }

    func writeNext(into buffer: inout ByteBuffer) -> Bool {
        guard generator.unit() < readShare else { return writes.writeNext(into: &buffer) }
        let draw = generator.next()
        if draw & 3 == 0 {
            renderer.write("GET", body: nil, into: &buffer) { path in
                path.writeStaticString("/v1/contacts?per_page=25&page=")
                path.writeDecimal(1 + Int((draw >> 2) % UInt64(pages)))
            }
        } else {
            let customer = picker.pick(below: contacts.count, using: &generator)
            renderer.write("GET", body: nil, into: &buffer) { path in
                path.writeStaticString("/v1/contacts/")
                path.writeString(contacts[customer])
            }
        }
        return true
    }
}
