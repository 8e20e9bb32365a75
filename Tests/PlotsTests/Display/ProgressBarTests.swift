import Testing
@testable import Plots

@Suite("Progress bars")
struct ProgressBarTests {
    @Test("refreshes at most ten times a second, and always for the final state")
    func refreshThrottling() {
        var bar = ProgressBar(total: 1000, label: "train", startTime: 0)
        var refreshes: [Int] = []
        // 1000 steps, 1 ms apart: one second of work.
        for step in 1...1000 where bar.update(completed: step, loss: 1 / Double(step), at: Double(step) * 0.001) {
            refreshes.append(step)
        }
        #expect(refreshes.first == 1)
        #expect(refreshes.last == 1000)
        #expect(refreshes.count <= 12)
        for (earlier, later) in zip(refreshes, refreshes.dropFirst()) where later != 1000 {
            #expect(Double(later - earlier) * 0.001 >= ProgressBar.minimumRefreshInterval - 1e-9)
        }
        // Once the final state was shown, further updates do not refresh again.
        #expect(bar.update(completed: 1000, at: 2) == false)
    }

    @Test("text line shows percentage, steps, epoch, loss, elapsed, ETA and rate")
    func plainText() {
        var bar = ProgressBar(total: 1000, label: "train", epochCount: 10, startTime: 100)
        bar.update(completed: 450, epoch: 3, loss: 0.43214, at: 112)
        #expect(bar.plainText() == "train:  45%|█████████           | 450/1000 epoch 3/10 loss 0.4321 [00:12<00:15, 37.5 steps/s]")
        #expect(bar.estimatedRemaining.map { ($0 - 14.666).magnitude < 0.01 } == true)
    }

    @Test("HTML has a progress element and escapes the label")
    func html() {
        var bar = ProgressBar(total: 10, label: "<fit>", startTime: 0)
        bar.update(completed: 10, at: 5)
        let html = bar.html()
        #expect(html.contains("<progress value=\"10\" max=\"10\""))
        #expect(html.contains("&lt;fit&gt;"))
        #expect(html.contains("100% 10/10"))
        #expect(html.contains("[00:05&lt;00:00, 2.00 steps/s]"))
        #expect(Set(bar.mimeBundle().keys) == ["text/html", "text/plain"])
    }

    @Test("an unknown total counts steps without a percentage")
    func unknownTotal() {
        var bar = ProgressBar(total: 0, startTime: 0)
        bar.update(completed: 7, at: 1)
        #expect(bar.plainText() == "7 steps [00:01<?, 7.00 steps/s]")
        #expect(!bar.isFinished)
    }

    @Test("durations print as mm:ss or h:mm:ss")
    func durations() {
        #expect(formatDuration(75) == "01:15")
        #expect(formatDuration(3725) == "1:02:05")
        #expect(formatDuration(1e30) == "277777777777:46:40")   // an estimate for Int.max steps, capped at 10¹⁵ s
        #expect(formatLoss(0.00001234) == "1.234e-05")
    }
}
