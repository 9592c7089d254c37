/// The normal equations XᵀX β = Xᵀ(y − offset) of a set of points, as a p × (p+1) augmented matrix of sums.
struct NormalSums {
    var matrix: [[Double]]

    init(width p: Int) { matrix = Array(repeating: Array(repeating: 0.0, count: p + 1), count: p) }

    mutating func add(_ point: LinearObservation) {
        let p = matrix.count
        let target = point.measured - point.offset
        for i in 0..<p {
            for j in 0..<p { matrix[i][j] += point.regressors[i] * point.regressors[j] }
            matrix[i][p] += point.regressors[i] * target
        }
    }

    func plus(_ other: NormalSums) -> NormalSums {
        var sum = self
        for i in sum.matrix.indices {
            for j in sum.matrix[i].indices { sum.matrix[i][j] += other.matrix[i][j] }
        }
        return sum
    }
}
