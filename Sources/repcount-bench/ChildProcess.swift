import Foundation

/// Runs a program as a child process and measures it: wall time from start
/// to exit, CPU time, and peak resident set (`ru_maxrss` from `wait4`).
///
/// Linux starts a child's `ru_maxrss` at the high-water mark of the memory
/// it had before `exec`. With `posix_spawn` (which shares the parent's
/// memory until `exec`) that is the parent's whole peak, which for this
/// benchmark, holding millions of samples, would swamp the figure. So the
/// measured program is started by a fresh copy of this executable
/// (`--measure-child`), which `fork`s (the copy holds only the few pages the
/// small helper has written) and `exec`s it, then reports what `wait4` says.
/// `measure(["true"])` shows the floor that remains.
enum ChildProcess {
    struct Result {
        var status: Int32
        var seconds: Double
        /// User plus system CPU time of the child.
        var cpuSeconds: Double
        var peakRSSBytes: Int
        /// What the child wrote on stdout, when captured.
        var output: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The hidden first argument that makes this executable a measuring helper.
    static let helperFlag = "--measure-child"

    /// Runs `command` (searched in PATH) through the measuring helper; its
    /// stdout goes to /dev/null, or is returned when `captureOutput` is set.
    static func run(_ command: [String], captureOutput: Bool = false) throws -> Result {
        let scratch = NSTemporaryDirectory() + "repcount-bench-\(getpid())-\(UUID().uuidString)"
        let childOutput = captureOutput ? scratch + ".out" : "/dev/null"
        let report = scratch + ".report"
        defer {
            unlink(scratch + ".out")
            unlink(report)
        }
        let helper = [executablePath(), helperFlag, childOutput] + command
        let status = try spawn(helper, stdoutPath: report)
        guard status == 0,
            let data = FileManager.default.contents(atPath: report),
            let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let childStatus = o["status"] as? Int, let seconds = o["seconds"] as? Double,
            let cpu = o["cpu_seconds"] as? Double, let rss = o["peak_rss_bytes"] as? Int
        else { throw Failure(description: "measuring helper failed (status \(status)) for \(command.joined(separator: " "))") }
        let output = captureOutput ? ((try? String(contentsOfFile: childOutput, encoding: .utf8)) ?? "") : ""
        return Result(status: Int32(childStatus), seconds: seconds, cpuSeconds: cpu, peakRSSBytes: rss, output: output)
    }

    /// The helper's job: fork, exec `command` with stdout to `stdoutPath`,
    /// wait, and print the measurement as one JSON object.
    static func helperMain(_ arguments: [String]) -> Never {
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data(("usage: \(helperFlag) STDOUT_PATH COMMAND...\n").utf8))
            exit(2)
        }
        let stdoutPath = arguments[0]
        let command = Array(arguments[1...])
        // Everything the child needs is prepared before fork: after it, only
        // async-signal-safe calls are allowed.
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let path = strdup(stdoutPath)
        let start = ContinuousClock.now
        let pid = fork()
        if pid == 0 {
            let fd = open(path!, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if fd >= 0 { dup2(fd, 1) }
            execvp(argv[0]!, argv)
            _exit(127)
        }
        guard pid > 0 else {
            FileHandle.standardError.write(Data(("fork: \(String(cString: strerror(errno)))\n").utf8))
            exit(1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                FileHandle.standardError.write(Data(("wait4: \(String(cString: strerror(errno)))\n").utf8))
                exit(1)
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
        // WIFEXITED/WEXITSTATUS are macros; decode the status word by hand.
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // ru_maxrss is in kilobytes on Linux.
        print(#"{"status":\#(exitStatus),"seconds":\#(seconds),"cpu_seconds":\#(cpu),"peak_rss_bytes":\#(Int(usage.ru_maxrss) * 1024)}"#)
        exit(0)
    }

    /// posix_spawn with stdout to a file; returns the exit status.
    private static func spawn(_ arguments: [String], stdoutPath: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw Failure(description: "posix_spawn(\(arguments[0])): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// This executable, resolved through /proc so a relative argv[0] works.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
