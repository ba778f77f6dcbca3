/// The exposure rule family, in catalog order. Host ports are the Pod Security check `pss.host-ports`.
public enum ExposureRules {
    public static let all: [any Rule] = [
        ExposureLoadBalancer(),
        ExposureNodePort(),
        ExposureExternalIPs(),
        ExposureIngressWithoutTLS(),
        ExposureReferenceWithoutGrant(),
        ExposureIngressNginxSnippets(),
    ]
}
