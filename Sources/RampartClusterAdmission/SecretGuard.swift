import RampartCEL

/// Keeps a Secret's data out of every output: text that an expression computes over a request
/// about a Secret (a message expression, an audit annotation, an evaluation error, which may quote a
/// value) is never shown; the static message or the expression's source stands in for it.
public enum SecretGuard {
    /// True when `object`, `oldObject` or `params` of `bindings` is a core Secret.
    public static func involvesSecret(_ bindings: [String: CELValue]) -> Bool {
        ["object", "oldObject", "params"].contains { key in
            guard case .map(let object)? = bindings[key] else { return false }
            return object[string: "kind"] == .string("Secret") && object[string: "apiVersion"] == .string("v1")
        }
    }

    /// What is said instead of an evaluation error over a Secret: the error's text may quote its data.
    public static let withheldError = "the error's text is withheld: the object is a Secret and the text may quote its data"
}
