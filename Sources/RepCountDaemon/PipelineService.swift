import Logging
import RepCountProtocol
import ServiceLifecycle
import UnixSignals

/// Runs the sample source into the engine, pings the watchdog, reloads the
/// plan on SIGHUP; on graceful shutdown stops the source and ends the
/// session in progress so that nothing counted is lost.
final class PipelineService: Service {
    private let source: any SampleSource
    private let engine: Engine
    private let hub: EventHub
    private let configuration: Daemon.Configuration
    private let notifier: SystemdNotifier
    private let logger: Logger

    init(source: any SampleSource, engine: Engine, hub: EventHub, configuration: Daemon.Configuration, notifier: SystemdNotifier, logger: Logger) {
        self.source = source
        self.engine = engine
        self.hub = hub
        self.configuration = configuration
        self.notifier = notifier
        self.logger = logger
    }

    func run() async throws {
        let source = self.source
        let engine = self.engine
        let hub = self.hub
        let logger = self.logger
        let configuration = self.configuration
        let notifier = self.notifier
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                if configuration.waitForWatchers > 0 {
                    logger.info("waiting for watchers", metadata: ["watchers.wanted": "\(configuration.waitForWatchers)"])
                    await hub.waitForWatchers(configuration.waitForWatchers)
                    if Task.isCancelled { return }
                }
                do {
                    try await source.run { await engine.handle($0) }
                } catch {
                    logger.error("sample source failed", metadata: ["source.name": "\(source.name)", "source.error": "\(error)"])
                    await engine.handle(.sensor(.ended, message: "\(error)"))
                }
            }
            if let interval = notifier.watchdogInterval {
                // Half the interval, as sd_watchdog_enabled(3) advises, so one late ping is not fatal.
                let period = interval / 2
                group.addTask {
                    while !Task.isCancelled {
                        await engine.tick()
                        try? await Task.sleep(for: period)
                    }
                }
            }
            // SIGHUP is always trapped (`Daemon.run` ignores it until then), so that a
            // reload without a plan file is still logged and still answers systemd's
            // RELOADING=1 with READY=1.
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    notifier.reloading()
                    if let planPath = configuration.planPath {
                        do {
                            await engine.reload(plan: try Plan.load(path: planPath))
                        } catch {
                            logger.error("plan not reloaded; keeping the old one", metadata: ["config.error": "\(error)"])
                        }
                    } else {
                        logger.notice("SIGHUP without a plan file: keeping the built-in plan")
                    }
                    notifier.ready(status: "plan reloaded")
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        await engine.shutdown()
    }
}
