/// An error of a Kubernetes CEL library function (`ip()`, `cidr()`, `quantity()`, `semver()`, `url()`,
/// `asInteger()`, ...), carrying the message the API server's CEL environment reports, word for word.
public struct KubeLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message as Kubernetes prints it (the text of the CEL evaluation error).
    public let message: String

    /// An error with this message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The error cel-go gives when an argument reaches a function that cannot take it.
    static let noSuchOverload = KubeLibraryError("no such overload")
}
