enum ClientReader {
    static func read(_ r: FieldReader) -> ClientSpec? {
        let poll = r.required("status_poll", "the status poll interval", example: "5s") {
            r.duration($0, $1, "status_poll", max: TimeUnits.secondsPerHour)
        }
        let heartbeat: Seconds? = r.optional("heartbeat", "a duration", default: nil, note: "no heartbeat API") {
            r.duration($0, $1, "heartbeat", max: TimeUnits.secondsPerHour)
        }
        let request = r.optional("request_bytes", "a size", default: Bytes(1000), note: "1KB per request") {
            r.bytes($0, $1, "request_bytes")
        }
        let response = r.optional("response_bytes", "a size", default: Bytes(1000), note: "1KB per response (seed)") {
            r.bytes($0, $1, "response_bytes")
        }
        r.finish()
        guard let poll else { return nil }
        return ClientSpec(statusPoll: poll, heartbeat: heartbeat, requestBytes: request, responseBytes: response)
    }
}
