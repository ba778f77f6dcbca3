import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules

/// The configuration file and the baseline report: what the platform team decided about findings.
struct PolicyOptions: ParsableArguments {
    /// The configuration read when `--config` is not given and this file exists.
    static let defaultConfigFile = ".rampart.yaml"

    @Option(help: "Configuration file (default: \(PolicyOptions.defaultConfigFile) when present).")
    var config: String?

    @Option(help: "An earlier JSON report: findings recorded there are not reported again.")
    var baseline: String?

    @Option(help: "The Kubernetes release the cluster is to run (e.g. 1.33): manifests of APIs it no longer serves are reported. Default: the configuration's targetVersion.")
    var targetVersion: String?

    /// Today's date in UTC, `YYYY-MM-DD`, for exception expiry.
    static var today: String { UTCDate.today }

    /// The configuration; a configuration with errors stops the command (exit 2) after listing them.
    func loadConfig() throws -> PolicyConfig {
        let path = config ?? (FileManager.default.fileExists(atPath: Self.defaultConfigFile) ? Self.defaultConfigFile : nil)
        var policy = PolicyConfig()
        if let path {
            let (parsed, errors) = try ConfigFile.read(path)
            try ConfigFile.stop(on: errors)
            policy = parsed.policy
        }
        if let targetVersion, !policy.settings.setTargetVersion(targetVersion) {
            throw ValidationError("--target-version must be a Kubernetes release such as 1.33, not '\(targetVersion)'")
        }
        return policy
    }

    /// The baseline, when one is given.
    func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        let (parsed, errors) = Baseline.parse(try ConfigFile.bytes(of: baseline), file: baseline)
        try ConfigFile.stop(on: errors)
        return parsed
    }
}
