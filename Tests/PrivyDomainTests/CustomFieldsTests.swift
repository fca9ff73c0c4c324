import PrivyDomain
import Testing

@Suite("CustomFields")
struct CustomFieldsTests {
    @Test("keeps keys in insertion order; a repeated key keeps its place and takes the last value")
    func ordering() {
        var fields: CustomFields = ["b": .bool(true), "a": .string("x"), "b": .null]
        #expect(fields.keys == ["b", "a"])
        #expect(fields["b"] == .null)
        fields["c"] = .number(text: "1.50")
        fields["a"] = .string("y")
        #expect(fields.keys == ["b", "a", "c"])
        #expect(fields.map(\.value) == [.null, .string("y"), .number(text: "1.50")])
        #expect(fields.count == 3)
    }

    @Test("setting nil removes a key and keeps the others' order and lookups")
    func removal() {
        var fields: CustomFields = ["a": .bool(true), "b": .bool(false), "c": .null]
        fields["a"] = nil
        fields["missing"] = nil
        #expect(fields.keys == ["b", "c"])
        #expect(fields["a"] == nil)
        #expect(fields["c"] == .null)
        fields["c"] = .string("z")
        #expect(fields.map(\.value) == [.bool(false), .string("z")])
        fields["b"] = nil
        fields["c"] = nil
        #expect(fields.isEmpty)
        #expect(fields == CustomFields())
    }

    @Test("compares as a JSON object: same keys and values in any order")
    func equality() {
        let one: CustomFields = ["a": .string("1"), "b": .number(text: "2")]
        let reordered: CustomFields = ["b": .number(text: "2"), "a": .string("1")]
        #expect(one == reordered)
        #expect(one.hashValue == reordered.hashValue)
        #expect(one != ["a": .string("1"), "b": .number(text: "3")])
        #expect(one != ["a": .string("1")])
        #expect(one != ["a": .string("1"), "c": .number(text: "2")])
    }
}
