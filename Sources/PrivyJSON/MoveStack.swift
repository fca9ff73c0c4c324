/// A growable stack that hands its top elements over to a new array by moving them, without
/// copying or reference counting each element.
///
/// ``ByteParser`` keeps the children of all open containers on such stacks and pops a
/// container's children into its final array when the container closes.
struct MoveStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// Creates an empty stack; storage is allocated on the first push.
    init() {
        storage = .allocate(capacity: 0)
        capacity = 0
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes `element` on top of the stack.
    mutating func push(_ element: consuming Element) {
        if count == capacity {
            grow()
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The element at `index`, counted from the bottom of the stack.
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "MoveStack index out of range")
            return UnsafePointer(storage + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "MoveStack index out of range")
            return storage + index
        }
    }

    /// Calls `body` with the elements from `start` to the top of the stack.
    func withElements<Result>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        precondition(start >= 0 && start <= count, "MoveStack start out of range")
        return body(UnsafeBufferPointer(start: storage + start, count: count - start))
    }

    /// Removes the elements from `start` to the top of the stack and returns them in order.
    mutating func pop(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count, "MoveStack start out of range")
        var elements: [Element] = []
        elements.reserveCapacity(count - start)
        for offset in start..<count {
            elements.append((storage + offset).move())
        }
        count = start
        return elements
    }

    /// Moves the elements to storage twice as large (at least 16 elements).
    private mutating func grow() {
        let newCapacity = max(16, 2 * capacity)
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
