import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix
import RepCountJSON
import RepCountProtocol

/// One connection to `repcountd`: send requests, read the daemon's JSON
/// lines (responses, errors and, once watching, events).
///
/// Open it with `DaemonConnection.withConnection(socketPath:_:)`; it is
/// closed when the body returns. Use it from one task at a time.
public final class DaemonConnection {
    /// The socket this connection talks to.
    public let socketPath: String
    /// The daemon's `hello` (protocol version, server, requests).
    public private(set) var hello: JSONValue = .null

    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var nextID = 1
    /// Messages read while waiting for a response, handed out by `nextMessage` first.
    private var pending: [(line: String, message: JSONValue)] = []

    private init(socketPath: String, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, inbound: NIOAsyncChannelInboundStream<ByteBuffer>) {
        self.socketPath = socketPath
        self.outbound = outbound
        self.inbound = inbound.makeAsyncIterator()
    }

    /// Connects, reads the hello, checks the protocol version, runs `body`,
    /// and closes the connection.
    public static func withConnection<T: Sendable>(
        socketPath: String, _ body: (DaemonConnection) async throws -> T
    ) async throws -> T {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: socketPath) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as IOError {
            throw ClientError.cannotConnect(path: socketPath, reason: String(cString: strerror(error.errnoCode)))
        } catch {
            throw ClientError.cannotConnect(path: socketPath, reason: "\(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            let connection = DaemonConnection(socketPath: socketPath, outbound: outbound, inbound: inbound)
            guard let hello = try await connection.readMessage(), hello.message["type"]?.string == "hello" else {
                throw ClientError.malformedMessage(path: socketPath, line: "", reason: "no hello")
            }
            connection.hello = hello.message
            guard hello.message["protocol"]?.int == DaemonProtocol.version else {
                throw ClientError.unsupportedProtocol(path: socketPath, found: hello.message["protocol"]?.int)
            }
            return try await body(connection)
        }
    }

    /// Sends a request and returns the id it carries (fresh unless given).
    @discardableResult
    public func send(_ request: Request, id: RequestID? = nil) async throws -> RequestID {
        let id = id ?? .number(Double(nextID))
        nextID += 1
        var w = JSONWriter(capacity: 128)
        request.encode(id: id, into: &w)
        try await outbound.write(ByteBuffer(bytes: w.bytes))
        return id
    }

    /// Sends raw bytes (tests use this to send what a correct client would not).
    public func sendRaw(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Sends `request` and waits for its response; events that arrive first
    /// are kept for `nextLine`/`nextMessage`. Throws `ClientError.refused`
    /// with the daemon's code and message if it answers with an error.
    public func call(_ request: Request) async throws -> JSONValue {
        try await callLine(request).message
    }

    /// Like `call`, and also returns the response line exactly as the daemon sent it.
    public func callLine(_ request: Request) async throws -> (line: String, message: JSONValue) {
        let id = try await send(request)
        while true {
            guard let (line, message) = try await readMessage() else { throw ClientError.closed(path: socketPath) }
            let type = message["type"]?.string
            if (type == "response" || type == "error"), RequestID(message["id"]) == id {
                if type == "error" {
                    throw ClientError.refused(
                        request: request.name, code: message["code"]?.string ?? "", message: message["message"]?.string ?? "")
                }
                return (line, message)
            }
            pending.append((line, message))
        }
    }

    /// The next line from the daemon (without the newline), or `nil` once it closed.
    public func nextLine() async throws -> String? {
        if !pending.isEmpty { return pending.removeFirst().line }
        return try await readMessage()?.line
    }

    /// The next message from the daemon, parsed, or `nil` once it closed.
    public func nextMessage() async throws -> JSONValue? {
        if !pending.isEmpty { return pending.removeFirst().message }
        return try await readMessage()?.message
    }

    private func readMessage() async throws -> (line: String, message: JSONValue)? {
        guard let buffer = try await inbound.next() else { return nil }
        let line = String(buffer: buffer)
        let message: JSONValue
        do {
            message = try JSONValue.parse(buffer.readableBytesView)
        } catch {
            throw ClientError.malformedMessage(path: socketPath, line: line, reason: "\(error)")
        }
        guard message.object != nil else {
            throw ClientError.malformedMessage(path: socketPath, line: line, reason: "not an object")
        }
        return (line, message)
    }
}
