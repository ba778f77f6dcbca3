import Foundation
import RampartLoading
import Testing
import TestSupport

/// The real-world manifests of `../shared`: the corpus loads without a single error, and every
/// known-broken file is reported with its line.
@Suite(.enabled(if: Fixtures.sharedDirectory != nil, "needs ../shared"))
struct SharedCorpusTests {
    @Test func everyCorpusFileLoadsWithoutErrors() throws {
        let corpus = try #require(Fixtures.sharedDirectory).appendingPathComponent("corpus")
        let files = Fixtures.files(under: corpus)
        #expect(files.count > 1_000)
        var objects = 0
        for file in files {
            let result = ManifestLoader.load(Array(try Data(contentsOf: file)), file: file.path)
            #expect(result.errors.isEmpty, "\(file.path): \(result.errors.map(\.description))")
            objects += result.objects.count
        }
        #expect(objects > 3_000)
    }

    @Test func everyBadInputFileIsAnErrorWithALine() throws {
        let bad = try #require(Fixtures.sharedDirectory).appendingPathComponent("bad-input")
        let files = Fixtures.files(under: bad, extensions: ["yaml", "yml"])
        #expect(!files.isEmpty)
        for file in files {
            let result = ManifestLoader.load(Array(try Data(contentsOf: file)), file: file.path)
            #expect(!result.errors.isEmpty, "\(file.path) should not load cleanly")
            #expect(result.errors.allSatisfy { $0.line > 0 && $0.file == file.path })
        }
    }
}
