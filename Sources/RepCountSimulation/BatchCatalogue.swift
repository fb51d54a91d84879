import RepCountCore

/// The fixed list of recordings shipped in `Recordings/`: exercises, placements,
/// styles, devices, rates and seeds. `repcount-sim batch` regenerates exactly
/// these, bit for bit.
public enum BatchCatalogue {
    /// Every recording of the batch, in file-name order.
    public static let recordings: [RecordingSpec] = {
        typealias P = SessionPlan
        func spec(_ exercise: Exercise, _ placement: Placement, _ n: Int, _ style: P.Style, sets: Int, reps: Int, hold: Double,
                  _ device: SensorDevice, _ rate: Double) -> RecordingSpec {
            let number = n < 10 ? "0\(n)" : "\(n)"
            // Seeds are spread over exercise and placement so no two files share one.
            let seed = UInt64(1000 * (Exercise.allCases.firstIndex(of: exercise)! + 1) + 100 * (Placement.allCases.firstIndex(of: placement)! + 1) + n)
            return RecordingSpec(name: "sim-\(exercise.rawValue)-\(placement.rawValue)-\(number)",
                                 plan: P(exercise: exercise, placement: placement, style: style, sets: sets, reps: reps, holdTarget: hold),
                                 device: device, sampleRate: rate, seed: seed)
        }
        return [
            spec(.bridge, .thigh, 1, .standard, sets: 3, reps: 10, hold: 6, .adxl345, 100),
            spec(.bridge, .thigh, 2, .standard, sets: 2, reps: 12, hold: 6, .lis3dh, 50),
            spec(.bridge, .thigh, 3, .quick, sets: 3, reps: 15, hold: 0, .mpu6050, 200),
            spec(.bridge, .thigh, 4, .slow, sets: 2, reps: 8, hold: 6, .adxl355, 125),
            spec(.bridge, .thigh, 5, .standard, sets: 1, reps: 10, hold: 10, .adxl345, 400),
            spec(.bridge, .thigh, 6, .standard, sets: 3, reps: 8, hold: 6, .mpu6050, 50),
            spec(.bridge, .thigh, 7, .quick, sets: 3, reps: 15, hold: 0, .lis3dh, 100),
            spec(.bridge, .thigh, 8, .standard, sets: 2, reps: 10, hold: 6, .adxl355, 62.5),
            spec(.bridge, .hip, 1, .standard, sets: 3, reps: 10, hold: 6, .adxl345, 100),
            spec(.bridge, .hip, 2, .standard, sets: 2, reps: 12, hold: 6, .mpu6050, 250),
            spec(.bridge, .hip, 3, .quick, sets: 3, reps: 15, hold: 0, .lis3dh, 50),
            spec(.bridge, .hip, 4, .slow, sets: 2, reps: 10, hold: 6, .adxl355, 125),
            spec(.bridge, .hip, 5, .standard, sets: 1, reps: 12, hold: 10, .lis3dh, 200),
            spec(.bridge, .hip, 6, .standard, sets: 3, reps: 8, hold: 6, .mpu6050, 100),
            spec(.bridge, .hip, 7, .standard, sets: 2, reps: 10, hold: 6, .adxl345, 400),
            spec(.wallSit, .thigh, 1, .standard, sets: 1, reps: 10, hold: 10, .adxl345, 100),
            spec(.wallSit, .thigh, 2, .standard, sets: 1, reps: 8, hold: 10, .lis3dh, 50),
            spec(.wallSit, .thigh, 3, .standard, sets: 2, reps: 6, hold: 10, .mpu6050, 200),
            spec(.wallSit, .thigh, 4, .standard, sets: 1, reps: 12, hold: 10, .adxl355, 250),
            spec(.wallSit, .thigh, 5, .slow, sets: 1, reps: 10, hold: 10, .mpu6050, 125),
            spec(.wallSit, .thigh, 6, .standard, sets: 1, reps: 10, hold: 10, .lis3dh, 400),
            spec(.wallSit, .thigh, 7, .standard, sets: 2, reps: 8, hold: 10, .mpu6050, 50),
            spec(.birdDog, .lowerBack, 1, .standard, sets: 1, reps: 10, hold: 5, .adxl345, 100),
            spec(.birdDog, .lowerBack, 2, .standard, sets: 1, reps: 8, hold: 5, .lis3dh, 50),
            spec(.birdDog, .lowerBack, 3, .standard, sets: 2, reps: 10, hold: 5, .mpu6050, 200),
            spec(.birdDog, .lowerBack, 4, .blocks, sets: 1, reps: 10, hold: 5, .adxl355, 125),
            spec(.birdDog, .lowerBack, 5, .slow, sets: 1, reps: 8, hold: 5, .adxl345, 400),
            spec(.birdDog, .lowerBack, 6, .standard, sets: 1, reps: 12, hold: 5, .mpu6050, 100),
            spec(.birdDog, .lowerBack, 7, .standard, sets: 2, reps: 8, hold: 5, .adxl355, 250),
            spec(.birdDog, .thigh, 1, .standard, sets: 1, reps: 10, hold: 5, .adxl345, 100),
            spec(.birdDog, .thigh, 2, .blocks, sets: 1, reps: 10, hold: 5, .lis3dh, 50),
            spec(.birdDog, .thigh, 3, .standard, sets: 2, reps: 8, hold: 5, .mpu6050, 125),
            spec(.birdDog, .thigh, 4, .standard, sets: 1, reps: 12, hold: 5, .adxl355, 62.5),
            spec(.birdDog, .thigh, 5, .slow, sets: 1, reps: 8, hold: 5, .lis3dh, 200),
            spec(.birdDog, .thigh, 6, .blocks, sets: 2, reps: 8, hold: 5, .mpu6050, 400),
        ]
    }()

    /// The spec named `name`.
    public static func recording(named name: String) throws(SimulationError) -> RecordingSpec {
        guard let s = recordings.first(where: { $0.name == name }) else { throw .unknownRecording(name: name) }
        return s
    }
}
