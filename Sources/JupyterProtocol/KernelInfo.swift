/// The static part of `kernel_info_reply`.
public struct KernelInfo: Equatable, Sendable {
    /// The kernel implementation's name.
    public var implementation: String
    /// The kernel implementation's version.
    public var implementationVersion: String
    /// Text shown when a console starts.
    public var banner: String
    /// `language_info`: name, version, mimetype, file_extension, pygments_lexer, codemirror_mode.
    public var languageInfo: [String: JSONValue]
    /// Links shown in the frontend's help menu.
    public var helpLinks: [(text: String, url: String)]

    /// Creates kernel information.
    public init(implementation: String, implementationVersion: String, banner: String,
                languageInfo: [String: JSONValue], helpLinks: [(text: String, url: String)] = []) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.banner = banner
        self.languageInfo = languageInfo
        self.helpLinks = helpLinks
    }

    /// Compares all fields, help links element by element.
    public static func == (left: KernelInfo, right: KernelInfo) -> Bool {
        left.implementation == right.implementation && left.implementationVersion == right.implementationVersion
            && left.banner == right.banner && left.languageInfo == right.languageInfo
            && left.helpLinks.map(\.text) == right.helpLinks.map(\.text) && left.helpLinks.map(\.url) == right.helpLinks.map(\.url)
    }

    /// The content of a `kernel_info_reply`.
    var replyContent: JSONValue {
        .object([
            "status": "ok",
            "protocol_version": .string(jupyterProtocolVersion),
            "implementation": .string(implementation),
            "implementation_version": .string(implementationVersion),
            "language_info": .object(languageInfo),
            "banner": .string(banner),
            "debugger": false,
            "help_links": .array(helpLinks.map { .object(["text": .string($0.text), "url": .string($0.url)]) }),
        ])
    }
}
