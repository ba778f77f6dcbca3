/// A problem reaching or reading a cluster, worded for the user. Never contains a credential.
public struct KubeError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
