import NIOCore

/// Closes a connection on which nothing was read for the read timeout of the `IdleStateHandler`
/// before it: a stalled request body (slowloris) or a keep-alive connection left idle. This bounds
/// every request's time without a timer per request.
final class ReadTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
