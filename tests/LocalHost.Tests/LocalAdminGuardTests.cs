using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSync.LocalHost.Security;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// The LocalHost admin surface on a shared machine: mutating routes need the token, a foreign Host is refused, and a
/// cross-site "simple" POST (text/plain or a form, no custom header) changes nothing.
/// </summary>
public sealed class LocalAdminGuardTests
{
    private static readonly string ResyncUrl = $"/api/orders/douyin/{DemoCatalog.ShopId}/4000000000000000001/resync";

    private static async Task<(HttpStatusCode Status, string Error)> SendAsync(TestHub hub, HttpMethod method, string path, HttpContent? content, string? token, string? host = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(hub.HubUrl) };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Add(LocalRequestGuard.TokenHeader, token);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var error = response.IsSuccessStatusCode ? "" : JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        return (response.StatusCode, error);
    }

    [Fact]
    public async Task Every_mutating_route_is_refused_without_the_token_with_a_wrong_token_and_for_a_simple_cross_site_post()
    {
        await using var hub = await TestHub.StartAsync();
        var profileUrl = TestHub.DemoProfileUrl;
        var profile = await hub.Http.GetStringAsync(profileUrl);
        (HttpMethod Method, string Path, string Body)[] mutating =
        [
            (HttpMethod.Post, ResyncUrl, "{}"),
            (HttpMethod.Put, profileUrl, profile),
            (HttpMethod.Post, profileUrl + "/dry-run", "{}"),
            (HttpMethod.Post, "/api/quarantine/release", """{"all":true}"""),
        ];

        foreach (var (method, path, body) in mutating)
        {
            var none = await SendAsync(hub, method, path, new StringContent(body, Encoding.UTF8, "application/json"), token: null);
            Assert.Equal((HttpStatusCode.Unauthorized, path), (none.Status, path));
            Assert.Contains(LocalRequestGuard.TokenHeader, none.Error);

            var wrong = await SendAsync(hub, method, path, new StringContent(body, Encoding.UTF8, "application/json"), token: "guessed");
            Assert.Equal((HttpStatusCode.Forbidden, path), (wrong.Status, path));

            // What a form or a fetch in no-cors mode on another site can send: no custom header, a "simple" body type.
            var textPlain = await SendAsync(hub, method, path, new StringContent(body, Encoding.UTF8, "text/plain"), token: null);
            Assert.Equal((HttpStatusCode.Unauthorized, path), (textPlain.Status, path));
            var form = await SendAsync(hub, method, path, new FormUrlEncodedContent(new Dictionary<string, string> { ["all"] = "true" }), token: null);
            Assert.Equal((HttpStatusCode.Unauthorized, path), (form.Status, path));

            // Even with the token, only JSON is taken.
            var plainWithToken = await SendAsync(hub, method, path, new StringContent(body, Encoding.UTF8, "text/plain"), hub.AdminToken);
            Assert.Equal((HttpStatusCode.UnsupportedMediaType, path), (plainWithToken.Status, path));
        }

        var history = JsonDocument.Parse(await hub.Http.GetStringAsync(profileUrl + "/history")).RootElement.GetProperty("versions");
        Assert.Equal(1, history.GetArrayLength()); // only the seeded version

        // Refused calls reached no handler, so the audit trail is empty; the accepted one is its first row.
        Assert.Equal(0, JsonDocument.Parse(await hub.Http.GetStringAsync("/api/audit")).RootElement.GetProperty("count").GetInt32());
        var allowed = await SendAsync(hub, HttpMethod.Post, ResyncUrl + "?reason=customer%20asked", new StringContent("{}", Encoding.UTF8, "application/json"), hub.AdminToken);
        Assert.Equal(HttpStatusCode.Accepted, allowed.Status);
        var row = JsonDocument.Parse(await hub.Http.GetStringAsync("/api/audit")).RootElement.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal(($"local:{Environment.UserName}", "order.resync", "customer asked"), (row.GetProperty("actor").GetString(), row.GetProperty("action").GetString(), row.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_request_for_a_foreign_host_is_refused_even_with_the_token_while_loopback_names_and_reads_work()
    {
        await using var hub = await TestHub.StartAsync();
        var port = new Uri(hub.HubUrl).Port;

        var rebound = await SendAsync(hub, HttpMethod.Post, ResyncUrl, new StringContent("{}", Encoding.UTF8, "application/json"), hub.AdminToken, host: $"attacker.example:{port}");
        Assert.Equal(HttpStatusCode.MisdirectedRequest, rebound.Status);
        Assert.Contains("attacker.example", rebound.Error);
        var read = await SendAsync(hub, HttpMethod.Get, "/api/quarantine", null, token: null, host: "attacker.example");
        Assert.Equal(HttpStatusCode.MisdirectedRequest, read.Status);

        foreach (var host in new[] { $"localhost:{port}", $"127.0.0.1:{port}", $"[::1]:{port}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(hub, HttpMethod.Get, "/api/quarantine", null, token: null, host: host)).Status);
        }

        // Reads and webhooks need no token (platforms sign their pushes): a push with a bad signature is judged by its signature.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(hub, HttpMethod.Get, "/api/quarantine", null, token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(hub, HttpMethod.Post, "/api/webhooks/douyin", new StringContent("[]", Encoding.UTF8, "application/json"), token: null)).Status);
    }

    [Fact]
    public async Task A_configured_host_name_is_served()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?> { ["Admin:AllowedHosts:0"] = "hub.internal" });

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(hub, HttpMethod.Get, "/api/quarantine", null, token: null, host: "hub.internal")).Status);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await SendAsync(hub, HttpMethod.Get, "/api/quarantine", null, token: null, host: "other.internal")).Status);
    }

    [Fact]
    public void Without_a_configured_token_one_is_generated_into_the_owner_only_token_file_on_first_start_and_read_back_later()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ssync-token-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(directory, "admin-token");
        try
        {
            var options = Options.Create(new LocalAdminOptions { TokenFile = file });
            var first = new LocalAdminToken(options, NullLogger<LocalAdminToken>.Instance);
            var second = new LocalAdminToken(options, NullLogger<LocalAdminToken>.Instance);

            Assert.True(first.Value.Length >= 40);
            Assert.Equal(first.Value, File.ReadAllText(file));
            Assert.Equal(first.Value, second.Value);
            Assert.True(second.Matches(first.Value));
            Assert.False(second.Matches(first.Value[..^1]));
            Assert.False(second.Matches(null));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.NotEqual(first.Value, new LocalAdminToken(Options.Create(new LocalAdminOptions { TokenFile = Path.Combine(directory, "other") }), NullLogger<LocalAdminToken>.Instance).Value);
            Assert.Equal("configured", new LocalAdminToken(Options.Create(new LocalAdminOptions { Token = "configured", TokenFile = file }), NullLogger<LocalAdminToken>.Instance).Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_host_listens_on_loopback_unless_told_otherwise()
    {
        Assert.True(new Uri(LocalHostApp.DefaultUrl).IsLoopback);
    }
}
