/// Finding parameters and sub-modules by reflection over stored properties (`Mirror`).
extension Module {
    /// What a stored property can contribute to the module tree.
    enum Member {
        case parameter(ParameterBox)
        case module(Module)
    }

    /// The direct members of this module: parameters and sub-modules with their names, in
    /// declaration order (superclass properties first). Arrays are named by index, dictionaries
    /// by key; property-wrapper storage loses its leading underscore.
    func directMembers() -> [(name: String, member: Member)] {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: self)
        while let current = mirror, current.subjectType != Module.self {
            mirrors.append(current)
            mirror = current.superclassMirror
        }
        var members: [(name: String, member: Member)] = []
        for current in mirrors.reversed() {
            for child in current.children {
                guard var label = child.label, !label.hasPrefix("$__lazy_storage") else { continue }
                if label.hasPrefix("_") { label.removeFirst() }
                Module.collectMembers(of: child.value, name: label, into: &members)
            }
        }
        return members
    }

    /// Adds the parameters and modules found in `value` (a box, a module, or a container of them).
    private static func collectMembers(of value: Any, name: String, into members: inout [(name: String, member: Member)]) {
        if isClassInstance(value) {
            if let box = value as? ParameterBox {
                members.append((name, .parameter(box)))
            } else if let module = value as? Module {
                members.append((name, .module(module)))
            }
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first { collectMembers(of: wrapped.value, name: name, into: &members) }
        case .collection, .set:
            // Arrays of plain values ([Float], [Tensor], …) hold no members: judge by the first element
            // so a large data array is not walked on every training step.
            guard let first = mirror.children.first, mayHoldMembers(first.value) else { return }
            for (index, element) in mirror.children.enumerated() {
                collectMembers(of: element.value, name: "\(name).\(index)", into: &members)
            }
        case .dictionary:
            guard let first = mirror.children.first, let firstValue = Mirror(reflecting: first.value).children.dropFirst().first,
                  mayHoldMembers(firstValue.value) else { return }
            let entries = mirror.children.compactMap { entry -> (String, Any)? in
                let pair = Array(Mirror(reflecting: entry.value).children)
                guard pair.count == 2 else { return nil }
                return ("\(pair[0].value)", pair[1].value)
            }
            for (key, element) in entries.sorted(by: { $0.0 < $1.0 }) {
                collectMembers(of: element, name: "\(name).\(key)", into: &members)
            }
        default:
            return
        }
    }

    /// Whether `value` is an instance of a class: only those can be boxes or modules. Checked
    /// first because casting a Swift array to a class type bridges it to an `NSArray`, boxing
    /// every element, which made the reflection a tenth of a VQ-VAE training step.
    private static func isClassInstance(_ value: Any) -> Bool {
        type(of: value) is AnyClass
    }

    /// Whether `value` is, or is a container that may hold, a parameter box or a module.
    private static func mayHoldMembers(_ value: Any) -> Bool {
        if isClassInstance(value) { return value is ParameterBox || value is Module }
        switch Mirror(reflecting: value).displayStyle {
        case .optional, .collection, .set, .dictionary: return true
        default: return false
        }
    }

    /// This module and every sub-module, with paths (`""` for this one), depth first; a module
    /// reachable along two paths is listed once, under the first.
    public func namedModules() -> [(name: String, module: Module)] {
        moduleTree().map { ($0.name, $0.module) }
    }

    /// Every present parameter box with its path, each box once (shared layers are not counted twice).
    func namedParameterBoxes() -> [(name: String, box: ParameterBox)] {
        var result: [(name: String, box: ParameterBox)] = []
        var seen: Set<ObjectIdentifier> = []
        for (prefix, _, members) in moduleTree() {
            for (name, member) in members {
                guard case let .parameter(box) = member, box.tensor != nil,
                      seen.insert(ObjectIdentifier(box)).inserted else { continue }
                result.append((prefix.isEmpty ? name : "\(prefix).\(name)", box))
            }
        }
        return result
    }

    /// A module of the tree: its path, itself and its direct members.
    private typealias ModuleTreeEntry = (name: String, module: Module, members: [(name: String, member: Member)])

    /// The modules of `namedModules()`, in its order, each with its direct members, so that one
    /// walk (one reflection of each module) serves both modules and parameters: the parameters are
    /// listed twice a training step.
    private func moduleTree() -> [ModuleTreeEntry] {
        var result: [ModuleTreeEntry] = [("", self, directMembers())]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var index = 0
        while index < result.count {
            let (prefix, _, members) = result[index]
            index += 1
            var children: [ModuleTreeEntry] = []
            for (name, member) in members {
                guard case let .module(child) = member, seen.insert(ObjectIdentifier(child)).inserted else { continue }
                children.append((prefix.isEmpty ? name : "\(prefix).\(name)", child, child.directMembers()))
            }
            result.insert(contentsOf: children, at: index)
        }
        return result
    }
}
