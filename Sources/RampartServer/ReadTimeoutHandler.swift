import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection on which nothing was read for the read timeout of the `IdleStateHandler`
/// before it: a stalled request body (slowloris) or a keep-alive connection left idle. This bounds
/// every request's time without a timer per request.
///
/// A connection whose request has been read whole and whose answer is not yet written is waiting on
/// the server, not on the client: the timeout does not close it, however long the judgement takes
/// (a heavy review on a loaded machine), or the client would get a reset instead of its answer.
final class ReadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests read to their end whose responses have not been finished yet.
    private var awaitingAnswers = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) { awaitingAnswers += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), awaitingAnswers > 0 { awaitingAnswers -= 1 }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            if awaitingAnswers == 0 { context.close(promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
