import Testing
@testable import CellLanguage

/// A host object with a picture, standing in for a library figure.
final class PictureObject: HostObject, RichRepresentable {
    let typeName = "Picture"
    let plainDescription = "Picture(2×1)"

    func richOutput() -> RichOutput {
        RichOutput(data: ["image/png": "iVBORw0KGgo="], metadata: ["image/png": ["width": 2, "height": 1]])
    }
}

@Suite struct RichOutputTests {
    private func runnerWithPicture() -> CellRunner {
        let runner = CellRunner()
        runner.session.evaluator.globals.define("picture", Variable(value: .host(PictureObject()), isMutable: false,
                                                                     annotation: nil))
        return runner
    }

    @Test func hostObjectResultCarriesItsMimeTypesAndPlainText() {
        var runner = runnerWithPicture()
        guard case .success(let output?) = runner.run("picture") else {
            Issue.record("expected a value")
            return
        }
        #expect(output.data["image/png"] == "iVBORw0KGgo=")
        #expect(output.plainText == "Picture(2×1)")
        #expect(output.metadata["image/png"] == ["width": 2, "height": 1])
    }

    @Test func displayShowsTheRichForm() {
        var runner = runnerWithPicture()
        _ = runner.run("display(picture)")
        #expect(runner.output.displays.first?.data["image/png"] == "iVBORw0KGgo=")
    }

    @Test func hostObjectsInCollectionsPrintTheirDescription() {
        var runner = runnerWithPicture()
        #expect(runner.value("[picture]") == "[Picture(2×1)]")
        #expect(runner.value("picture.width") == "CompilationError: value of type 'Picture' has no member 'width'")
    }
}
