import Testing

@testable import RepCountProtocol

@Suite struct DaemonPathsTests {
    typealias Env = DaemonPaths.Environment

    @Test func serviceDirectoriesComeFirst() {
        let env = Env(
            values: ["RUNTIME_DIRECTORY": "/run/repcount", "STATE_DIRECTORY": "/var/lib/repcount:/var/lib/other",
                     "CONFIGURATION_DIRECTORY": "/etc/repcount", "XDG_RUNTIME_DIR": "/run/user/1000"],
            isRoot: false)
        #expect(DaemonPaths.socket(env) == "/run/repcount/repcount.sock")
        #expect(DaemonPaths.database(env) == "/var/lib/repcount/history.db")
        #expect(DaemonPaths.configCandidates(env).first == "/etc/repcount/config.json")
    }

    @Test func aUserGetsXDGPaths() {
        let env = Env(values: ["XDG_RUNTIME_DIR": "/run/user/1000", "HOME": "/home/ann"], isRoot: false)
        #expect(DaemonPaths.socket(env) == "/run/user/1000/repcount.sock")
        #expect(DaemonPaths.database(env) == "/home/ann/.local/share/repcount/history.db")
        #expect(DaemonPaths.configCandidates(env) == ["/home/ann/.config/repcount/config.json", "/etc/repcount/config.json"])
        let xdg = Env(values: ["XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c", "HOME": "/home/ann"], isRoot: false)
        #expect(DaemonPaths.database(xdg) == "/d/repcount/history.db")
        #expect(DaemonPaths.configCandidates(xdg).first == "/c/repcount/config.json")
    }

    @Test func rootWithoutServiceDirectoriesUsesSystemPaths() {
        let env = Env(values: ["XDG_RUNTIME_DIR": "/run/user/0", "HOME": "/root"], isRoot: true)
        #expect(DaemonPaths.socket(env) == DaemonPaths.systemSocket)
        #expect(DaemonPaths.database(env) == DaemonPaths.systemDatabase)
    }

    @Test func anExplicitSocketVariableWins() {
        let env = Env(values: ["REPCOUNT_SOCKET": "/tmp/x.sock", "RUNTIME_DIRECTORY": "/run/repcount"], isRoot: false)
        #expect(DaemonPaths.socket(env) == "/tmp/x.sock")
        // Empty counts as unset.
        #expect(DaemonPaths.socket(Env(values: ["REPCOUNT_SOCKET": "", "XDG_RUNTIME_DIR": "/r"], isRoot: false)) == "/r/repcount.sock")
    }
}
