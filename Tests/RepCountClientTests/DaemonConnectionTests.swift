import Foundation
import NIOCore
import NIOPosix
import RepCountJSON
import RepCountProtocol
import Testing

@testable import RepCountClient

/// The client against real Unix sockets served by a small in-test server
/// that plays the daemon's part (hello, replies), including the ways a
/// daemon can disappoint a client. The real daemon is exercised end to end
/// in RepCountDaemonTests.
@Suite struct DaemonConnectionTests {
    /// A one-connection server: sends `hello`, then answers each request line
    /// with `reply(line)` (several lines allowed, or none), then closes when told.
    final class ScriptedServer: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let hello: String
        let reply: @Sendable (String) -> [String]
        var pending = ""

        init(hello: String, reply: @escaping @Sendable (String) -> [String]) {
            self.hello = hello
            self.reply = reply
        }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: hello + "\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            pending += String(buffer: unwrapInboundIn(data))
            while let newline = pending.firstIndex(of: "\n") {
                let line = String(pending[..<newline])
                pending.removeSubrange(...newline)
                let out = reply(line)
                if out == ["<close>"] { context.close(promise: nil); return }
                for l in out { context.write(wrapOutboundOut(ByteBuffer(string: l + "\n")), promise: nil) }
                context.flush()
            }
        }
    }

    func withServer<T: Sendable>(
        hello: String = #"{"type":"hello","protocol":1,"server":"test"}"#,
        reply: @escaping @Sendable (String) -> [String],
        _ body: (String) async throws -> T
    ) async throws -> T {
        let dir = NSTemporaryDirectory() + "rcc-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/s.sock"
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ScriptedServer(hello: hello, reply: reply))
                }
            }
            .bind(unixDomainSocketPath: path).get()
        do {
            let result = try await body(path)
            try await server.close()
            return result
        } catch {
            try? await server.close()
            throw error
        }
    }

    @Test func callMatchesTheResponseByIdAndKeepsEventsThatCameFirst() async throws {
        let result = try await withServer(reply: { line in
            let id = (try? JSONValue.parse(line))?["id"]?.int ?? -1
            return [
                #"{"type":"rep","set":1,"rep":1}"#,
                #"{"type":"response","id":999,"request":"status","ok":true}"#,
                #"{"type":"response","id":\#(id),"request":"status","ok":true,"state":"rest"}"#,
            ]
        }) { path in
            try await DaemonConnection.withConnection(socketPath: path) { c in
                #expect(c.hello["server"]?.string == "test")
                let response = try await c.call(.status)
                let first = try await c.nextLine()
                let second = try await c.nextMessage()
                return (response["state"]?.string, first, second?["id"]?.int)
            }
        }
        #expect(result.0 == "rest")
        #expect(result.1 == #"{"type":"rep","set":1,"rep":1}"#)
        #expect(result.2 == 999)
    }

    @Test func anErrorReplyBecomesRefused() async throws {
        await #expect(throws: ClientError.refused(request: "stop", code: "no_session", message: "no session is running")) {
            try await withServer(reply: { line in
                let id = (try? JSONValue.parse(line))?["id"]?.int ?? -1
                return [#"{"type":"error","id":\#(id),"code":"no_session","message":"no session is running"}"#]
            }) { path in
                try await DaemonConnection.withConnection(socketPath: path) { c in _ = try await c.call(.stop) }
            }
        }
    }

    @Test func anotherProtocolVersionIsRefused() async throws {
        do {
            try await withServer(hello: #"{"type":"hello","protocol":2}"#, reply: { _ in [] }) { path in
                try await DaemonConnection.withConnection(socketPath: path) { _ in }
            }
            Issue.record("accepted protocol 2")
        } catch let error as ClientError {
            guard case let .unsupportedProtocol(_, found) = error else { Issue.record("\(error)"); return }
            #expect(found == 2)
        }
    }

    @Test func aDaemonThatClosesMidCallIsReported() async throws {
        await #expect(throws: ClientError.self) {
            try await withServer(reply: { _ in ["<close>"] }) { path in
                try await DaemonConnection.withConnection(socketPath: path) { c in _ = try await c.call(.status) }
            }
        }
    }

    @Test func garbageFromTheDaemonIsMalformed() async throws {
        do {
            try await withServer(reply: { _ in ["this is not json"] }) { path in
                try await DaemonConnection.withConnection(socketPath: path) { c in _ = try await c.call(.status) }
            }
            Issue.record("accepted garbage")
        } catch let error as ClientError {
            guard case let .malformedMessage(_, line, _) = error else { Issue.record("\(error)"); return }
            #expect(line == "this is not json")
        }
    }

    @Test func noDaemonIsCannotConnectNamingThePath() async throws {
        let path = "/tmp/rcc-none-\(getpid()).sock"
        do {
            try await DaemonConnection.withConnection(socketPath: path) { _ in }
            Issue.record("connected to nothing")
        } catch let error as ClientError {
            guard case let .cannotConnect(p, reason) = error else { Issue.record("\(error)"); return }
            #expect(p == path)
            #expect(reason == "No such file or directory")
            #expect(error.description.contains(path))
        }
    }
}
