/// The image rule family, in catalog order.
public enum ImageRules {
    public static let all: [any Rule] = [
        ImagesLatestTag(),
        ImagesNoDigest(),
        ImagesUntrustedRegistry(),
        ImagesPullPolicy(),
        ImagesVulnerable(),
        ImagesSignatureNotVerified(),
    ]
}
