import NIOCore
import NIOHTTP1

/// Closes its connection as the server drains (SIGTERM: the server's quiesce event) or when an
/// endpoint asks (`CloseRequest`): right after the response to the request in progress, which then
/// carries `Connection: close` so the client sends nothing more on it. Without the header, a
/// keep-alive client sent its next request on a connection the server closed as soon as it had
/// answered: SIGTERM lost one request per connection. A connection with no request in progress is
/// closed after `linger` unless a request starts meanwhile (then it is answered, and the connection
/// closed): a client may have sent one that is not read yet.
/// Sits right after NIO's HTTP/1 request decoder, where requests and responses are HTTP/1 parts.
final class ConnectionDrainHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Asks for the connection to close after the response to the request in progress.
    struct CloseRequest: Sendable {}

    /// How long a connection with no request in progress stays open once closing.
    static let linger = TimeAmount.milliseconds(200)

    /// Requests whose head was read and whose response has not ended.
    private var requestsInProgress = 0
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requestsInProgress += 1 }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent || event is CloseRequest else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        closing = true
        guard requestsInProgress == 0 else { return }
        let loopBoundContext = context.loopBound
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.linger) { [self] in
            if requestsInProgress == 0 { loopBoundContext.value.close(promise: nil) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where closing && head.status.code >= 200:
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            requestsInProgress = max(0, requestsInProgress - 1)
            guard closing, requestsInProgress == 0 else {
                context.write(data, promise: promise)
                return
            }
            let loopBoundContext = context.loopBound
            context.writeAndFlush(data).flatMap { loopBoundContext.value.close() }.cascade(to: promise)
        case .head, .body:
            context.write(data, promise: promise)
        }
    }
}
