import RampartLoading
import Testing
@testable import RampartKube

/// An answer of the API server that cannot be read is located at the resource, marked live, without a
/// position inside the answer (line 0), never as a file and line that do not exist.
@Suite struct LiveErrorLocationTests {
    @Test(arguments: [
        (APIResource(group: "", version: "v1", name: "pods", kind: "Pod", namespaced: true), "pods (live)"),
        (APIResource(group: "apps", version: "v1", name: "deployments", kind: "Deployment", namespaced: true),
         "deployments.apps (live)"),
    ])
    func aBrokenListAnswerNamesTheResource(resource: APIResource, location: String) throws {
        let page = LiveObjects.page(Array("{\"kind\": \"PodList\", \"items\": [".utf8), of: resource)
        let error = try #require(page.error)
        #expect(page.objects.isEmpty && page.next == nil)
        #expect(error.file == location)
        #expect(error.line == 0 && error.column == 0)
        #expect(!error.message.isEmpty)
    }

    @Test func aReadableListAnswerHasNoError() {
        let resource = APIResource(group: "", version: "v1", name: "pods", kind: "Pod", namespaced: true)
        let page = LiveObjects.page(Array("{\"items\": [{\"metadata\": {\"name\": \"p\"}}]}".utf8), of: resource)
        #expect(page.error == nil && page.objects.map(\.name) == ["p"])
    }
}
