import PrivyJSON
import Testing

@Suite("Round trips")
struct RoundTripTests {
    @Test(
        "compact documents serialize back byte for byte",
        arguments: [
            "null", "true", "[]", "{}", #""""#, "-0", "0.10", "1e400",
            #"{"amount":"12.50","cents":1250,"rate":0.10,"big":123456789012345678901234567890}"#,
            #"[1,[2,[3,[4,[]]]],{"a":{"b":{"c":{}}}}]"#,
            #"{"text":"line\nbreak \"quoted\" back\\slash tab\t é 😀 \u0000"}"#,
            #"{"z":1,"y":2,"x":3,"w":4,"v":5,"u":6,"t":7,"s":8,"r":9,"q":10,"p":11,"o":12,"n":13,"m":14,"l":15,"k":16,"j":17}"#,
        ])
    func bytewise(text: String) throws {
        #expect(try parse(text).serializedString() == text)
    }

    @Test("insignificant whitespace is dropped")
    func whitespaceDropped() throws {
        #expect(try parse(" { \"a\" : [ 1 , 2 ] ,\n\t\"b\" : null } ").serializedString() == #"{"a":[1,2],"b":null}"#)
    }

    @Test("escapes normalize to the writer's canonical form")
    func canonicalEscapes() throws {
        #expect(try parse(#""\u0041\/\u00e9\ud83d\ude00\u001F""#).serializedString() == #""A/é😀\u001f""#)
    }

    @Test("parse(serialize(v)) == v")
    func valueRoundTrip() throws {
        let value: JSONValue = [
            "user": [
                "email": "a@example.com", "tags": ["x", "y"], "active": true, "score": .number(JSONNumber("-1.25e-3")!),
            ],
            "controls": .string((0...0x7F).map { String(UnicodeScalar(UInt8($0))) }.joined()),
            "empty": [:], "nothing": .null, "list": [[], [[]], 0],
        ]
        #expect(try JSONParser.parse(value.serialized()) == value)
    }
}
