namespace Pipeline.Benchmarks;

/// <summary>A benchmark could not run or its result failed a check; the message says what to fix.</summary>
internal sealed class BenchmarkException(string message, Exception? inner = null) : Exception(message, inner);
