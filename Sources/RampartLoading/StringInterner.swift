/// Gives equal strings of one parse one shared storage. Keys and values repeat across a stream's
/// objects (`terminationMessagePolicy`, `app.kubernetes.io/name`, namespace, image and service account
/// names): three in four of the strings too long to be stored inline (more than 15 bytes) repeat within
/// a 256 KiB chunk of a cluster dump, and each copy costs an allocation of 48 bytes or more in the value
/// tree. Shorter strings are built as usual (Swift keeps them inline, without allocating).
///
/// The table lives as long as the parse: it keeps one string per hash of the bytes (a later string
/// whose hash collides is simply not shared), so it never grows past the strings of the parse.
struct StringInterner {
    /// Longest UTF-8 string Swift stores inline on 64-bit platforms.
    private static let inlineCapacity = 15
    private var shared: [Int: String] = [:]

    /// The string of the UTF-8 `bytes`, shared with an equal one met before where there is one.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineCapacity else { return String(decoding: bytes, as: UTF8.self) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let candidate = shared[hash], candidate.utf8.elementsEqual(bytes) { return candidate }
        let string = String(decoding: bytes, as: UTF8.self)
        if shared[hash] == nil { shared[hash] = string }
        return string
    }
}
