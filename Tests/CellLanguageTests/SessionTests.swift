import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct SessionTests {
    @Test func printWritesToStreams() {
        var runner = CellRunner()
        _ = runner.run("print(1, \"a\", [2])\nprint(\"x\", \"y\", separator: \"-\", terminator: \"!\")\nprint(\"bad\", to: &standardError)")
        #expect(runner.output.standardOutput == "1 a [2]\nx-y!")
        #expect(runner.output.standardError == "bad\n")
    }

    @Test func readLineUsesTheOutputAndFailsClearly() {
        let session = CellSession(host: LibraryBindings.makeHost())
        let output = RecordingOutput(inputs: ["Ada"])
        guard case .success(let value) = session.execute("readLine()!", cellNumber: 1, output: output) else {
            Issue.record("readLine failed")
            return
        }
        #expect(value?.plainText == "\"Ada\"")
        guard case .failure(let failure) = session.execute("readLine()", cellNumber: 2, output: output) else {
            Issue.record("readLine without input should fail")
            return
        }
        #expect(failure.name == "RuntimeError")
        #expect(failure.message.contains("readLine()"))
    }

    @Test func displayAndClearOutputReachTheFrontend() {
        var runner = CellRunner()
        _ = runner.run("display([1, 2])\nclearOutput(wait: true)")
        #expect(runner.output.displays == [RichOutput(plainText: "[1, 2]")])
        #expect(runner.output.clears == [true])
    }

    @Test func interruptionStopsAnInfiniteLoopAndKeepsVariables() {
        let session = CellSession(host: LibraryBindings.makeHost())
        let output = RecordingOutput()
        _ = session.execute("var kept = 41", cellNumber: 1, output: output)
        let interrupter = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.02)
                session.interruption.request()
                break
            }
        }
        interrupter.start()
        let result = session.execute("kept += 1\nwhile true {}", cellNumber: 2, output: output)
        guard case .failure(let failure) = result else {
            Issue.record("expected an interrupted cell")
            return
        }
        #expect(failure.name == "CancellationError")
        #expect(failure.message == "execution interrupted")
        guard case .success(let value) = session.execute("kept", cellNumber: 3, output: output) else {
            Issue.record("kept was lost")
            return
        }
        #expect(value?.plainText == "42")
    }

    @Test func languageVersionIsSwiftSix() {
        #expect(CellSession.languageVersion.hasPrefix("6."))
    }
}
