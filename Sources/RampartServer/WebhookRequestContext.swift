import Hummingbird
import NIOCore

/// The request context of the webhook's routes: Hummingbird's, plus the request's connection, so an
/// endpoint that stops reading a body can have the connection closed once its answer is written.
struct WebhookRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    private let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    /// Closes the connection after the answer to the current request (see `ConnectionDrainHandler`).
    func closeAfterResponse() {
        channel.pipeline.fireUserInboundEventTriggered(ConnectionDrainHandler.CloseRequest())
    }
}
