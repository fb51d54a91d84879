import ArgumentParser
import RepCountCore
import RepCountSimulation

/// `repcount-sim`: makes simulated, labelled recordings from a physically based
/// model of the body and the sensor (docs/simulator.md).
@main
struct RepCountSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repcount-sim",
        abstract: "Generate simulated, labelled accelerometer recordings of back-rehabilitation exercises.",
        discussion: """
            A model of the instrumented body segment (thigh or pelvis) goes through a
            scripted session: getting into position, sets of reps with human variability,
            rests, between-set movements, fidgets, breathing, sway and tremor. A sensor
            strapped on at a random rotation, with bias, scale and cross-axis errors,
            noise, quantisation, clock error, jitter and dropped samples, records it.
            The script's own times are written as the labels. Everything follows from
            the seed: the same command gives the same bytes.

            Regenerate the shipped recordings:
              swift run repcount-sim batch --out Recordings
            """,
        subcommands: [Batch.self, Generate.self, List.self],
        defaultSubcommand: nil
    )
}

extension Exercise: ExpressibleByArgument {}
extension Placement: ExpressibleByArgument {}
extension SensorDevice: ExpressibleByArgument {}
extension SessionPlan.Style: ExpressibleByArgument {}
