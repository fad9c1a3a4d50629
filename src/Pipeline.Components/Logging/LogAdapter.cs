using Microsoft.Extensions.Logging;
using Pipeline.Targets;
using TargetsLog = Pipeline.Targets.Log;

namespace Pipeline.Components;

/// <summary>An <see cref="ILogger"/> for the libraries that writes to the build log (which redacts secrets).</summary>
internal sealed class LogAdapter : ILogger
{
    public static LogAdapter Instance { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel != Microsoft.Extensions.Logging.LogLevel.None;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var level = logLevel switch
        {
            Microsoft.Extensions.Logging.LogLevel.Trace or Microsoft.Extensions.Logging.LogLevel.Debug => Targets.LogLevel.Debug,
            Microsoft.Extensions.Logging.LogLevel.Information => Targets.LogLevel.Information,
            Microsoft.Extensions.Logging.LogLevel.Warning => Targets.LogLevel.Warning,
            _ => Targets.LogLevel.Error,
        };
        TargetsLog.Write(level, message);
    }
}
