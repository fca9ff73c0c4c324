import PrivyJSON
import Testing

@Suite("JSONObject")
struct JSONObjectTests {
    @Test("keeps insertion order and looks up by key", arguments: [3, 15, 16, 17, 200])
    func lookup(count: Int) {
        let members = (0..<count).reversed().map { ("k\($0)", JSONValue.number(JSONNumber($0))) }
        let object = JSONObject(members)
        #expect(object.count == count)
        #expect(object.keys == members.map(\.0))
        #expect(object.first?.key == "k\(count - 1)")
        for index in 0..<count {
            #expect(object["k\(index)"] == .number(JSONNumber(index)))
        }
        #expect(object["missing"] == nil)
    }

    @Test("parsed objects look up by key above and below the hashing threshold", arguments: [2, 40])
    func parsedLookup(count: Int) throws {
        let text = "{" + (0..<count).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        guard case .object(let object) = try parse(text) else {
            Issue.record("expected an object")
            return
        }
        #expect(object["k\(count - 1)"] == .number(JSONNumber(count - 1)))
        #expect(object["k\(count)"] == nil)
        #expect(object.count == count)
    }

    @Test("iterates members as key–value pairs")
    func iteration() {
        let object: JSONObject = ["b": 1, "a": true]
        #expect(object.map(\.key) == ["b", "a"])
        #expect(object.map(\.value) == [1, true])
        #expect(object[1].key == "a")
    }

    @Test("equality and hashing follow member order")
    func orderMatters() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == JSONObject([("a", 1), ("b", 2)]))
        #expect(Set([ab, ba, ab]).count == 2)
    }

    @Test("duplicate keys in the initializer trap")
    func duplicateInitializerTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = JSONObject([("a", 1), ("a", 2)])
        }
    }
}
