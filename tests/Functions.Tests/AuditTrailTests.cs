using Azure.Data.Tables;
using ServerlessSync.Pipeline.Audit;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// Every mutating call on the Functions app leaves one audit row (actor from the role key, UTC time, route, what
/// changed, the caller's reason); a release needs an explicit filter; operators read the trail.
/// </summary>
public sealed class AuditTrailTests
{
    private const string ViewerKey = "viewer-key-0123456789abcdef0123456789";
    private const string OperatorKey = "operator-key-0123456789abcdef012345678";
    private const string AdminKey = "admin-key-0123456789abcdef0123456789ab";

    private static Task<FunctionsTestApp> StartAsync() => FunctionsTestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Access:ViewerKey"] = ViewerKey,
        ["Access:OperatorKey"] = OperatorKey,
        ["Access:AdminKey"] = AdminKey,
    });

    /// <summary>A request as the middleware lets it through to <paramref name="function"/> (the caller it identified is kept on the request).</summary>
    private static HttpRequest Authorized(FunctionsTestApp app, string function, string method, string key, string? body = null, string? reason = null, string path = "/api/test")
    {
        var request = Pushes.Request(method, body is null ? null : Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["x-functions-key"] = key }, path);
        if (reason is not null)
        {
            request.QueryString = QueryString.Create("reason", reason);
        }

        Assert.Null(app.Service<AdminAccessMiddleware>().Check(function, request));
        return request;
    }

    private static async Task<(int Status, JsonElement Body)> RunAsync(Task<IActionResult> call)
    {
        var (status, _, body) = await Pushes.ExecuteAsync(await call);
        return (status, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static async Task<List<TableEntity>> TrailAsync(FunctionsTestApp app) =>
        (await app.RowsAsync(AdminAuditLog.TableName)).OrderBy(r => r.GetDateTimeOffset("At")).ToList();

    [Fact]
    public async Task Resync_release_and_profile_changes_each_leave_a_row_with_actor_time_route_change_and_reason()
    {
        await using var app = await StartAsync();
        var before = DateTimeOffset.UtcNow;

        var resync = await RunAsync(app.Create<ResyncOrderFunction>().RunAsync(
            Authorized(app, ResyncOrderFunction.Name, "POST", OperatorKey, reason: "买家催单 buyer asked", path: "/api/orders/douyin/100200300/42/resync"), "douyin", "100200300", "42", CancellationToken.None));
        Assert.Equal(202, resync.Status);

        var profileJson = await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", "douyin-100200300.json"));
        var first = await RunAsync(app.Create<ProfileFunction>().RunAsync(Authorized(app, ProfileFunction.Name, "PUT", AdminKey, profileJson, "new SKU table"), "douyin", "100200300", CancellationToken.None));
        var second = await RunAsync(app.Create<ProfileFunction>().RunAsync(Authorized(app, ProfileFunction.Name, "PUT", AdminKey, profileJson), "douyin", "100200300", CancellationToken.None));
        Assert.Equal((200, 200), (first.Status, second.Status));
        var version = second.Body.GetProperty("version").GetInt32();
        Assert.Equal("key:admin", second.Body.GetProperty("changedBy").GetString());

        var dryRun = await RunAsync(app.Create<ProfileDryRunFunction>().RunAsync(Authorized(app, ProfileDryRunFunction.Name, "POST", AdminKey, "not json"), "douyin", "100200300", CancellationToken.None));
        Assert.Equal(400, dryRun.Status);

        var rows = await TrailAsync(app);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.GetDateTimeOffset("At")!.Value, before, DateTimeOffset.UtcNow));
        Assert.Equal(["key:operator", "key:admin", "key:admin", "key:admin"], rows.Select(r => r.GetString("Actor")));
        Assert.Equal(["order.resync", "profile.put", "profile.put", "profile.dry-run"], rows.Select(r => r.GetString("Action")));
        Assert.Equal("/api/orders/douyin/100200300/42/resync", rows[0].GetString("Route"));
        Assert.Equal("POST", rows[0].GetString("Method"));
        Assert.Equal("resync of douyin:100200300:42 queued", rows[0].GetString("Change"));
        Assert.Equal(["买家催单 buyer asked", "new SKU table", AdminAuditLog.NoReason, AdminAuditLog.NoReason], rows.Select(r => r.GetString("Reason")));
        Assert.StartsWith($"profile douyin:100200300 version {version - 1} -> {version}", rows[2].GetString("Change"), StringComparison.Ordinal);
        Assert.Equal([202, 200, 200, 400], rows.Select(r => r.GetInt32("Status")!.Value));
        Assert.StartsWith("nothing", rows[3].GetString("Change"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mutating_http_function_in_functions_metadata_leaves_one_audit_row_with_actor_reason_and_change()
    {
        await using var app = await StartAsync();
        var mutating = FunctionsMetadataTests.Functions.Value.Keys
            .Where(name => FunctionsMetadataTests.Text(FunctionsMetadataTests.Trigger(name), "type") == "httpTrigger")
            .SelectMany(name => FunctionsMetadataTests.Methods(FunctionsMetadataTests.Trigger(name)).Select(m => (Function: name, Method: m.ToUpperInvariant())))
            .Where(r => FunctionRoles.IsMutating(r.Method) && !FunctionRoles.Public.Contains(r.Function))
            .ToList();
        Assert.True(mutating.Count >= 6, $"found only {mutating.Count} mutating routes");
        var entryPoints = typeof(FunctionsServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);

        foreach (var (function, method) in mutating)
        {
            var entryPoint = entryPoints[function];
            var request = Authorized(app, function, method, AdminKey, "{}", "audit " + function);
            var arguments = entryPoint.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? request
                : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : (object)(p.Name switch { "platform" => "douyin", "shopId" => "100200300", _ => "4200" })).ToArray();
            await Pushes.ExecuteAsync(await (Task<IActionResult>)entryPoint.Invoke(app.Create(entryPoint.DeclaringType!), arguments)!);
        }

        var rows = await TrailAsync(app);
        Assert.Equal(mutating.Count, rows.Count);
        Assert.Equal(mutating.Select(r => "audit " + r.Function).Order(), rows.Select(r => r.GetString("Reason")).Order());
        Assert.All(rows, r => Assert.Equal("key:admin", r.GetString("Actor")));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetString("Change")), $"{r.GetString("Action")} recorded no change"));
        Assert.All(rows, r => Assert.NotNull(r.GetInt32("Status")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason":""}""")]
    [InlineData("""{"reason":"  ","sku":"","instanceIds":[""]}""")]
    [InlineData("""{"all":false}""")]
    public async Task A_release_without_an_explicit_filter_releases_nothing_answers_400_and_is_recorded(string body)
    {
        await using var app = await StartAsync();

        var answer = await RunAsync(app.Create<QuarantineReleaseFunction>().RunAsync(Authorized(app, QuarantineReleaseFunction.Name, "POST", OperatorKey, body, "cleanup"), CancellationToken.None));

        Assert.Equal(400, answer.Status);
        Assert.Equal(0, answer.Body.GetProperty("released").GetInt32());
        Assert.Contains("empty filter releases nothing", answer.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.PeekIntakeAsync());
        var row = Assert.Single(await TrailAsync(app));
        Assert.Equal(("quarantine.release", "released 0 (no filter)", "cleanup", 400), (row.GetString("Action"), row.GetString("Change"), row.GetString("Reason"), row.GetInt32("Status")));
    }

    [Fact]
    public async Task The_trail_lists_the_newest_first_for_operators_and_a_refused_viewer_leaves_no_row()
    {
        await using var app = await StartAsync();
        await RunAsync(app.Create<QuarantineReleaseFunction>().RunAsync(Authorized(app, QuarantineReleaseFunction.Name, "POST", OperatorKey, """{"sku":"SKU-NONE"}""", "first"), CancellationToken.None));
        await RunAsync(app.Create<QuarantineReleaseFunction>().RunAsync(Authorized(app, QuarantineReleaseFunction.Name, "POST", OperatorKey, """{"all":true}""", "second"), CancellationToken.None));
        var viewer = Pushes.Request("POST", Encoding.UTF8.GetBytes("""{"all":true}"""), new Dictionary<string, string> { ["x-functions-key"] = ViewerKey });
        Assert.Equal(403, app.Service<AdminAccessMiddleware>().Check(QuarantineReleaseFunction.Name, viewer)!.StatusCode);

        var trail = await RunAsync(app.Create<AuditTrailFunction>().RunAsync(Authorized(app, AuditTrailFunction.Name, "GET", OperatorKey), CancellationToken.None));

        Assert.Equal(200, trail.Status);
        var entries = trail.Body.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["second", "first"], entries.Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal("released 0 matching {\"all\":true,\"reason\":null,\"sku\":null,\"instanceIds\":null}", entries[0].GetProperty("change").GetString());
        Assert.Equal("key:operator", entries[1].GetProperty("actor").GetString());
        Assert.Equal(403, app.Service<AdminAccessMiddleware>().Check(AuditTrailFunction.Name, Pushes.Request("GET", headers: new Dictionary<string, string> { ["x-functions-key"] = ViewerKey }))!.StatusCode);
    }
}
