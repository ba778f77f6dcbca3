import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A TLS server channel whose context comes from a `CertificateStore` for every new connection, so a
/// rotated certificate is served from the next connection on while open ones carry on.
/// (HummingbirdTLS's `TLSChannel` fixes its context when the server starts.) Each connection also
/// gets a `ConnectionDrainHandler` after its HTTP/1 decoder.
struct ReloadingTLSChannel<BaseChannel: ServerChildChannel>: ServerChildChannel {
    typealias Value = BaseChannel.Value

    let baseChannel: BaseChannel
    let store: CertificateStore

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: store.context))
        }.flatMap {
            baseChannel.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ConnectionDrainHandler(),
                                    position: .after(try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await baseChannel.handle(value: value, logger: logger)
    }
}

extension ReloadingTLSChannel: HTTPChannelHandler where BaseChannel: HTTPChannelHandler {
    var responder: HTTPChannelHandler.Responder { baseChannel.responder }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 over TLS with the store's current certificate for each connection.
    static func reloadingTLS(_ store: CertificateStore, configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            ReloadingTLSChannel(baseChannel: HTTP1Channel(responder: responder, configuration: configuration), store: store)
        }
    }
}
