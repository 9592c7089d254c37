public struct ApiSpec: Codable, Hashable, Sendable {
    public var name: String
    public var driver: ApiDriver
    public var responseBytes: Bytes?
    public var commands: [CommandUse]
}
