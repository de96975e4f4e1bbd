namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

/// <summary>
/// What every ERP connector must show against its simulator, written once and run for each ERP. Protocol details
/// (signatures, field mapping, status steps) stay in each connector's own tests.
/// </summary>
public sealed class ErpConnectorContractTests
{
    public static TheoryData<string> Erps => new() { "Kingdee", "Sap", "YonBip", "Jushuitan" };

    /// <summary>The ERPs whose connector fetches a session or token (Jushuitan's access token is configured).</summary>
    public static TheoryData<string> ErpsWithSessions => new() { "Kingdee", "Sap", "YonBip" };

    /// <summary>The ERPs whose reversal re-reads the document and refuses one that carries another platform order.</summary>
    public static TheoryData<string> ErpsCheckingReversals => new() { "Kingdee", "YonBip", "Jushuitan" };

    /// <summary>The ERPs whose connector reverses by deleting the document.</summary>
    public static TheoryData<string> ErpsDeletingReversals => new() { "Kingdee", "YonBip" };

    /// <summary>The ERPs whose connector checks a document before sending it (the others leave that to the ERP).</summary>
    public static TheoryData<string> ErpsValidatingBeforeSending => new() { "Kingdee", "YonBip" };

    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task Create_returns_the_erp_number_and_the_look_up_before_a_create_finds_that_document(string erp)
    {
        await using var s = await StartAsync(erp);

        var created = await s.Connector.CreateSalesOrderAsync(Order("DY-C-1"), None);
        var found = await s.Connector.FindByExternalOrderNoAsync("DY-C-1", None);
        var missing = await s.Connector.FindByExternalOrderNoAsync("DY-C-404", None);

        Assert.Equal(ErpWriteResult.Created, created.Result);
        Assert.Equal([created.ErpOrderNumber!], s.DocumentsFor("DY-C-1"));
        Assert.True(s.IsComplete(created.ErpOrderNumber!));
        Assert.Equal(created.ErpOrderNumber, found?.Number);
        Assert.Null(missing);
    }

    /// <summary>A gateway that ignores the look-up filter must not make another order's document look like ours (issue 14, item 3).</summary>
    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_gateway_ignoring_the_look_up_filter_never_makes_another_orders_document_look_like_ours(string erp)
    {
        await using var s = await StartAsync(erp);
        var created = await s.Connector.CreateSalesOrderAsync(Order("DY-M-1"), None);
        s.IgnoreLookupFilter();

        var single = await s.Connector.FindByExternalOrderNoAsync("DY-M-2", None);
        var many = await s.Connector.FindManyByExternalOrderNoAsync(["DY-M-2", "DY-M-3"], None);
        var own = await s.Connector.FindByExternalOrderNoAsync("DY-M-1", None);

        Assert.Null(single);
        Assert.Empty(many);
        Assert.Equal(created.ErpOrderNumber, own?.Number);
        Assert.Equal("DY-M-1", own?.ExternalOrderNo);
    }

    [Theory]
    [MemberData(nameof(ErpsCheckingReversals))]
    public async Task A_reversal_asked_for_another_platform_order_is_refused_and_leaves_the_document(string erp)
    {
        await using var s = await StartAsync(erp);
        var own = await CreatedAndFoundAsync(s, "DY-M-1");
        var stateBefore = s.StateOf(own.Number);
        s.IgnoreLookupFilter();

        var reversal = await s.Connector.ReverseAsync(own with { ExternalOrderNo = "DY-M-2" }, "cancelled", None);

        Assert.Equal(ErpWriteResult.Rejected, reversal.Result);
        Assert.Equal([own.Number], s.DocumentsFor("DY-M-1"));
        Assert.Equal(stateBefore, s.StateOf(own.Number));
        Assert.False(s.IsReversed(own.Number));
    }

    [Theory]
    [MemberData(nameof(ErpsDeletingReversals))]
    public async Task Reversing_twice_succeeds_both_times_and_deletes_once(string erp)
    {
        await using var s = await StartAsync(erp);
        var deletes = Assert.IsAssignableFrom<IErpDeletingSubject>(s);
        var existing = await CreatedAndFoundAsync(s, "DY-RV-2");

        var first = await s.Connector.ReverseAsync(existing, "refund", None);
        var second = await s.Connector.ReverseAsync(existing, "refund", None);

        Assert.Equal(ErpWriteResult.Reversed, first.Result);
        Assert.Equal(ErpWriteResult.Reversed, second.Result);
        Assert.Equal(existing.Number, second.ErpOrderNumber);
        Assert.Equal(1, deletes.DeletedDocuments);
        Assert.Equal(1, deletes.DeleteCalls);
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_server_error_on_a_reversal_is_transient_and_leaves_the_document_open(string erp)
    {
        await using var s = await StartAsync(erp);
        var existing = await CreatedAndFoundAsync(s, "DY-RV-3");
        s.FailEveryCall(true);

        await Assert.ThrowsAsync<ErpTransientException>(() => s.Connector.ReverseAsync(existing, "cancelled", None));

        Assert.Equal([existing.Number], s.DocumentsFor("DY-RV-3"));
        Assert.Equal(s.OpenState, s.StateOf(existing.Number));
        Assert.False(s.IsReversed(existing.Number));
    }

    [Theory]
    [MemberData(nameof(ErpsValidatingBeforeSending))]
    public async Task An_invalid_document_is_rejected_without_calling_the_erp(string erp)
    {
        await using var s = await StartAsync(erp);

        var outcome = await s.Connector.CreateSalesOrderAsync(Order("DY-R-2") with { TotalAmountFen = 1 }, None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Equal(0, s.TotalCalls);
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_business_refusal_is_a_permanent_failure_of_that_order_and_is_not_retried(string erp)
    {
        await using var s = await StartAsync(erp);

        var outcome = await s.Connector.CreateSalesOrderAsync(Order("DY-R-1", Line("MAT-UNKNOWN", 1, 100)), None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Contains("MAT-UNKNOWN", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains(s.RefusalCode, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, s.CreateCalls);
        Assert.Empty(s.DocumentsFor("DY-R-1"));
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_batch_create_answers_each_document_in_input_order(string erp)
    {
        await using var s = await StartAsync(erp);

        var outcomes = await s.Connector.CreateSalesOrdersAsync(
            [Order("DY-B-1"), Order("DY-B-2", Line("MAT-UNKNOWN", 1, 100)), Order("DY-B-3", Line("MAT-MASK-10", 2, 5000))], None);

        Assert.Equal([ErpWriteResult.Created, ErpWriteResult.Rejected, ErpWriteResult.Created], outcomes.Select(o => o.Result));
        Assert.Equal([outcomes[0].ErpOrderNumber!], s.DocumentsFor("DY-B-1"));
        Assert.Contains("MAT-UNKNOWN", outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Empty(s.DocumentsFor("DY-B-2"));
        Assert.Equal([outcomes[2].ErpOrderNumber!], s.DocumentsFor("DY-B-3"));
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_server_error_on_a_write_is_transient_and_the_write_is_not_retried(string erp)
    {
        await using var s = await StartAsync(erp);
        await s.Connector.CreateSalesOrderAsync(Order("DY-T-0"), None);
        var createsBefore = s.CreateCalls;
        s.FailEveryCall(true);

        var error = await Assert.ThrowsAsync<ErpTransientException>(() => s.Connector.CreateSalesOrderAsync(Order("DY-T-1"), None));

        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Equal(createsBefore + 1, s.CreateCalls);
        Assert.Empty(s.DocumentsFor("DY-T-1"));
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_server_error_on_a_read_is_retried_three_times_then_transient(string erp)
    {
        await using var s = await StartAsync(erp);
        await s.Connector.FindByExternalOrderNoAsync("warm-up", None);
        var failuresBefore = s.TransientFailures;
        s.FailEveryCall(true);

        await Assert.ThrowsAsync<ErpTransientException>(() => s.Connector.FindByExternalOrderNoAsync("DY-500", None));

        Assert.Equal(failuresBefore + 4, s.TransientFailures);
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task Throttling_is_transient_and_names_the_erps_code(string erp)
    {
        await using var s = await StartAsync(erp);
        await s.Connector.CreateSalesOrderAsync(Order("DY-Q-0"), None);
        // One call a thousand seconds: the look-up takes the only token, so the create that follows is over the rate.
        s.AllowCallsPerSecond(0.001);
        await s.Connector.FindByExternalOrderNoAsync("DY-Q-1", None);
        var createsBefore = s.CreateCalls;

        var error = await Assert.ThrowsAsync<ErpThrottledException>(() => s.Connector.CreateSalesOrderAsync(Order("DY-Q-1"), None));

        Assert.Contains(s.ThrottleCode, error.Message, StringComparison.Ordinal);
        Assert.Equal(createsBefore + 1, s.CreateCalls);
        Assert.True(s.Throttled >= 1);
        Assert.Empty(s.DocumentsFor("DY-Q-1"));
    }

    [Theory]
    [MemberData(nameof(ErpsWithSessions))]
    public async Task A_lost_session_or_token_is_fetched_again_once_and_the_write_repeated(string erp)
    {
        await using var s = await StartAsync(erp);
        var sessions = Assert.IsAssignableFrom<IErpCredentialSubject>(s);
        await s.Connector.CreateSalesOrderAsync(Order("DY-S-1"), None);

        sessions.DropCredentials();
        var outcome = await s.Connector.CreateSalesOrderAsync(Order("DY-S-2"), None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        Assert.Equal(2, sessions.CredentialCalls);
        Assert.Equal(1, sessions.CredentialRejections);
        Assert.Equal(3, s.CreateCalls);
        Assert.Single(s.DocumentsFor("DY-S-1"));
        Assert.Equal([outcome.ErpOrderNumber!], s.DocumentsFor("DY-S-2"));
        Assert.Empty(s.Duplicates);
    }

    [Theory]
    [MemberData(nameof(ErpsWithSessions))]
    public async Task Concurrent_first_calls_share_one_session_or_token(string erp)
    {
        await using var s = await StartAsync(erp);
        var sessions = Assert.IsAssignableFrom<IErpCredentialSubject>(s);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => s.Connector.CreateSalesOrderAsync(Order($"DY-P-{i}"), None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.All(outcomes, o => Assert.True(s.IsComplete(o.ErpOrderNumber!)));
        Assert.Equal(1, sessions.CredentialCalls);
        Assert.Equal(0, sessions.CredentialRejections);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Single(s.DocumentsFor($"DY-P-{i}")));
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_wrong_secret_fails_transiently_and_stores_nothing(string erp)
    {
        var secret = erp == "Sap" ? "Password" : "AppSecret";
        await using var s = await StartAsync(erp, values => values[$"Erp:{erp}:{secret}"] = "not-the-secret");

        var error = await Assert.ThrowsAsync<ErpTransientException>(() => s.Connector.CreateSalesOrderAsync(Order("DY-L-1"), None));

        Assert.Contains(s.WrongSecretMessage, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(s.DocumentsFor("DY-L-1"));
        if (s is IErpCredentialSubject)
        {
            Assert.Equal(0, s.CreateCalls);
        }
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_create_whose_answer_was_lost_is_found_by_the_next_look_up_and_never_made_twice(string erp)
    {
        await using var s = await StartAsync(erp);
        s.LoseAnswersAfterCommit(true);

        await Assert.ThrowsAsync<ErpTransientException>(() => s.Connector.CreateSalesOrderAsync(Order("DY-X-1"), None));
        s.LoseAnswersAfterCommit(false);
        // What WriteErp does on its next attempt: look up first, and only create when nothing is found.
        var found = await s.Connector.FindByExternalOrderNoAsync("DY-X-1", None);
        var outcome = found is null
            ? await s.Connector.CreateSalesOrderAsync(Order("DY-X-1"), None)
            : await s.Connector.CompleteExistingAsync(found, None);

        Assert.NotNull(found);
        Assert.Equal(ErpWriteResult.AlreadyExists, outcome.Result);
        Assert.Equal([outcome.ErpOrderNumber!], s.DocumentsFor("DY-X-1"));
        Assert.True(s.IsComplete(outcome.ErpOrderNumber!));
        Assert.Equal(1, s.CreateCalls);
        Assert.Empty(s.Duplicates);
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task Stock_is_read_in_calls_of_no_more_materials_than_the_erp_allows(string erp)
    {
        await using var s = await StartAsync(erp);
        var materials = DemoCatalog.Products.Select(p => p.MaterialNumber).ToList();
        await s.Connector.FindByExternalOrderNoAsync("warm-up", None);
        var callsBefore = s.StockCalls;

        var stock = await s.Connector.GetStockAsync(materials, None);

        Assert.All(materials, m => Assert.Equal(DemoCatalog.DefaultStock, stock.Available(m)));
        Assert.Equal(callsBefore + ((materials.Count + s.StockMaterialsPerCall - 1) / s.StockMaterialsPerCall), s.StockCalls);
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_material_is_found_by_its_code_with_its_name(string erp)
    {
        await using var s = await StartAsync(erp);
        var search = Assert.IsAssignableFrom<IErpMaterialSearch>(s.Connector);
        var product = DemoCatalog.Products.First(p => p.MaterialNumber == "MAT-LIP-01");

        var found = await search.SearchMaterialsAsync("MAT-LIP-01", 10, None);

        Assert.Contains(found, m => m.Number == "MAT-LIP-01" && m.Name == product.Title);
    }

    private static readonly Dictionary<string, Func<Action<Dictionary<string, string?>>, Task<ErpContractSubject>>> Starters = new()
    {
        ["Kingdee"] = KingdeeContractSubject.StartAsync,
        ["Sap"] = SapContractSubject.StartAsync,
        ["YonBip"] = YonBipContractSubject.StartAsync,
        ["Jushuitan"] = JushuitanContractSubject.StartAsync,
    };

    /// <summary>Creates the order and returns the document the look-up then finds for it.</summary>
    private static async Task<ErpOrderRef> CreatedAndFoundAsync(ErpContractSubject s, string externalOrderNo)
    {
        await s.Connector.CreateSalesOrderAsync(Order(externalOrderNo), None);
        return (await s.Connector.FindByExternalOrderNoAsync(externalOrderNo, None))!;
    }

    private static Task<ErpContractSubject> StartAsync(string erp, Action<Dictionary<string, string?>>? settings = null) =>
        Starters[erp](settings ?? (_ => { }));
}
