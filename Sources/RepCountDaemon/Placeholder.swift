import Logging
import NIOPosix
import ServiceLifecycle
