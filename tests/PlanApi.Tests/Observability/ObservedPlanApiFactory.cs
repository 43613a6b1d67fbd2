using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Observability;

/// <summary>
/// The API with tracing on, bearer tokens accepted (<see cref="JwtPlanApiFactory"/>'s provider) and a password in
/// its connection string, capturing what it would ship: each log record as the configured console formatter writes
/// it (JSON unless configured otherwise) and every span that ends.
/// </summary>
public class ObservedPlanApiFactory : PlanApiFactory
{
    /// <summary>The connection string's password: the test server trusts local connections, so any value works.</summary>
    public const string DatabasePassword = "db-password-7f3a91c2e5";

    public Captured<string> LogLines { get; } = new();

    /// <summary>
    /// Spans that ended in this process. Activity listeners are process-wide: spans of other test classes' hosts
    /// arrive too, so tests pick theirs by trace id.
    /// </summary>
    public Captured<Activity> Spans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:PlanDb", $"{TestDatabase.ConnectionString(Database)};Password={DatabasePassword}");
        builder.UseSetting("Observability:Tracing", "true");
        builder.UseSetting("Auth:Jwt:SigningKey", JwtPlanApiFactory.SigningKey);
        builder.UseSetting("Auth:Jwt:Issuer", JwtPlanApiFactory.Issuer);
        builder.UseSetting("Auth:Jwt:Audience", JwtPlanApiFactory.Audience);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(sp => new FormattedLogCapture(ConsoleFormatterOf(sp), LogLines));
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SpanCapture(Spans)));
        });
    }

    /// <summary>The formatter the console logger is configured with (Logging:Console:FormatterName).</summary>
    private static ConsoleFormatter ConsoleFormatterOf(IServiceProvider services)
    {
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        return services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
    }

    /// <summary>Writes every record through the console formatter into <see cref="LogLines"/>, scopes included.</summary>
    private sealed class FormattedLogCapture(ConsoleFormatter formatter, Captured<string> lines) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConsoleFormatter _formatter = formatter;
        private readonly Captured<string> _lines = lines;
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(FormattedLogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
                owner._lines.Add(writer.ToString());
            }
        }
    }

    private sealed class SpanCapture(Captured<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Add(data);
    }
}

/// <summary>Items that arrive from the host's threads, and a way to await one without sleeping.</summary>
public sealed class Captured<T>
{
    /// <summary>Only for a failing test: what is awaited normally arrives within milliseconds.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<T> _items = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Items => [.. _items];

    public void Add(T item)
    {
        _items.Enqueue(item);
        TaskCompletionSource added;
        lock (_lock)
        {
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.SetResult();
    }

    /// <summary>The first item that matches, once it has arrived.</summary>
    public async Task<T> FirstAsync(Func<T, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(GiveUpAfter);
        while (true)
        {
            Task next;
            lock (_lock) next = _added.Task;
            foreach (var item in _items)
                if (match(item)) return item;
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {what} arrived; {_items.Count} others did.");
            }
        }
    }
}
