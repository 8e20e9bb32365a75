/// The differentiation idiom: value and gradients of a function of tensors.
///
/// ```swift
/// var parameters = [weights, bias]
/// for step in 0..<100 {
///     let (loss, gradients) = try valueAndGradient(at: parameters) { p in
///         try ((inputs.matmul(p[0]) + p[1]) - targets).squared().mean()
///     }
///     for i in parameters.indices {
///         parameters[i] = try parameters[i] - gradients[i] * 0.01
///     }
///     if step % 10 == 0 { print(step, loss.scalar) }
/// }
/// ```
/// The closure receives the same values as `parameters`, marked for differentiation; it must
/// return a single-value tensor. Each gradient has the shape of its parameter; a parameter the
/// value does not depend on gets zeros. A tensor used several times accumulates every use.
///
/// - Parameters:
///   - parameters: The tensors to differentiate with respect to.
///   - function: Computes a single-value tensor from tracked copies of `parameters`, in the same order.
public func valueAndGradient(
    at parameters: [Tensor], of function: ([Tensor]) throws -> Tensor
) throws -> (value: Tensor, gradients: [Tensor]) {
    let tracked = parameters.map { parameter -> Tensor in
        var leaf = parameter.detached()
        leaf.node = GradientNode.leaf()
        return leaf
    }
    let value = try GradientRecording.$isDisabled.withValue(false) { try function(tracked) }
    guard value.scalarCount == 1 else { throw AutogradError.nonScalarValue(shape: value.shape) }
    let gradients = try backpropagate(from: value, to: tracked.map { $0.node! })
    return (value.detached(), zip(parameters, gradients).map { parameter, gradient in
        gradient ?? Tensor(zeros: parameter.shape)
    })
}

/// Value and gradient of a function of one tensor; see ``valueAndGradient(at:of:)-([Tensor],_)``.
///
/// - Parameters:
///   - parameter: The tensor to differentiate with respect to.
///   - function: Computes a single-value tensor from a tracked copy of `parameter`.
public func valueAndGradient(
    at parameter: Tensor, of function: (Tensor) throws -> Tensor
) throws -> (value: Tensor, gradient: Tensor) {
    let (value, gradients) = try valueAndGradient(at: [parameter]) { try function($0[0]) }
    return (value, gradients[0])
}

/// Value and gradients of a function of named tensors (a model's parameters by name).
///
/// - Parameters:
///   - parameters: The tensors to differentiate with respect to, by name.
///   - function: Computes a single-value tensor from tracked copies of `parameters`, by the same names.
public func valueAndGradient(
    at parameters: [String: Tensor], of function: ([String: Tensor]) throws -> Tensor
) throws -> (value: Tensor, gradients: [String: Tensor]) {
    let names = Array(parameters.keys)
    let (value, gradients) = try valueAndGradient(at: names.map { parameters[$0]! }) { tensors in
        try function(Dictionary(uniqueKeysWithValues: zip(names, tensors)))
    }
    return (value, Dictionary(uniqueKeysWithValues: zip(names, gradients)))
}

/// Reverse pass: visits nodes from `value` back to the leaves in reverse topological order,
/// summing the gradients that reach each node, and returns the gradients of `leaves`.
func backpropagate(from value: Tensor, to leaves: [GradientNode]) throws -> [Tensor?] {
    guard let root = value.node else { return leaves.map { _ in nil } }
    let order = topologicalOrder(from: root)
    var gradients: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): Tensor(ones: value.shape)]
    let leafIdentifiers = Set(leaves.map(ObjectIdentifier.init))
    try GradientRecording.$isDisabled.withValue(true) {
        for node in order.reversed() {
            let identifier = ObjectIdentifier(node)
            guard let backward = node.backward, let gradient = gradients[identifier] else { continue }
            if !leafIdentifiers.contains(identifier) { gradients[identifier] = nil }
            let inputGradients = try backward(gradient)
            for (input, inputGradient) in zip(node.inputs, inputGradients) {
                guard let inputNode = input.node, let inputGradient else { continue }
                let key = ObjectIdentifier(inputNode)
                if var existing = gradients[key] {
                    existing.accumulate(inputGradient)
                    gradients[key] = existing
                } else {
                    gradients[key] = inputGradient
                }
            }
        }
    }
    return leaves.map { gradients[ObjectIdentifier($0)] }
}

/// Nodes reachable from `root`, each after all of its inputs (iterative depth-first search).
private func topologicalOrder(from root: GradientNode) -> [GradientNode] {
    var order: [GradientNode] = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    var stack: [(node: GradientNode, nextInput: Int)] = [(root, 0)]
    while let (node, nextInput) = stack.popLast() {
        if nextInput < node.inputs.count {
            stack.append((node, nextInput + 1))
            if let child = node.inputs[nextInput].node, visited.insert(ObjectIdentifier(child)).inserted {
                stack.append((child, 0))
            }
        } else {
            order.append(node)
        }
    }
    return order
}
