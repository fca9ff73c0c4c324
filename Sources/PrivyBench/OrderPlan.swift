import NIOCore

/// Order upserts: a share of new orders, the rest updates of placed ones picked by the key
/// distribution (under a Zipf law the most recent orders are the hottest).
final class OrderPlan: RequestPlan {
    private let renderer: RequestRenderer
    private let path: String
    private let keys: OrderKeySpace
    private let bodies: OrderBodyWriter
    private let picker: KeyPicker
    private let newShare: Double
    private var generator: SplitMix64
    private var body = ByteBuffer()

    init(renderer: RequestRenderer, path: String, keys: OrderKeySpace, bodies: OrderBodyWriter, picker: KeyPicker, newShare: Double, seed: UInt64) {
        self.renderer = renderer
        self.path = path
        self.keys = keys
        self.bodies = bodies
        self.picker = picker
        self.newShare = newShare
        generator = SplitMix64(seed: seed)
    }

    func writeNext(into buffer: inout ByteBuffer) -> Bool {
        let placed = keys.count
        body.clear()
        if placed == 0 || generator.unit() < newShare {
            bodies.write(index: keys.allocate(), update: false, into: &body)
        } else {
            bodies.write(index: placed - picker.pick(below: placed, using: &generator), update: true, into: &body)
        }
        renderer.write("POST", body: body, into: &buffer) { $0.writeString(path) }
        return true
    }
}
