import Foundation
import Synchronization

/// Unicode scripts for `\p{Greek}` and friends. The standard library does not expose the Script property, so
/// the ranges of a script are read once from ICU (through `NSRegularExpression`, which Foundation builds on) by
/// matching `\p{Script=Name}` over a text of every assigned scalar, and cached for the life of the process.
enum UnicodeScripts {
    /// Go's `unicode.Scripts` names (Unicode 15).
    static let names: Set<String> = [
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum", "Bassa_Vah",
        "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid", "Canadian_Aboriginal",
        "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform",
        "Cypriot", "Cypro_Minoan", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan",
        "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian", "Glagolitic", "Gothic", "Grantha",
        "Greek", "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran",
        "Hebrew", "Hiragana", "Imperial_Aramaic", "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian",
        "Javanese", "Kaithi", "Kannada", "Katakana", "Kawi", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer",
        "Khojki", "Khudawadi", "Lao", "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian",
        "Mahajani", "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin",
        "Meetei_Mayek", "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian",
        "Mro", "Multani", "Myanmar", "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu",
        "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic", "Old_North_Arabian",
        "Old_Permic", "Old_Persian", "Old_Sogdian", "Old_South_Arabian", "Old_Turkic", "Old_Uyghur", "Oriya", "Osage",
        "Osmanya", "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang",
        "Runic", "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian",
        "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac", "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham",
        "Tai_Viet", "Takri", "Tamil", "Tangsa", "Tangut", "Telugu", "Thaana", "Thai", "Tibetan", "Tifinagh",
        "Tirhuta", "Toto", "Ugaritic", "Vai", "Vithkuqi", "Wancho", "Warang_Citi", "Yezidi", "Yi", "Zanabazar_Square",
    ]

    /// The scalar ranges of the script `name` (one of `names`), sorted; empty if ICU does not know it.
    static func ranges(of name: String) -> [ClosedRange<UInt32>] {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let ranges = read(name)
        cache.withLock { $0[name] = ranges }
        return ranges
    }

    private static let cache = Mutex<[String: [ClosedRange<UInt32>]]>([:])

    /// Every assigned scalar in order (private use and unassigned code points have no script of Go's).
    private static let assignedScalars: String = {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }()

    private static func read(_ name: String) -> [ClosedRange<UInt32>] {
        guard let expression = try? NSRegularExpression(pattern: "\\p{Script=\(name)}+") else { return [] }
        let text = assignedScalars
        var ranges: [ClosedRange<UInt32>] = []
        var scalars = text.unicodeScalars.makeIterator()
        var offset = 0  // in UTF-16 units, where `scalars` stands
        for match in expression.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
            while offset < match.range.location, let skipped = scalars.next() { offset += skipped.utf16.count }
            while offset < match.range.location + match.range.length, let scalar = scalars.next() {
                offset += scalar.utf16.count
                if let last = ranges.last, last.upperBound &+ 1 == scalar.value {
                    ranges[ranges.count - 1] = last.lowerBound...scalar.value
                } else {
                    ranges.append(scalar.value...scalar.value)
                }
            }
        }
        return ranges
    }
}
