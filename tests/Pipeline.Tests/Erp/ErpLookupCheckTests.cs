using Microsoft.Extensions.Logging;

namespace ServerlessSync.Pipeline.Tests.Erp;

/// <summary>A single look-up keeps only documents carrying the asked number, picks by the ERP's rule and says when the ERP holds several.</summary>
public sealed class ErpLookupCheckTests
{
    private sealed class RecordingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    [Fact]
    public void Existing_drops_other_orders_documents_picks_by_the_erp_rule_and_logs_the_duplicates()
    {
        var logger = new RecordingLogger();
        ErpOrderRef[] documents = [new("SO-1", "1", "A", "P1"), new("SO-2", "2", "A", "P2"), new("SO-3", "3", "C", "P1")];

        var existing = ErpLookupCheck.Existing("Kingdee", "P1", documents, refs => refs.Single(r => r.DocumentStatus == "C"), logger);

        Assert.Equal("SO-3", existing?.Number);
        Assert.Contains(logger.Messages, m => m.Contains("returned document SO-2 carrying P2; ignored", StringComparison.Ordinal));
        Assert.Contains("Kingdee holds 2 sales orders for platform order P1; using SO-3", logger.Messages);
    }

    [Fact]
    public void One_matching_document_is_picked_without_a_duplicate_log_and_none_gives_null()
    {
        var logger = new RecordingLogger();

        var one = ErpLookupCheck.Picked("Sap", "P1", [new("SO-1", "1", "A", "P1")], refs => refs[0], logger);
        var none = ErpLookupCheck.Existing("Sap", "P9", [new("SO-1", "1", "A", "P1")], refs => refs.FirstOrDefault(), logger);

        Assert.Equal("SO-1", one?.Number);
        Assert.Null(none);
        Assert.DoesNotContain(logger.Messages, m => m.Contains("holds", StringComparison.Ordinal));
    }
}
