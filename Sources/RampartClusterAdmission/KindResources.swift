/// The plural resource of a kind, as the API server's REST mapper guesses it for a kind it has no
/// discovery answer for: lower case, `y` → `ies`, `s` → `ses`, else `s`. That is every built-in
/// kind's plural but `Endpoints`', and a CRD's default plural.
public enum KindResources {
    public static func resource(group: String, kind: String) -> String {
        if group.isEmpty, kind == "Endpoints" { return "endpoints" }
        let lower = kind.lowercased()
        if lower.hasSuffix("s") { return lower + "es" }
        if lower.hasSuffix("y") { return String(lower.dropLast()) + "ies" }
        return lower + "s"
    }
}
