extension SplitMix64 {
    /// An RFC 3339 timestamp in 2024, as Kubernetes writes `creationTimestamp`.
    mutating func timestamp() -> String {
        let fields = [int(1...12), int(1...28), int(0...23), int(0...59), int(0...59)].map { String($0).leftPadded(to: 2) }
        return "2024-\(fields[0])-\(fields[1])T\(fields[2]):\(fields[3]):\(fields[4])Z"
    }

    /// An image digest.
    mutating func digest() -> String {
        "sha256:" + hex(64)
    }

    /// A pod IP in the cluster's pod range.
    mutating func podIP() -> String {
        "10.\(int(0...63)).\(int(0...255)).\(int(2...254))"
    }

    /// Base64 of `count` random bytes, the shape of Secret data (the generator never needs real values).
    mutating func base64(bytes count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let characters = (count + 2) / 3 * 4
        let padding = (3 - count % 3) % 3
        return String((0..<(characters - padding)).map { _ in alphabet[int(0...63)] }) + String(repeating: "=", count: padding)
    }
}
