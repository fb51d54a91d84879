import CLibIIO

/// A capture buffer over a device's enabled channels.
///
/// Create it after enabling the channels; it starts the capture (the kernel
/// buffer is enabled) and stops it when destroyed.
public final class IIOBuffer {
    /// The device captured from.
    public let device: IIODevice
    /// Samples per refill.
    public let samples: Int
    let pointer: OpaquePointer

    /// The corresponding C function is `iio_device_create_buffer` (not cyclic).
    init(device: IIODevice, samples: Int) throws(IIOError) {
        self.device = device
        self.samples = samples
        repcount_iio_clear_errno()
        guard let p = iio_device_create_buffer(device.pointer, samples, false) else {
            let code = repcount_iio_errno()
            throw .call("iio_device_create_buffer", "\(device.context.uri) \(device.id) samples=\(samples)", code: code == 0 ? EIO : code)
        }
        pointer = p
    }

    /// The corresponding C function is `iio_buffer_destroy`.
    deinit { iio_buffer_destroy(pointer) }

    /// Waits for the next `samples` samples; returns the bytes read.
    ///
    /// Blocks up to the context's timeout (`IIOContext.setTimeout`).
    /// The corresponding C function is `iio_buffer_refill`.
    public func refill() throws(IIOError) -> Int {
        let n = iio_buffer_refill(pointer)
        if n < 0 { throw .call("iio_buffer_refill", "\(device.context.uri) \(device.id)", code: Int32(n)) }
        return n
    }

    /// Makes a blocked or future `refill()` return with an error at once.
    /// The one call that may be made from another thread.
    ///
    /// The corresponding C function is `iio_buffer_cancel`.
    public func cancel() { iio_buffer_cancel(pointer) }

    /// Bytes from one sample to the next.
    ///
    /// The corresponding C function is `iio_buffer_step`.
    public var step: Int { iio_buffer_step(pointer) }

    /// Address of `channel`'s value in the first sample.
    ///
    /// The corresponding C function is `iio_buffer_first`.
    public func first(_ channel: IIOChannel) -> UnsafeRawPointer {
        UnsafeRawPointer(iio_buffer_first(pointer, channel.pointer)!)
    }

    /// Address of the first byte after the last sample read.
    ///
    /// The corresponding C function is `iio_buffer_end`.
    public var end: UnsafeRawPointer { UnsafeRawPointer(iio_buffer_end(pointer)!) }

    /// Address of the first sample.
    ///
    /// The corresponding C function is `iio_buffer_start`.
    public var start: UnsafeRawPointer { UnsafeRawPointer(iio_buffer_start(pointer)!) }
}
