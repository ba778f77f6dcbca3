import Foundation
import RampartLoading
import RampartModel

/// `load FILE...`: what every `rampart` command pays before its engine runs: reading the files,
/// parsing them into objects and indexing the inventory. Prints the object count and seconds.
func load(_ paths: [String]) {
    guard !paths.isEmpty else { fail(usage) }
    let start = Date()
    var objects: [KubeObject] = []
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        objects += ManifestLoader.load(Array(data), file: path).objects
    }
    let inventory = Inventory(objects: objects)
    let seconds = Date().timeIntervalSince(start)
    print("objects \(inventory.objects.count) seconds \(String(format: "%.3f", seconds))")
}
