/// Choosing values by a condition.
extension Tensor {
    /// Values of `whereTrue` where `condition` is nonzero and of `whereFalse` elsewhere; all three
    /// broadcast together. Backward: the gradient flows to the chosen side only; `condition` is a constant.
    ///
    /// - Parameters:
    ///   - condition: Nonzero where `whereTrue` is chosen.
    ///   - whereTrue: The values where `condition` is nonzero.
    ///   - whereFalse: The values where `condition` is zero.
    public static func `where`(_ condition: Tensor, _ whereTrue: Tensor, _ whereFalse: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(
            Shape.broadcast(condition.shape, whereTrue.shape, operation: "where"), whereFalse.shape, operation: "where")
        let mask = try condition.expandedValues(to: shape)
        let chosen = zipMap(mask, try whereTrue.expandedValues(to: shape), try whereFalse.expandedValues(to: shape)) {
            $0 != 0 ? $1 : $2
        }
        return recorded(chosen, operation: "where", inputs: [whereTrue, whereFalse]) { gradient in
            [whereTrue.isTracked
                ? try broadcastMap(gradient, mask, operation: "where", ScalarKeptWhereSet.self).summed(toShape: whereTrue.shape) : nil,
             whereFalse.isTracked
                ? try broadcastMap(gradient, mask, operation: "where", ScalarKeptWhereClear.self).summed(toShape: whereFalse.shape) : nil]
        }
    }

    /// The values repeated along broadcast axes to `shape`, without recording.
    func expandedValues(to shape: [Int]) throws -> Tensor {
        if self.shape == shape { return detached() }
        return try Tensor.broadcastMap(detached(), Tensor(zeros: shape), operation: "broadcast", ScalarLeft.self)
    }
}
