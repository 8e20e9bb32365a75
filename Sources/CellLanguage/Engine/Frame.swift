import CellRuntime

/// What a frame holds besides its slots.
struct FrameHeader {
    let slotCount: Int
    var boxes: ContiguousArray<Box>
    let captures: [Box]
    var returnValue: Value = .void
}

/// The storage of one activation of a function, closure or cell: its local variables by slot (resolved when
/// the code is compiled), the boxes of the locals that closures capture, and what the closure itself captured.
/// The slots are allocated with the frame itself (one allocation per call), and reading or writing one is a load
/// or a store.
final class Frame: ManagedBuffer<FrameHeader, Value> {
    /// A frame of `slotCount` slots, all `()`, and `boxCount` fresh boxes.
    static func make(slotCount: Int, boxCount: Int, captures: [Box]) -> Frame {
        let boxes: ContiguousArray<Box> = boxCount == 0 ? [] : ContiguousArray((0..<boxCount).map { _ in Box(.void) })
        let frame = unsafeDowncast(Frame.create(minimumCapacity: slotCount) { _ in
            FrameHeader(slotCount: slotCount, boxes: boxes, captures: captures)
        }, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: .void, count: slotCount) }
        return frame
    }

    /// Locals no closure captures, by slot.
    var slots: UnsafeMutablePointer<Value> { withUnsafeMutablePointerToElements { $0 } }

    /// Locals some closure captures: each declaration makes a fresh box, so a closure made in a loop keeps the
    /// iteration's value, as in Swift.
    var boxes: ContiguousArray<Box> {
        get { header.boxes }
        _modify { yield &header.boxes }
    }

    /// The variables of enclosing functions this closure captured.
    var captures: [Box] { header.captures }

    /// The value a `return` gave.
    var returnValue: Value {
        get { header.returnValue }
        set { header.returnValue = newValue }
    }

    deinit {
        _ = withUnsafeMutablePointerToElements { $0.deinitialize(count: header.slotCount) }
    }
}

/// A variable shared by a frame and the closures that capture it.
final class Box {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// How a statement ended: normally, or by transferring control to an enclosing loop, switch or function.
enum Flow {
    case normal
    /// `break`, to the statement with this id (a loop or a switch).
    case breaking(Int)
    /// `continue`, to the loop with this id.
    case continuing(Int)
    /// `return`; the value is in the frame.
    case returning
    /// `fallthrough` out of a switch case.
    case fallingThrough
}

/// Compiled code: an expression gives a value, a statement a flow.
typealias Evaluation = (Frame) throws -> Value
typealias Execution = (Frame) throws -> Flow
