/// Accelerometer parts the generator imitates, with the datasheet-level figures
/// its error model draws from. Values are typical specifications rounded to what
/// matters here; `docs/simulator.md` lists the sources.
public enum SensorDevice: String, Sendable, CaseIterable {
    case adxl345
    case adxl355
    case lis3dh
    case mpu6050

    /// Output data rates the part offers in the 50-400 Hz band, Hz.
    public var rates: [Double] {
        switch self {
        case .adxl345, .lis3dh: [50, 100, 200, 400]
        case .adxl355: [62.5, 125, 250]
        case .mpu6050: [50, 100, 125, 200, 250, 400]
        }
    }

    /// Full-scale range used, in g (the reading clips beyond it).
    public var rangeG: Double {
        switch self {
        case .adxl345: 16  // full-resolution mode keeps 3.9 mg/LSB at every range
        case .adxl355: 2
        case .lis3dh: 2
        case .mpu6050: 8
        }
    }

    /// One least-significant bit, in g.
    public var lsbG: Double {
        switch self {
        case .adxl345: 0.0039  // full resolution: 3.9 mg/LSB
        case .adxl355: 0.0000039  // 20 bit at ±2 g: 3.9 µg/LSB
        case .lis3dh: 0.004  // normal (10-bit) mode at ±2 g: 4 mg/LSB
        case .mpu6050: 1.0 / 4096  // ±8 g: 4096 LSB/g
        }
    }

    /// Noise spectral density, µg/√Hz (x/y; z is often worse, see `zNoiseFactor`).
    public var noiseDensity: Double {
        switch self {
        case .adxl345: 400  // ~1 LSB rms at 100 Hz ODR
        case .adxl355: 25
        case .lis3dh: 220
        case .mpu6050: 400
        }
    }

    /// How much noisier the z axis is than x and y.
    public var zNoiseFactor: Double {
        switch self {
        case .adxl345: 1.5
        default: 1.0
        }
    }

    /// Typical zero-g offset, g (one standard deviation of the per-axis bias drawn).
    public var zeroGOffsetG: Double {
        switch self {
        case .adxl345: 0.035
        case .adxl355: 0.025
        case .lis3dh: 0.040
        case .mpu6050: 0.050
        }
    }

    /// Typical sensitivity (scale) error, fraction (one standard deviation).
    public var scaleError: Double {
        switch self {
        case .adxl345: 0.03
        case .adxl355: 0.01
        case .lis3dh: 0.03
        case .mpu6050: 0.03
        }
    }

    /// Typical cross-axis sensitivity, fraction (one standard deviation).
    public var crossAxis: Double {
        switch self {
        case .adxl355: 0.005
        default: 0.01
        }
    }
}
