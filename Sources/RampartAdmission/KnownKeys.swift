/// The keys that nearly every AdmissionReview repeats (the review's own fields, object metadata,
/// pod and container specs), so the parser can hand out the same `String` for them instead of
/// making one per occurrence.
///
/// Measured with callgrind on the 5 KB Pod review of `bench/webhook`: the parser made 380 strings
/// per review at about 200 instructions each, more than half of them keys, and keys longer than 15 bytes
/// each cost an allocation and a free besides. A lookup here is a hash of the first eight bytes and
/// one comparison.
struct KnownKeys: Sendable {
    static let shared = KnownKeys(keys)

    /// A slot of the open-addressing table: a key's first eight bytes (as a little-endian word, zero
    /// padded), its length, where its bytes are in `storage`, and its index in `strings` (-1: empty).
    /// Plain values only, so probing copies no references.
    private struct Slot: Sendable {
        var prefix: UInt64 = 0
        var length = 0
        var offset = 0
        var key = -1
    }

    private let slots: [Slot]
    /// Every key's bytes, one after another.
    private let storage: [UInt8]
    private let strings: [String]

    private init(_ keys: [String]) {
        let strings = Array(Set(keys))
        var capacity = 1
        while capacity < strings.count * 4 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var storage: [UInt8] = []
        for (position, key) in strings.enumerated() {
            let bytes = Array(key.utf8)
            let prefix = bytes.withUnsafeBufferPointer(Self.prefix)
            var index = Self.slot(prefix: prefix, length: bytes.count, mask: capacity - 1)
            while slots[index].key >= 0 { index = (index + 1) & (capacity - 1) }
            slots[index] = Slot(prefix: prefix, length: bytes.count, offset: storage.count, key: position)
            storage += bytes
        }
        self.slots = slots
        self.storage = storage
        self.strings = strings
    }

    /// The known key spelled by `bytes`, or nil.
    func string(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let prefix = Self.prefix(bytes)
        let found: Int = slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                let mask = slots.count - 1
                var index = Self.slot(prefix: prefix, length: bytes.count, mask: mask)
                while slots[index].key >= 0 {
                    if slots[index].prefix == prefix, slots[index].length == bytes.count,
                       Self.sameTail(storage.baseAddress! + slots[index].offset, base, count: bytes.count) {
                        return slots[index].key
                    }
                    index = (index + 1) & mask
                }
                return -1
            }
        }
        return found >= 0 ? strings[found] : nil
    }

    /// True when the bytes after the first eight are the same (the first eight are compared as a word).
    private static func sameTail(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 8
        while offset < count {
            guard lhs[offset] == rhs[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The first eight bytes (fewer when shorter, zero padded) as a little-endian word.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        return UInt64(littleEndian: word)
    }

    private static func slot(prefix: UInt64, length: Int, mask: Int) -> Int {
        Int(truncatingIfNeeded: ((prefix ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Field names of `admission.k8s.io/v1` AdmissionReview, object metadata and the core workload
    /// API (pods, containers, volumes, security contexts, probes).
    static let keys = [
        // AdmissionReview and its request.
        "apiVersion", "kind", "request", "uid", "group", "version", "resource", "subResource", "requestKind",
        "requestResource", "requestSubResource", "name", "namespace", "operation", "userInfo", "username", "groups",
        "extra", "object", "oldObject", "dryRun", "options", "fieldManager",
        // Object metadata.
        "metadata", "generateName", "creationTimestamp", "labels", "annotations", "ownerReferences", "controller",
        "blockOwnerDeletion", "resourceVersion", "generation", "finalizers", "deletionTimestamp", "spec", "status",
        // Pod spec.
        "containers", "initContainers", "ephemeralContainers", "volumes", "serviceAccountName", "serviceAccount",
        "automountServiceAccountToken", "nodeName", "nodeSelector", "affinity", "tolerations", "hostNetwork", "hostPID",
        "hostIPC", "hostUsers", "securityContext", "restartPolicy", "terminationGracePeriodSeconds", "dnsPolicy",
        "schedulerName", "priority", "priorityClassName", "runtimeClassName", "enableServiceLinks", "preemptionPolicy",
        "imagePullSecrets", "topologySpreadConstraints", "shareProcessNamespace", "overhead", "os", "hostname",
        "subdomain", "key", "operator", "effect", "tolerationSeconds", "value", "values",
        // Containers.
        "image", "imagePullPolicy", "command", "args", "workingDir", "ports", "containerPort", "hostPort", "protocol",
        "env", "envFrom", "valueFrom", "secretKeyRef", "configMapKeyRef", "fieldRef", "fieldPath", "resourceFieldRef",
        "secretRef", "configMapRef", "optional", "prefix", "resources", "limits", "requests", "cpu", "memory",
        "ephemeral-storage", "volumeMounts", "mountPath", "readOnly", "subPath", "livenessProbe", "readinessProbe",
        "startupProbe", "httpGet", "path", "port", "scheme", "tcpSocket", "exec", "grpc", "initialDelaySeconds",
        "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold", "lifecycle", "preStop",
        "postStart", "terminationMessagePath", "terminationMessagePolicy", "stdin", "tty",
        // Security contexts.
        "privileged", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "runAsNonRoot", "runAsUser", "runAsGroup",
        "fsGroup", "supplementalGroups", "capabilities", "add", "drop", "seccompProfile", "type", "localhostProfile",
        "appArmorProfile", "seLinuxOptions", "procMount", "sysctls", "windowsOptions", "hostProcess",
        // Volumes.
        "configMap", "secret", "secretName", "emptyDir", "medium", "sizeLimit", "hostPath", "persistentVolumeClaim",
        "claimName", "projected", "sources", "serviceAccountToken", "expirationSeconds", "audience", "downwardAPI",
        "items", "defaultMode", "mode", "csi", "driver", "ephemeral",
    ]
}
