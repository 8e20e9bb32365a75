/// The members of one type exposed to cells: initialisers, instance members, static members.
struct TypeBindings {
    let name: String
    let summary: String
    var initializers: [FunctionBinding] = []
    var members: [String: [FunctionBinding]] = [:]
    var staticMembers: [String: [FunctionBinding]] = [:]

    init(_ name: String, summary: String, _ bindings: [FunctionBinding]) {
        self.name = name
        self.summary = summary
        for binding in bindings {
            switch binding.kind {
            case .initializer: initializers.append(binding)
            case .method, .property, .function: members[binding.name, default: []].append(binding)
            case .staticMethod, .staticProperty: staticMembers[binding.name, default: []].append(binding)
            }
        }
    }
}

/// Every library name a cell can use: free functions, global values and types with their members. Each type
/// contributes one `Bindings/<Type>Bindings.swift` file; this table gathers them.
struct BindingTable {
    var functions: [String: [FunctionBinding]] = [:]
    var types: [String: TypeBindings] = [:]

    /// The table of the standard library subset and the cell runtime.
    static let standard: BindingTable = {
        var table = BindingTable()
        for binding in BindingTable.globalFunctionBindings + BindingTable.outputBindings + BindingTable.mathBindings {
            table.functions[binding.name, default: []].append(binding)
        }
        for type in [BindingTable.intBindings, BindingTable.doubleBindings, BindingTable.boolBindings,
                     BindingTable.stringBindings, BindingTable.arrayBindings, BindingTable.dictionaryBindings,
                     BindingTable.optionalBindings, BindingTable.rangeBindings, BindingTable.sequenceBindings]
            + BindingTable.libraryTypeBindings {
            table.types[type.name] = type
        }
        return table
    }()

    /// The instance members called `name` of values of `typeName`, including those shared by all sequences.
    func members(named name: String, of typeName: String) -> [FunctionBinding] {
        if let found = types[typeName]?.members[name] { return found }
        if ["Array", "Range", "String", "Dictionary"].contains(typeName),
           let shared = types["Sequence"]?.members[name] {
            return shared
        }
        return []
    }

    /// Every instance member of `typeName`, for completion.
    func allMembers(of typeName: String) -> [FunctionBinding] {
        var found = types[typeName]?.members.values.flatMap { $0 } ?? []
        if ["Array", "Range", "String", "Dictionary"].contains(typeName) {
            let own = Set(found.map(\.name))
            found += (types["Sequence"]?.members.values.flatMap { $0 } ?? []).filter { !own.contains($0.name) }
        }
        return found.sorted { $0.name < $1.name }
    }
}
