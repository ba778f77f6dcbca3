/// Descriptions of the values that hold credentials name the method, never the secret, so that a
/// stray `print` or string interpolation cannot leak a token or key.
extension ClusterConnection.Authentication: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        switch self {
        case .none: "no credentials"
        case .token: "bearer token (hidden)"
        case .tokenFile(let file): "bearer token from \(file)"
        case .exec(let plugin): "exec plugin \(plugin.command)"
        }
    }

    public var debugDescription: String { description }
}

extension Kubeconfig.User: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        var methods: [String] = []
        if clientCertificate != nil || clientCertificateData != nil { methods.append("client certificate") }
        if token != nil || tokenFile != nil { methods.append("bearer token") }
        if let exec { methods.append("exec plugin \(exec.command)") }
        return "user (\(methods.isEmpty ? "no credentials" : methods.joined(separator: ", ")); secrets hidden)"
    }

    public var debugDescription: String { description }
}

extension ExecCredentialPlugin.Credential: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "exec credential (\(token != nil ? "token" : "client certificate"); hidden)"
    }

    public var debugDescription: String { description }
}
