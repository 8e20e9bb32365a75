import SwiftSyntax

/// The names used inside the closures and functions nested in a body: a local of the body with one of these
/// names is kept in a box, so the closure that captures it shares it. Names are collected without regard to
/// shadowing, which at worst boxes a local that did not need it.
final class CaptureAnalysis: SyntaxVisitor {
    private(set) var names: Set<String> = []
    private var depth = 0

    /// The names used in closures and nested functions inside `node`.
    static func capturedNames(in node: some SyntaxProtocol) -> Set<String> {
        let analysis = CaptureAnalysis(viewMode: .sourceAccurate)
        analysis.walk(node)
        return analysis.names
    }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        depth += 1
        return .visitChildren
    }

    override func visitPost(_ node: ClosureExprSyntax) { depth -= 1 }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        depth += 1
        return .visitChildren
    }

    override func visitPost(_ node: FunctionDeclSyntax) { depth -= 1 }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if depth > 0 {
            names.insert(node.baseName.text)
            // `x` inside a method's closure may mean `self.x`.
            names.insert("self")
        }
        return .visitChildren
    }

    override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
        if depth > 0, node.base == nil { names.insert("self") }
        return .visitChildren
    }
}
