import Foundation

extension ProgressBar {
    /// One text line such as
    /// `train  45%|█████▍      | 450/1000 epoch 3/10 loss 0.4321 [00:12<00:15, 37.50 steps/s]`.
    public func plainText() -> String {
        var parts: [String] = []
        if !label.isEmpty { parts.append(label + ":") }
        if let fraction {
            parts.append(String(format: "%3.0f%%", (fraction * 100).rounded(.down)) + "|" + textBar(fraction, width: 20) + "|")
            parts.append("\(completed)/\(total)")
        } else {
            parts.append("\(completed) steps")
        }
        parts += statistics()
        return parts.joined(separator: " ") + " [" + timing() + "]"
    }

    /// A `<progress>` bar with the same details as ``plainText()``, HTML-escaped.
    public func html() -> String {
        let labelHTML = label.isEmpty ? "" : "<span style=\"margin-right: 0.5em\">\(escapeHTML(label))</span>"
        let bar: String
        if total > 0 {
            bar = "<progress value=\"\(completed)\" max=\"\(total)\" style=\"width: 24em; vertical-align: middle\"></progress>"
                + String(format: " %.0f%% ", ((fraction ?? 0) * 100).rounded(.down)) + "\(completed)/\(total)"
        } else {
            bar = "<progress style=\"width: 24em; vertical-align: middle\"></progress> \(completed) steps"
        }
        let details = (statistics() + ["[" + timing() + "]"]).map(escapeHTML).joined(separator: " ")
        return "<div class=\"swift-experiments-progress\" style=\"font-family: monospace; white-space: nowrap\">"
            + labelHTML + bar + " " + details + "</div>"
    }

    /// text/html and text/plain.
    public func mimeBundle() -> [String: String] {
        ["text/html": html(), "text/plain": plainText()]
    }

    private func statistics() -> [String] {
        var parts: [String] = []
        if let epoch {
            parts.append(epochCount.map { "epoch \(epoch)/\($0)" } ?? "epoch \(epoch)")
        }
        if let loss { parts.append("loss " + formatLoss(loss)) }
        return parts
    }

    /// "elapsed<remaining, rate" as tqdm prints it.
    private func timing() -> String {
        let remaining = isFinished ? "00:00" : estimatedRemaining.map(formatDuration) ?? "?"
        let speed = rate.map { String(format: $0 >= 10 ? "%.1f steps/s" : "%.2f steps/s", $0) } ?? "? steps/s"
        return "\(formatDuration(elapsed))<\(remaining), \(speed)"
    }

    private func textBar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded(.down))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths / 8 < width { bar += partials[eighths % 8] }
        return bar + String(repeating: " ", count: max(0, width - bar.count))
    }
}

/// "mm:ss", or "h:mm:ss" past an hour; durations beyond 10¹⁵ s (an estimate for `Int.max` steps) read as 10¹⁵ s.
func formatDuration(_ seconds: Double) -> String {
    let total = Int(min(max(0, seconds.isFinite ? seconds : 0), 1e15).rounded())
    let hours = total / 3600, minutes = (total % 3600) / 60, remainder = total % 60
    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    // Interpolated rather than `String(format: "%d")`, which reads 32 bits and garbles more hours than that holds.
    return (hours > 0 ? "\(hours):" : "") + "\(twoDigits(minutes)):\(twoDigits(remainder))"
}

/// Four significant digits, switching to scientific notation for very small or large losses.
func formatLoss(_ loss: Double) -> String {
    guard loss.isFinite else { return String(loss) }
    let magnitude = abs(loss)
    if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) { return String(format: "%.3e", loss) }
    return String(format: "%.4f", loss)
}

extension ProgressBar: CustomStringConvertible {
    /// The text line of ``plainText()``.
    public var description: String { plainText() }
}
