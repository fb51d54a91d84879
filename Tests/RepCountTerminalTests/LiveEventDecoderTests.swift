import RepCountCore
import Testing

@testable import RepCountTerminal

/// Lines as the daemon writes them (docs/protocol.md) into view events.
struct LiveEventDecoderTests {
    let decoder = LiveEventDecoder(endpoint: "/run/x.sock")

    @Test func helloAndSensor() {
        #expect(
            decoder.decode(#"{"type":"hello","protocol":1,"server":"repcountd 0.1","requests":["watch"]}"#)
                == [.connected(endpoint: "/run/x.sock", server: "repcountd 0.1 (protocol 1)")])
        #expect(decoder.decode(#"{"state":"lost","type":"sensor","message":"iiod gone"}"#) == [.sensor(SensorStatus(level: .lost, text: "lost", detail: "iiod gone"))])
        #expect(decoder.decode(#"{"type":"sensor","state":"connected"}"#) == [.sensor(SensorStatus(level: .ok, text: "connected"))])
    }

    @Test func pipelineEvents() {
        #expect(decoder.decode(#"{"type":"state","state":"holding","time":12.5}"#) == [.pipeline(.state(.holding, time: 12.5))])
        #expect(decoder.decode(#"{"type":"hold","time":13,"hold_s":0.5,"target_hold_s":6}"#) == [.holdTick(seconds: 0.5)])
        #expect(
            decoder.decode(#"{"type":"hold_target_reached","time":18.5,"hold_s":6.0}"#)
                == [.pipeline(.holdTargetReached(time: 18.5, holdSeconds: 6))])
        let rep = decoder.decode(
            #"{"type":"rep","set":1,"rep":3,"start":12.1,"end":20.4,"hold_s":6.2,"side":"left","hold_start":13,"hold_end":19.2,"target_hold_s":5,"short":false,"peak_deg":21.5}"#
        )
        let expected = Rep(
            set: 1, number: 3, start: 12.1, holdStart: 13, holdEnd: 19.2, end: 20.4, holdSeconds: 6.2, targetHoldSeconds: 5,
            side: .left, peakDegrees: 21.5)
        #expect(rep == [.pipeline(.rep(expected))])
        #expect(
            decoder.decode(#"{"type":"set","set":2,"reps":10,"start":1,"end":90,"mean_hold_s":6,"short_reps":1}"#)
                == [.pipeline(.setEnded(SetSummary(index: 2, reps: [], start: 1, end: 90)))])
    }

    @Test func sessionsAndStatus() {
        let started = #"{"type":"session","phase":"started","session":4,"exercise":"wall-sit","placement":"thigh","target_reps":8,"target_hold_s":12,"target_sets":2,"started_at":1.7e9}"#
        #expect(decoder.decode(started) == [.session(exercise: .wallSit, targets: Targets(holdSeconds: 12, reps: 8, sets: 2), side: nil)])
        #expect(decoder.decode(#"{"type":"session","phase":"ended","reason":"stopped","reps":3,"sets":1}"#) == [.sessionEnded])
        let status = #"{"type":"response","id":"status","request":"status","ok":true,"sensor":"connected","state":"holding","hold_s":2.5,"session":{"session":1,"exercise":"bridge","target_reps":10,"target_hold_s":6,"target_sets":3,"set":2,"reps_in_set":4}}"#
        #expect(
            decoder.decode(status) == [
                .session(exercise: .bridge, targets: Targets(holdSeconds: 6, reps: 10, sets: 3), side: nil),
                .status(
                    LiveStatus(
                        set: 2, repsInSet: 4, state: .holding, holdElapsed: 2.5,
                        sensor: SensorStatus(level: .ok, text: "connected"))),
            ])
        let idle = #"{"type":"response","request":"status","ok":true,"sensor":"ended","state":"idle","session":null}"#
        #expect(decoder.decode(idle) == [.status(LiveStatus(sensor: SensorStatus(level: .warning, text: "ended")))])
    }

    @Test func errorsAndNoise() {
        #expect(decoder.decode(#"{"type":"error","id":null,"code":"bad_json","message":"not JSON"}"#) == [.error("bad_json: not JSON")])
        #expect(decoder.decode("not json").isEmpty)
        #expect(decoder.decode(#"{"type":"motion","time":1,"tilt_deg":3,"state":"rest"}"#).isEmpty)
        #expect(decoder.decode(#"{"type":"future_thing","x":1}"#).isEmpty)
        #expect(decoder.decode(#"{"type":"rep","set":"one"}"#).isEmpty)
        #expect(decoder.decode(#"{"type":"response","request":"watch","ok":true}"#).isEmpty)
    }
}
