/// Encodes any `Encodable` into a `JSON` value whose objects keep the order the value encoded
/// its keys in (a synthesized `encode(to:)` follows the declaration order), so a `Codable`
/// struct renders as a stable, diff-friendly file. Unlike Foundation's encoder, an optional
/// that is nil is written as `null`, not left out: a reader sees every key the format has.
public struct OrderedJSONEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSON {
        let node = Node(codingPath: [])
        try value.encode(to: node)
        return node.value
    }

    /// One value being encoded: a leaf, an object or an array of further nodes.
    final class Node: Encoder {
        enum Content {
            case empty
            case leaf(JSON)
            case object([(String, Node)])
            case array([Node])
        }

        var content = Content.empty
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

        var value: JSON {
            switch content {
            case .empty: return .null
            case .leaf(let j): return j
            case .object(let pairs): return .object(pairs.map { ($0.0, $0.1.value) })
            case .array(let items): return .array(items.map(\.value))
            }
        }

        func set(_ json: JSON) { content = .leaf(json) }

        /// A child for `key`, replacing an earlier one of the same name in place.
        func child(_ key: String) -> Node {
            let node = Node(codingPath: codingPath + [AnyKey(key)])
            var pairs: [(String, Node)] = []
            if case .object(let existing) = content { pairs = existing }
            if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = node } else { pairs.append((key, node)) }
            content = .object(pairs)
            return node
        }

        func appended() -> Node {
            let node = Node(codingPath: codingPath)
            var items: [Node] = []
            if case .array(let existing) = content { items = existing }
            items.append(node)
            content = .array(items)
            return node
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = content {} else { content = .object([]) }
            return KeyedEncodingContainer(Keyed<Key>(node: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = content {} else { content = .array([]) }
            return Unkeyed(node: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: self) }

        static func encode<T: Encodable>(_ value: T, into node: Node) throws {
            switch value {
            case let s as String: node.set(.string(s))
            case let b as Bool: node.set(.bool(b))
            case let i as Int: node.set(.int(i))
            case let d as Double: node.set(.number(d))
            default: try value.encode(to: node)
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).set(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try Node.encode(value, into: node.child(key.stringValue)) }
        // nil is written as null (Foundation's encoder leaves the key out).
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            node.child(key.stringValue).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { node.child(key.stringValue).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { node.child("super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { node.child(key.stringValue) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }
        var count: Int { if case .array(let items) = node.content { return items.count }; return 0 }

        mutating func encodeNil() throws { node.appended().set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try Node.encode(value, into: node.appended()) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            node.appended().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { node.appended().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { node.appended() }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }

        mutating func encodeNil() throws { node.set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try Node.encode(value, into: node) }
    }
}
