import TacoCore
import TacoStore

// The core and store values that command-line options are parsed into, named by TacoApp so that the CLI imports
// only TacoApp, TacoReport and ArgumentParser (Docs/Architecture.md). Each is the one definition in its module,
// not a copy: a plan's day is still `TacoCore.Day`.

/// A calendar day (`--as-of`, `--captured-on`).
public typealias Day = TacoCore.Day
/// A duration with its unit parser (`simulate --step`).
public typealias Seconds = TacoCore.Seconds
/// A start or end of a bill window (`--from`, `--to`).
public typealias BillInstant = TacoCore.BillInstant
/// The AWS services a price list is fetched for (`pricing fetch --service`).
public typealias Service = TacoCore.Service
/// The forced format of a price-list file (`pricing import --format`).
public typealias PriceListFormat = TacoStore.PriceListFormat
/// The reconcile query's dialect, table and column set (`reconcile --sql`, `--table`, `--columns`).
public typealias ReconcileQuery = TacoCore.ReconcileQuery
/// A sweep's range and axis (`sweep --users`, `--status-rps`, `--rps`, `--steps`).
public typealias SweepRange = TacoCore.SweepRange
public typealias SweepRangeError = TacoCore.SweepRangeError
public typealias SweepAxis = TacoCore.SweepAxis
/// The simulation's limits (`simulate --step`, `--prewarm`) and the pre-warm asked for.
public typealias Simulation = TacoCore.Simulation
public typealias PrewarmRequest = TacoCore.PrewarmRequest
/// `bench redis --host`: which hosts count as loopback.
public typealias RedisBenchText = TacoCore.RedisBenchText
/// An excerpt of text we did not write, quoted and cut for an error message (`--tag`, `--account`).
public typealias Excerpt = TacoCore.Excerpt
/// One thing wrong with an input and its fix, formatted in one place.
public typealias Diagnostic = TacoCore.Diagnostic
