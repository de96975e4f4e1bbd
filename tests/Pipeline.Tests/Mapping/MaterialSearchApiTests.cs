namespace ServerlessSync.Pipeline.Tests.Mapping;

/// <summary>The route around a connector's search: input checks, the 5-minute cache, and ERP trouble as 503/502 (the connectors' own searches are tested against their simulators).</summary>
public sealed class MaterialSearchApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An ERP whose material master answers from a list, counting the searches it is asked, or failing as told.</summary>
    private sealed class ListedErp(Exception? failure = null) : IErpMaterialSearch
    {
        public int Searches { get; private set; }

        public string Kind => "Listed";

        public Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken)
        {
            Searches++;
            return failure is not null
                ? Task.FromException<IReadOnlyList<ErpMaterial>>(failure)
                : Task.FromResult<IReadOnlyList<ErpMaterial>>([new ErpMaterial("MAT-" + text, "名称 " + text, "Pcs")]);
        }
    }

    private static JsonElement Body(ServerlessSync.Pipeline.Http.HttpReply reply) => JsonDocument.Parse(reply.Body).RootElement;

    [Fact]
    public async Task A_search_is_asked_of_the_erp_once_per_five_minutes_whatever_the_letter_case()
    {
        var erp = new ListedErp();
        var clock = new ManualClock(T0);
        var api = new MaterialSearchApi([erp], clock);

        var first = await api.SearchAsync("cream", null, default);
        var again = await api.SearchAsync(" CREAM ", null, default);
        clock.Advance(MaterialSearchApi.CacheFor);
        var later = await api.SearchAsync("cream", "5", default);
        var stale = await api.SearchAsync("cream", null, default);

        Assert.Equal([200, 200, 200, 200], new[] { first, again, later, stale }.Select(r => r.StatusCode));
        Assert.Equal((false, true), (Body(first).GetProperty("cached").GetBoolean(), Body(again).GetProperty("cached").GetBoolean()));
        Assert.Equal("MAT-cream", Body(again).GetProperty("materials")[0].GetProperty("number").GetString());
        Assert.False(Body(later).GetProperty("cached").GetBoolean()); // another top is another search
        Assert.False(Body(stale).GetProperty("cached").GetBoolean()); // and the first one expired
        Assert.Equal(3, erp.Searches);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("a\u0001b", null)]
    [InlineData("123456789012345678901234567890123456789012345678901", null)]
    [InlineData("cream", "0")]
    [InlineData("cream", "51")]
    [InlineData("cream", "ten")]
    public async Task Bad_input_gets_a_400_and_never_reaches_the_erp(string? text, string? top)
    {
        var erp = new ListedErp();

        var reply = await new MaterialSearchApi([erp], new ManualClock(T0)).SearchAsync(text, top, default);

        Assert.Equal(400, reply.StatusCode);
        Assert.False(string.IsNullOrEmpty(Body(reply).GetProperty("error").GetString()));
        Assert.Equal(0, erp.Searches);
    }

    [Fact]
    public async Task Erp_trouble_answers_503_or_502_and_is_not_cached_and_an_erp_without_a_search_503()
    {
        var busy = new ListedErp(new ErpThrottledException("call limit"));
        var garbled = new ListedErp(new ErpProtocolException("row lacks the code"));
        var api = new MaterialSearchApi([busy], new ManualClock(T0));

        var first = await api.SearchAsync("cream", null, default);
        var second = await api.SearchAsync("cream", null, default);
        var unreadable = await new MaterialSearchApi([garbled], new ManualClock(T0)).SearchAsync("cream", null, default);
        var none = await new MaterialSearchApi([], new ManualClock(T0)).SearchAsync("cream", null, default);

        Assert.Equal((503, 503, 502, 503), (first.StatusCode, second.StatusCode, unreadable.StatusCode, none.StatusCode));
        Assert.Equal(2, busy.Searches);
        Assert.Contains("row lacks the code", Body(unreadable).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("no material search", Body(none).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
