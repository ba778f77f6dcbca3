/// Decoding scalars from valid UTF-8 (the bytes of a Swift `String`) by byte offset.
enum UTF8Text {
    /// The scalar starting at `offset` and its length in bytes; (-1, 0) at the end.
    static func scalar(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        guard offset < text.count else { return (-1, 0) }
        let lead = Int(text[offset])
        if lead < 0x80 { return (lead, 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= text.count else { return (0xFFFD, 1) }
        var value = lead & (0x7F >> length)
        for index in 1..<length { value = value << 6 | Int(text[offset + index] & 0x3F) }
        return (value, length)
    }

    /// The scalar ending just before `offset`; -1 at the start.
    static func scalar(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset > 0 else { return -1 }
        var start = offset - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: text).0
    }
}
