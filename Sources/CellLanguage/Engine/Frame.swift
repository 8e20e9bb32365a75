import CellRuntime

/// The storage of one activation of a function, closure or cell: its local variables by slot (resolved when
/// the code is compiled), the boxes of the locals that closures capture, and what the closure itself captured.
final class Frame {
    /// Locals no closure captures, by slot: raw storage, so reading or writing one is a load or a store (an
    /// array would check its uniqueness and bounds on every write).
    let slots: UnsafeMutablePointer<Value>
    private let slotCount: Int
    /// Locals some closure captures: each declaration makes a fresh box, so a closure made in a loop keeps the
    /// iteration's value, as in Swift.
    var boxes: ContiguousArray<Box>
    /// The variables of enclosing functions this closure captured.
    let captures: [Box]
    /// The value a `return` gave.
    var returnValue: Value = .void

    init(slotCount: Int, boxCount: Int, captures: [Box]) {
        self.slotCount = slotCount
        slots = .allocate(capacity: max(slotCount, 1))
        slots.initialize(repeating: .void, count: slotCount)
        boxes = boxCount == 0 ? [] : ContiguousArray((0..<boxCount).map { _ in Box(.void) })
        self.captures = captures
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
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
