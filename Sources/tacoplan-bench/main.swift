import Foundation

/// `tacoplan-bench <benchmark> [options]`: each benchmark lives in its own file; this only dispatches.
let benchmarks: [String: ([String]) throws -> Void] = [
    "import": ImportBenchmark.main,
    "import-once": ImportBenchmark.importOnce,
    "bill": BillBenchmark.main,
    "bill-import-once": BillBenchmark.importOnce,
    "bill-sums-once": BillBenchmark.sumsOnce,
    "generate-focus-csv": { arguments in
        guard arguments.count == 2, let rows = Int(arguments[0]) else {
            throw BenchError("usage: tacoplan-bench generate-focus-csv ROWS FILE")
        }
        let bytes = try FocusBillGenerator.write(rows: rows, to: arguments[1])
        print("wrote \(rows) rows, \(bytes) bytes to \(arguments[1])")
    },
    "search": { SearchBenchmark.run(arguments: $0) },
    "limits": LimitsBenchmark.run,
    "simulate": SimulateBenchmark.run,
    "generate-ec2-csv": { arguments in
        guard arguments.count == 2 || arguments.count == 3, let rows = Int(arguments[0]),
            let shape = EC2PriceListGenerator.Shape(rawValue: arguments.count == 3 ? arguments[2] : "aws")
        else {
            throw BenchError("usage: tacoplan-bench generate-ec2-csv ROWS FILE [aws|dense]")
        }
        let bytes = try EC2PriceListGenerator.write(rows: rows, to: arguments[1], shape: shape)
        print("wrote \(rows) rows, \(bytes) bytes to \(arguments[1])")
    },
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    FileHandle.standardError.write(
        Data("usage: tacoplan-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]\n".utf8))
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
