namespace ServerlessSync.Simulators.Tests.Sap;

public sealed class SapSimulatorCsrfTests
{
    [Fact]
    public async Task A_fetch_answers_a_token_with_the_session_and_xsrf_cookies()
    {
        await using var sim = await SapSimHost.StartAsync();

        var (token, cookies) = await sim.FetchTokenAsync();

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Contains("SAP_SESSIONID_S4H_100=", cookies, StringComparison.Ordinal);
        Assert.Contains("sap-XSRF_S4H_100=", cookies, StringComparison.Ordinal);
        Assert.Equal(1, sim.State.Metrics.Snapshot().TokenFetches);
        Assert.Equal(1, sim.State.Sessions.Count);
    }

    [Fact]
    public async Task A_post_needs_the_token_and_the_cookies_of_its_session()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();
        var sessionCookieOnly = cookies.Split("; ").Single(c => c.StartsWith("SAP_SESSIONID_", StringComparison.Ordinal));

        var noToken = await sim.PostOrderAsync(SapSimHost.Order("PO-1"), null, cookies);
        var noCookies = await sim.PostOrderAsync(SapSimHost.Order("PO-1"), token, null);
        var noXsrfCookie = await sim.PostOrderAsync(SapSimHost.Order("PO-1"), token, sessionCookieOnly);
        var wrongToken = await sim.PostOrderAsync(SapSimHost.Order("PO-1"), "bm90LXRoZS10b2tlbg==", cookies);

        foreach (var refused in new[] { noToken, noCookies, noXsrfCookie, wrongToken })
        {
            Assert.Equal(403, refused.Status);
            Assert.Equal("Required", refused.Response.Headers.GetValues("X-CSRF-Token").Single());
            Assert.Equal("CSRF token validation failed", await refused.Response.Content.ReadAsStringAsync());
        }

        Assert.Empty(sim.State.Orders);
        var accepted = await sim.PostOrderAsync(SapSimHost.Order("PO-1"), token, cookies);
        Assert.Equal(201, accepted.Status);
        Assert.Equal(4, sim.State.Metrics.Snapshot().CsrfRejections);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_session_ends()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();
        Assert.Equal(201, (await sim.PostOrderAsync(SapSimHost.Order("PO-1"), token, cookies)).Status);

        using var drop = await sim.Http.PostAsync("sap/_sim/sessions/drop", null);
        var stale = await sim.PostOrderAsync(SapSimHost.Order("PO-2"), token, cookies);
        var (fresh, freshCookies) = await sim.FetchTokenAsync();
        var renewed = await sim.PostOrderAsync(SapSimHost.Order("PO-2"), fresh, freshCookies);

        Assert.Equal(HttpStatusCode.NoContent, drop.StatusCode);
        Assert.Equal(403, stale.Status);
        Assert.Equal(201, renewed.Status);
        Assert.NotEqual(token, fresh);
        Assert.Equal(["PO-1", "PO-2"], sim.State.Orders.Select(o => o.PurchaseOrderByCustomer));
    }

    [Fact]
    public async Task Every_call_needs_the_communication_users_basic_credentials()
    {
        await using var sim = await SapSimHost.StartAsync();

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, SapSimHost.SalesOrders);
        using var anonymousAnswer = await sim.Http.SendAsync(anonymous);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, SapSimHost.SalesOrders);
        wrong.Headers.Authorization = sim.Basic(password: "wrong");
        using var wrongAnswer = await sim.Http.SendAsync(wrong);
        var (status, _) = await sim.GetAsync(SapSimHost.SalesOrders);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.StartsWith("Basic realm=", anonymousAnswer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(200, status);
        Assert.Equal(2, sim.State.Metrics.Snapshot().AuthFailures);
    }
}
