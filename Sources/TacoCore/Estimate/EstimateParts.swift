/// The parts of an estimate as the model derives them.
struct EstimateParts {
    var traffic: Traffic
    var admission: AdmissionDecision
    var redis: PricedRedis
    var gateway: PricedGateway
    var dynamo: PricedDynamo
    var costs: [CostLine]
    var timeline: EventTimeline
}
