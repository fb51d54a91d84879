import Logging
import NIOCore
import RepCountProtocol

/// One client connection: frames request lines, answers them, and (once the
/// client sent `watch`) receives events from the hub.
///
/// Lives on the hub's event loop; everything here runs there.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let engine: Engine
    private let hub: EventHub
    private var logger: Logger
    private var framer = LineFramer(maximumLength: DaemonProtocol.maximumLineBytes)
    private var context: ChannelHandlerContext?
    private var dropped = false
    /// Requests sent to the engine and not yet answered.
    private var inFlight = 0

    /// Most requests one connection may have waiting for the engine. A client
    /// waits for its answers long before this (the CLI sends one request); a
    /// flood beyond it is refused with `busy` rather than queued without bound.
    static let maximumRequestsInFlight = 64

    init(engine: Engine, hub: EventHub, logger: Logger, connection: Int) {
        self.engine = engine
        self.hub = hub
        var logger = logger
        logger[metadataKey: "client.id"] = "\(connection)"
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        hub.remove(self)
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        logger.debug("client connected")
        send(Engine.line(.hello(server: Daemon.serverName)))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        hub.remove(self)
        logger.debug("client disconnected")
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        framer.append(&bytes)
        while !dropped, let item = framer.next() {
            switch item {
            case let .line(line):
                if line.readableBytesView.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                handle(line)
            case let .tooLong(n):
                logger.notice("request line too long", metadata: ["request.bytes": "\(n)"])
                send(Engine.error(
                    id: nil, code: "line_too_long",
                    message: "request line longer than \(DaemonProtocol.maximumLineBytes) bytes (\(n) seen); discarded up to the next newline"))
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.notice("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    private func handle(_ bytes: ByteBuffer) {
        let request: Request
        let id: RequestID?
        do {
            (request, id) = try Request.parse(line: bytes.readableBytesView)
        } catch {
            logger.info("bad request", metadata: ["request.error": "\(error.code)", "request.message": "\(error.message)"])
            send(Engine.line(.error(error)))
            return
        }
        switch request {
        case let .watch(motion):
            hub.add(self, motion: motion)
            send(Engine.ok(request, id: id) { _ in })
        case .unwatch:
            hub.remove(self)
            send(Engine.ok(request, id: id) { _ in })
        default:
            // The engine is an actor: ask it off the loop, answer back on the loop.
            guard let context else { return }
            guard inFlight < Self.maximumRequestsInFlight else {
                send(Engine.error(
                    id: id, code: "busy",
                    message: "more than \(Self.maximumRequestsInFlight) requests waiting on this connection; wait for answers"))
                return
            }
            inFlight += 1
            let loop = context.eventLoop
            let this = NIOLoopBound(self, eventLoop: loop)
            let engine = self.engine
            Task {
                let reply = await engine.respond(to: request, id: id)
                loop.execute {
                    this.value.inFlight -= 1
                    this.value.send(reply)
                }
            }
        }
    }

    /// Queues `buffer` for the client, or drops the client if it has stopped
    /// reading: once more than the channel's high water mark is waiting
    /// (`Daemon.Configuration.maximumClientBacklogBytes`), the channel turns
    /// unwritable and any further message closes the connection instead of
    /// growing the daemon's memory.
    func send(_ buffer: ByteBuffer) {
        guard let context, !dropped else { return }
        guard context.channel.isActive else { return }
        if !context.channel.isWritable {
            dropped = true
            hub.remove(self)
            logger.warning("dropping a client that stopped reading")
            context.close(promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }
}
